"""The store commands end to end: real files, the real validator, a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from tests.helpers import dump_tables, run_cli
from tests.helpers import run_cli_raising as run

SITES = "id;namn;typ\nDC1;Stadshuset;datacenter\nS1;Skola;skola\nS2;Förskola;skola\n"
SERVERS = (
    "id,hostname,kind,site,cluster,os_product,os_version\n"
    "esx01,esx01,physical,DC1,CL1,VMware ESXi,6.7\n"
    "srv1,srv1,virtual,,CL1,Windows Server,2012 R2\n"
)


def write_inventory(
    root: Path, code: str = "gnosjo", sites: str = SITES, servers: str = SERVERS
) -> Path:
    folder = root / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "municipality.csv").write_text(
        f"code,name,country,population\n{code},{code.title()} kommun,SE,9500\n", encoding="utf-8"
    )
    (folder / "sites.csv").write_text(sites, encoding="utf-8")
    (folder / "servers.csv").write_text(servers, encoding="utf-8")
    return folder


def test_import_twice_reports_no_changes_the_second_time(db_url: str, tmp_path: Path) -> None:
    folder = write_inventory(tmp_path / "in")
    first = run(db_url, "import", str(folder))
    assert first.exit_code == 0, first.output
    assert "Import run 1 stored." in first.output
    second = run(db_url, "import", str(folder), "--format", "json")
    assert second.exit_code == 0
    data = json.loads(second.output)
    assert data["import"]["totals"] == {"created": 0, "updated": 0, "unchanged": 6, "deleted": 0}
    assert data["import"]["municipalities"]["gnosjo"]["site"]["unchanged"] == 3


def test_invalid_import_exits_1_and_writes_nothing(db_url: str, tmp_path: Path) -> None:
    folder = write_inventory(tmp_path / "in")
    assert run(db_url, "import", str(folder)).exit_code == 0
    before = dump_tables(db_url)
    write_inventory(tmp_path / "in", sites="id;namn;typ\nDC1;Stadshuset;rymdstation\n")
    result = run(db_url, "import", str(folder))
    assert result.exit_code == 1
    assert "invalid-enum" in result.output
    assert "sites.csv:2" in result.output
    assert dump_tables(db_url) == before


def test_invalid_import_into_a_new_sqlite_file_creates_nothing(tmp_path: Path) -> None:
    folder = write_inventory(tmp_path / "in", sites="id;typ\nDC1;rymdstation\n")
    database = tmp_path / "new.db"
    result = run(f"sqlite:///{database}", "import", str(folder), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)["report"]
    assert {issue["code"] for issue in report["issues"]} >= {"invalid-enum"}
    assert not database.exists()


def test_prune_dry_run_lists_what_would_go_and_keeps_it(db_url: str, tmp_path: Path) -> None:
    folder = write_inventory(tmp_path / "in")
    run(db_url, "import", str(folder))
    before = dump_tables(db_url)
    write_inventory(tmp_path / "in", sites="id;namn;typ\nDC1;Stadshuset;datacenter\n")
    dry = run(db_url, "import", str(folder), "--prune", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "will be deleted (2)" in dry.output
    assert "gnosjo site: S1, S2" in dry.output
    assert "nothing was written" in dry.output
    assert dump_tables(db_url) == before

    kept = run(db_url, "import", str(folder))
    assert "will be deleted" not in kept.output
    assert (
        json.loads(run(db_url, "stats", "--format", "json").output)["municipalities"]["gnosjo"][
            "site"
        ]
        == 3
    )

    pruned = run(db_url, "import", str(folder), "--prune")
    assert pruned.exit_code == 0
    assert pruned.output.index("will be deleted") < pruned.output.index("Import run")
    listed = json.loads(run(db_url, "list", "site", "--format", "json").output)
    assert [site["id"] for site in listed] == ["DC1"]


def test_list_and_stats(db_url: str, tmp_path: Path) -> None:
    run(
        db_url,
        "import",
        str(write_inventory(tmp_path / "in")),
        str(write_inventory(tmp_path / "in", code="hylte")),
    )
    servers = json.loads(run(db_url, "list", "server", "-m", "hylte", "--format", "json").output)
    assert [(s["municipality"], s["id"], s["cluster"]) for s in servers] == [
        ("hylte", "esx01", "CL1"),
        ("hylte", "srv1", "CL1"),
    ]
    assert servers[1]["site"] is None
    text = run(db_url, "list", "server")
    assert text.exit_code == 0 and "server: 4 records" in text.output
    stats = json.loads(run(db_url, "stats", "--format", "json").output)
    assert stats["municipalities"]["gnosjo"]["server"] == 2
    assert stats["totals"]["site"] == 6
    assert "record kind" in run(db_url, "stats").output
    unknown = run(db_url, "list", "spaceship")
    assert unknown.exit_code == 2


def test_history_and_diff_show_what_changed(db_url: str, tmp_path: Path) -> None:
    folder = write_inventory(tmp_path / "in")
    run(db_url, "import", str(folder))
    write_inventory(
        tmp_path / "in",
        sites="id;namn;typ\nDC1;Stadshuset;datacenter\nS1;Skola;skola\nS3;Ny skola;skola\n",
        servers=SERVERS.replace("VMware ESXi,6.7", "VMware ESXi,8.0"),
    )
    run(db_url, "import", str(folder), "--prune")

    runs = json.loads(run(db_url, "history", "--format", "json").output)
    assert [r["id"] for r in runs] == [1, 2]
    assert runs[1]["totals"] == {"created": 1, "updated": 1, "unchanged": 4, "deleted": 1}
    assert "gnosjo" in run(db_url, "history").output

    text = run(db_url, "diff", "1", "2")
    assert text.exit_code == 0, text.output
    assert "+ gnosjo site S3" in text.output
    assert "- gnosjo site S2" in text.output
    assert "~ gnosjo server esx01" in text.output
    assert "os_version: 6.7 -> 8.0" in text.output
    data = json.loads(run(db_url, "diff", "1", "2", "-m", "gnosjo", "--format", "json").output)
    assert data["counts"] == {"created": 1, "updated": 1, "deleted": 1}
    deleted = next(r for r in data["records"] if r["change"] == "deleted")
    assert deleted["fields"]["name"] == "Förskola"

    missing = run_cli(db_url, "diff", "1", "9")
    assert missing.exit_code == 2  # a run named on the command line: a usage error
    assert "no import run 9" in missing.output


@pytest.mark.parametrize("command", ["import", "list", "stats", "history", "diff"])
def test_every_store_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: inventory " in result.output
