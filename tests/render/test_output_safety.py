"""Writing outputs safely: a file name per diagram, whole files or none, one clear line.

Diagram names come from data, and different names can slugify alike (municipalities
``a_b`` and ``a-b``; a crowded site ``Sr1`` of ``x`` and a municipality ``x-sr1``; sites
``Hall`` and ``hall``, ``Hallö`` and ``Hallo``). Every diagram must still get a file of
its own, also on a case-blind file system, and the report must show each figure from its
own file. Output folders that cannot be written (a file in the way, a folder named
``report.html``, no permission, a read-only or full file system) give one line and exit 1,
with the previous outputs left as they were. The read-only and full file systems are real:
a small tmpfs mounted in a user namespace (the test is skipped where there is none).
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from inventory.render.paths import unique_stems
from inventory.store import InventoryStore
from inventory.validate import validate_paths
from tests.helpers import Outcome, run_main

INVENTORY_SCRIPT = Path(sys.executable).with_name("inventory")
SERVERS_PER_SITE = 14  # above the node budget (12): every site gets a drill-down diagram

#: Municipality code -> site ids: slugs that collide within and across municipalities.
COLLIDING = {
    "a-b": ["Hall", "hall", "Hallö", "Hallo"],
    "a_b": ["Hall"],
    "x": ["Sr1"],
    "x-sr1": ["Dc"],
}


def _write_municipality(root: Path, code: str, sites: list[str]) -> None:
    folder = root / code
    folder.mkdir()
    (folder / "municipality.csv").write_text(
        f"code,name,country\n{code},Kommun {code},SE\n", encoding="utf-8"
    )
    (folder / "sites.csv").write_text(
        "id,name,kind\n" + "".join(f"{site},Plats {site},server_room\n" for site in sites),
        encoding="utf-8",
    )
    (folder / "servers.csv").write_text(
        "id,hostname,kind,site\n"
        + "".join(
            f"s{i}-{n},h{i}-{n},physical,{site}\n"
            for i, site in enumerate(sites)
            for n in range(SERVERS_PER_SITE)
        ),
        encoding="utf-8",
    )
    (folder / "storage.csv").write_text(
        f"id,kind,site,capacity_tb,used_tb\nsan1,san,{sites[0]},10,5\n", encoding="utf-8"
    )
    (folder / "platforms.csv").write_text(
        "id,capability,product,version\np-ad,directory,Microsoft Active Directory,2019\n",
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Store:
    db: str
    target: Path


@pytest.fixture(scope="module")
def colliding_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The municipalities of ``COLLIDING`` stored in SQLite, and a target naming them."""
    root = tmp_path_factory.mktemp("colliding")
    inventory = root / "inventory"
    inventory.mkdir()
    for code, sites in COLLIDING.items():
        _write_municipality(inventory, code, sites)
    batch = validate_paths([inventory])
    assert batch.report.valid, str(batch.report)
    url = f"sqlite:///{root / 'inventory.db'}"
    with InventoryStore(url) as store:
        store.import_batch(batch)
    target = root / "target.yaml"
    target.write_text(
        "name: Colliding names\nmunicipalities: [" + ", ".join(COLLIDING) + "]\ncapabilities: {}\n",
        encoding="utf-8",
    )
    return Store(url, target)


def _digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative name -> sha256): what must not change."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _one_error_line(outcome: Outcome, *fragments: str) -> None:
    assert outcome.code == 1, outcome.text
    assert "Traceback" not in outcome.text
    errors = [line for line in outcome.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, outcome.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


# --- names --------------------------------------------------------------------------------


def test_colliding_stems_get_distinct_stable_names() -> None:
    items = [
        ("architecture-a-b", ("architecture", "a-b")),
        ("architecture-a-b", ("architecture", "a_b")),
        ("architecture-m-hall", ("architecture", "m", "Hall")),
        ("architecture-m-hall", ("architecture", "m", "hall")),
        ("architecture-m-hallo", ("architecture", "m", "Hallö")),
        ("architecture-m-hallo", ("architecture", "m", "Hallo")),
        ("network", ("network",)),
    ]
    stems = unique_stems(items)
    assert len({stem.casefold() for stem in stems}) == len(items)
    assert stems[-1] == "network"  # a name nobody shares stays as it was
    for (stem, _), unique in zip(items, stems, strict=True):
        assert re.fullmatch(re.escape(stem) + r"-[0-9a-f]{8}", unique) or unique == stem
    # The name of each diagram depends on what it was drawn for, not on the order.
    assert dict(zip(items, stems, strict=True)) == dict(
        zip(items[::-1], unique_stems(items[::-1]), strict=True)
    )


def test_stems_that_differ_only_in_case_or_equal_a_reserved_name_are_kept_apart() -> None:
    stems = unique_stems(
        [("Net", ("Net",)), ("net", ("net",)), ("arch", ("arch",))], reserved=["ARCH"]
    )
    assert len({stem.casefold() for stem in [*stems, "arch"]}) == 4
    same_key = unique_stems([("x", ("x",)), ("x", ("x",))])
    assert same_key[0] != same_key[1]


def test_report_writes_each_diagram_to_its_own_file(colliding_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "report"
    outcome = run_main(
        "--db",
        colliding_store.db,
        "report",
        "--target",
        str(colliding_store.target),
        "--out",
        str(out),
        "--formats",
        "md,json",
    )
    assert outcome.code == 0, outcome.text
    on_disk = sorted((out / "diagrams").iterdir())
    written = re.search(r"wrote (\d+) diagram files", outcome.stdout)
    assert written is not None and int(written.group(1)) == len(on_disk)
    assert len({path.name.casefold() for path in on_disk}) == len(on_disk)
    # 4 overviews, 7 site drill-downs (every site is crowded), network, 5 target views
    # and the overlap grid, each as SVG and DOT.
    assert len(on_disk) >= 2 * (4 + 7 + 1 + 5 + 1)
    markdown = (out / "report.md").read_text(encoding="utf-8")
    figures = re.findall(r"!\[([^\]]*)\]\(<([^>]*)>\)", markdown)
    links = [link for _, link in figures]
    assert len(links) == len(set(links)) >= 4 + 1 + 5
    for caption, link in figures:
        svg = html.unescape((out / link).read_text(encoding="utf-8"))
        assert caption.replace("\\", "") in svg, (caption, link)  # drawn for this figure
    captions = [caption.replace("\\", "") for caption, _ in figures]  # Markdown escapes
    for code in COLLIDING:
        assert any(caption.endswith(f"Kommun {code}") for caption in captions), code


def test_diagram_files_beside_out_never_overwrite_it_or_each_other(
    colliding_store: Store, tmp_path: Path
) -> None:
    # --out named like a later diagram of the view (case apart): that one must go elsewhere.
    out = tmp_path / "Architecture-X.svg"
    outcome = run_main("--db", colliding_store.db, "diagram", "architecture", "--out", str(out))
    assert outcome.code == 0, outcome.text
    printed = [
        Path(line.removeprefix("wrote "))
        for line in outcome.stdout.splitlines()
        if line.startswith("wrote ")
    ]
    on_disk = sorted(tmp_path.iterdir())
    assert len(printed) == len(set(printed)) == len(on_disk)
    assert len({path.name.casefold() for path in on_disk}) == len(on_disk)
    first = html.unescape(out.read_text(encoding="utf-8"))
    assert "Kommun a-b" in first  # the first diagram of the view, not overwritten


@pytest.mark.parametrize("name", ["sites.csv", "target.yaml", "net.png", "net"])
def test_diagram_out_must_end_in_the_format(
    colliding_store: Store, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    out.write_bytes(b"id,name,kind\nDC1,Hall,datacentre\n")
    before = _digests(tmp_path)
    outcome = run_main(
        "--db", colliding_store.db, "diagram", "network", "--format", "svg", "--out", str(out)
    )
    assert outcome.code == 2, outcome.text
    assert "Traceback" not in outcome.text and ".svg" in outcome.text
    assert _digests(tmp_path) == before


# --- folders that cannot be written ------------------------------------------------------


def _commands(store: Store, out: Path) -> dict[str, list[str]]:
    """Every command that writes to a folder or file, writing to ``out``."""
    return {
        "report": [
            "--db",
            store.db,
            "report",
            "--target",
            str(store.target),
            "--out",
            str(out),
            "--formats",
            "md,json",
        ],
        "diagram": ["--db", store.db, "diagram", "network", "--out", str(out / "net.svg")],
        "templates": ["templates", str(out)],
        "synth": ["synth", "--municipalities", "1", "--out", str(out)],
        "schemas": ["schemas", str(out)],
        "graph": ["--db", store.db, "graph", "--out", str(out / "graph.graphml")],
        "gap": [
            "--db",
            store.db,
            "gap",
            "--target",
            str(store.target),
            "--format",
            "csv",
            "--out",
            str(out),
        ],
        "overlap": ["--db", store.db, "overlap", "--format", "csv", "--out", str(out)],
        "propose-target": ["--db", store.db, "propose-target", "--out", str(out / "draft.yaml")],
    }


COMMANDS = (
    "report",
    "diagram",
    "templates",
    "synth",
    "schemas",
    "graph",
    "gap",
    "overlap",
    "propose-target",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_out_below_a_file(colliding_store: Store, tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n", encoding="utf-8")
    outcome = run_main(*_commands(colliding_store, blocker / "out")[command])
    _one_error_line(outcome, "Cannot write", "notes.txt", "Not a directory")
    assert "Hint:" in outcome.stderr
    assert _digests(tmp_path) == {"notes.txt": hashlib.sha256(b"my notes\n").hexdigest()}


@pytest.mark.parametrize("command", COMMANDS)
def test_out_where_writing_is_not_permitted(colliding_store: Store, command: str) -> None:
    # /sys refuses new entries even to root (chmod would not stop root).
    out = Path("/sys/inventory-test-output")
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    outcome = run_main(*_commands(colliding_store, out)[command])
    _one_error_line(outcome, "Cannot write", str(out))
    assert not out.exists()


def test_report_html_that_is_a_folder(colliding_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "report"
    (out / "report.html").mkdir(parents=True)
    (out / "report.html" / "keep.txt").write_text("mine\n", encoding="utf-8")
    (out / "report.md").write_text("the previous report\n", encoding="utf-8")
    before = _digests(out)
    outcome = run_main(
        "--db",
        colliding_store.db,
        "report",
        "--target",
        str(colliding_store.target),
        "--out",
        str(out),
    )
    _one_error_line(outcome, "Cannot write", "report.html", "Is a directory")
    assert _digests(out) == before
    assert sorted(path.name for path in out.iterdir()) == ["report.html", "report.md"]


# --- read-only and full file systems (real ones, in a user namespace) -------------------


def _namespace_available() -> bool:
    if shutil.which("unshare") is None or not INVENTORY_SCRIPT.exists():
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


needs_namespace = pytest.mark.skipif(
    not _namespace_available(),
    reason="needs `unshare -rm` (user and mount namespaces) to mount a small tmpfs",
)


def _in_small_filesystem(mount: Path, setup: str, argv: list[str]) -> Outcome:
    """Mount a 2 MiB tmpfs on ``mount``, run ``setup`` (shell), then ``inventory ARGV``.

    Prints the digests of the files in the tmpfs before and after the command, so that the
    test can compare them (the tmpfs vanishes with the namespace).
    """
    quoted = " ".join(f"'{part}'" for part in [str(INVENTORY_SCRIPT), *argv])
    script = f"""
set -e
M='{mount}'
mount -t tmpfs -o size=2m tmpfs "$M"
cd "$M"
{setup}
echo '--- before'; find . -type f ! -name filler -exec sha256sum {{}} + | sort
set +e
{quoted} >'{mount}.stdout' 2>'{mount}.stderr'
echo "--- exit $?"
echo '--- after'; find . -type f ! -name filler -exec sha256sum {{}} + | sort
"""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    before, rest = done.stdout.split("--- before\n", 1)[1].split("--- exit ", 1)
    code, after = rest.split("\n--- after\n", 1)
    assert before == after, (before, after)  # the files there are exactly as they were
    assert before.strip(), "the setup wrote nothing to compare"
    return Outcome(
        int(code),
        Path(f"{mount}.stdout").read_text(encoding="utf-8"),
        Path(f"{mount}.stderr").read_text(encoding="utf-8"),
    )


# Fill the tmpfs but for one 4 KiB page: a small file may fit (and must be removed again
# when a later one does not), the outputs do not. A drafted target fits in a page: none.
_FILL = (
    'avail=$(df -B4096 --output=avail "$M" | tail -1)\n'
    "dd if=/dev/zero of=filler bs=4096 count=$((avail - FREE)) 2>/dev/null"
)
_READ_ONLY = 'mount -o remount,ro "$M"'


def _previous_outputs(command: str) -> str:
    """Shell that writes what a previous run left in the folder (kept byte for byte)."""
    return {
        "report": "printf 'old report\\n' > report.md; printf '{}' > report.json",
        "templates": "printf 'code,name,country\\ngnosjo,Gnosjö,SE\\n' > kommun.csv",
        "synth": "mkdir -p old; printf 'id\\nsrv1\\n' > old/servers.csv",
        "gap": "printf 'municipality\\n' > readiness.csv",
        "propose-target": "printf 'name: my own target\\n' > target.yaml",
    }[command]


@needs_namespace
# One command per way of writing: staged and renamed (report, gap tables), new files only
# (templates, synth: removed again on failure; propose-target).
@pytest.mark.parametrize("command", ["report", "gap", "templates", "synth", "propose-target"])
@pytest.mark.parametrize(
    ("setup", "reason"),
    [(_FILL, "No space left on device"), (_READ_ONLY, "Read-only file system")],
    ids=["full", "read-only"],
)
def test_full_or_read_only_filesystem(
    colliding_store: Store, tmp_path: Path, command: str, setup: str, reason: str
) -> None:
    mount = tmp_path / "out"
    mount.mkdir()
    setup = setup.replace("FREE", "0" if command == "propose-target" else "1")
    outcome = _in_small_filesystem(
        mount, _previous_outputs(command) + "\n" + setup, _commands(colliding_store, mount)[command]
    )
    _one_error_line(outcome, "Cannot write", reason)
    assert "Hint:" in outcome.stderr
