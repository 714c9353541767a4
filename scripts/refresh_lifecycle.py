"""Refresh the lifecycle catalogue shipped in the package (``inventory/data/``).

The catalogue is a copy of endoflife.date's product data (MIT licence). It is refreshed by
this script, never edited by hand: the script checks the file's shape, copies it byte for
byte and writes the attribution file next to it.

Usage::

    python scripts/refresh_lifecycle.py                 # from ../shared/data/lifecycle/
    python scripts/refresh_lifecycle.py path/to/endoflife-date.json
    python scripts/refresh_lifecycle.py --target DIR    # another package data folder
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED_CATALOGUE = REPO.parent / "shared" / "data" / "lifecycle" / "endoflife-date.json"
PACKAGE_DATA = REPO / "inventory" / "data"
CATALOGUE_NAME = "endoflife-date.json"
ATTRIBUTION_NAME = "endoflife-date-LICENSE.md"

ATTRIBUTION = """\
# endoflife.date lifecycle catalogue: attribution

`{catalogue}` is a copy of the product data of endoflife.date
(https://endoflife.date, https://github.com/endoflife-date/endoflife.date):
release cycles and end-of-life dates extracted from the front matter of `products/*.md`
at commit `{commit}` ({products} products).

It is refreshed with `scripts/refresh_lifecycle.py`, never edited by hand.

## Licence

{license}

MIT License

Copyright (c) 2020 endoflife.date contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


class CatalogueShapeError(ValueError):
    """The source file is not an endoflife.date catalogue this tool can read."""


def check_catalogue(data: Any) -> dict[str, Any]:
    """The catalogue if it has the expected shape (products with release cycles)."""
    if not isinstance(data, dict) or not isinstance(data.get("products"), dict):
        raise CatalogueShapeError("expected an object with a 'products' object")
    if "MIT" not in str(data.get("license", "")):
        raise CatalogueShapeError("the catalogue does not carry its MIT licence notice")
    for slug, product in data["products"].items():
        if not isinstance(product, dict) or not isinstance(product.get("releases"), list):
            raise CatalogueShapeError(f"product {slug!r} has no 'releases' list")
        for release in product["releases"]:
            if not isinstance(release, dict) or "releaseCycle" not in release:
                raise CatalogueShapeError(f"product {slug!r} has a release without releaseCycle")
    return data


def refresh(source: Path, target: Path) -> Path:
    """Copy the catalogue at ``source`` into the folder ``target`` with its attribution.

    Returns the path of the copied catalogue. The copy is byte-identical to the source.
    """
    data = check_catalogue(json.loads(source.read_text(encoding="utf-8")))
    target.mkdir(parents=True, exist_ok=True)
    copied = target / CATALOGUE_NAME
    shutil.copyfile(source, copied)
    attribution = ATTRIBUTION.format(
        catalogue=CATALOGUE_NAME,
        commit=data.get("commit", "unknown"),
        products=len(data["products"]),
        license=data.get("license", ""),
    )
    (target / ATTRIBUTION_NAME).write_text(attribution, encoding="utf-8")
    return copied


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit 0 on success, 1 when the source is unusable."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=SHARED_CATALOGUE,
        help=f"catalogue to copy (default: {SHARED_CATALOGUE})",
    )
    parser.add_argument(
        "--target",
        type=Path,
        default=PACKAGE_DATA,
        help=f"package data folder (default: {PACKAGE_DATA})",
    )
    args = parser.parse_args(argv)
    try:
        copied = refresh(args.source, args.target)
    except (OSError, json.JSONDecodeError, CatalogueShapeError) as error:
        print(f"Error: cannot refresh the catalogue from {args.source}: {error}", file=sys.stderr)
        return 1
    print(f"Refreshed {copied} and {copied.with_name(ATTRIBUTION_NAME).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
