"""Regenerate the README's pictures from a fresh demo run.

    .venv/bin/python scripts/readme_pictures.py

Runs the demo into a temporary folder, screenshots the top of ``report.html`` in Debian's
headless Chromium (playwright drives ``/usr/bin/chromium``; no browser is downloaded), the
executive summary's first screen (1280 x 800) of the report in English, Swedish and
Norwegian (``summary-en.png``, ``summary-sv.png``, ``summary-no.png``) and renders the
network diagram to PNG with Graphviz (at 48 dpi), into ``docs/images/``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from inventory.demo import run_demo

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        demo = run_demo(Path(scratch) / "demo", samples=REPO / "samples")
        report = demo.files.reports["html"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(report.as_uri())
            page.screenshot(path=str(IMAGES / "report.png"))
            for lang in ("en", "sv", "no"):
                folder = Path(scratch) / f"report-{lang}"
                subprocess.run(
                    [
                        str(Path(sys.executable).parent / "inventory"),
                        "--db",
                        demo.database_url,
                        "report",
                        "--target",
                        str(REPO / "samples" / "target.yaml"),
                        "--lang",
                        lang,
                        "--out",
                        str(folder),
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto((folder / "report.html").as_uri())
                page.screenshot(path=str(IMAGES / f"summary-{lang}.png"))
            browser.close()
        subprocess.run(
            [
                str(Path(sys.executable).parent / "inventory"),
                "--db",
                demo.database_url,
                "diagram",
                "network",
                "--target",
                str(REPO / "samples" / "target.yaml"),
                "--format",
                "dot",
                "--out",
                str(Path(scratch) / "network.dot"),
            ],
            check=True,
        )
        # Half the default resolution keeps the picture readable and the README light.
        subprocess.run(
            [
                "dot",
                "-Gdpi=48",
                "-Tpng",
                str(Path(scratch) / "network.dot"),
                "-o",
                str(IMAGES / "network.png"),
            ],
            check=True,
        )
    for picture in sorted(IMAGES.glob("*.png")):
        print(f"{picture.relative_to(REPO)}: {picture.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
