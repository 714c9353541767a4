"""``validate_paths`` over real files, and the ``inventory validate`` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode, Severity
from inventory.validate import validate_paths


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


@pytest.fixture
def inventories(tmp_path: Path) -> Path:
    """Two small valid municipality folders (Swedish headers, cp1252, semicolons)."""
    root = tmp_path / "inventories"
    gnosjo = root / "gnosjo"
    write(
        gnosjo / "municipality.csv",
        "code,official_code,name,country,population\ngnosjo,0617,Gnosjö kommun,SE,9500\n",
    )
    write(
        gnosjo / "platser.csv",
        "Plats-id;Namn;Typ;Effektkapacitet kW;UPS\r\nDC1;Stadshuset;serverrum;12,5;ja\r\n"
        "SKOLA1;Gnosjö skola;skola;;nej\r\n",
        encoding="cp1252",
    )
    write(
        gnosjo / "servrar.csv",
        "id,värdnamn,typ,plats,kluster,värd,minne gb,inköpsdatum\n"
        'esx01,esx01.gnosjo.se,fysisk,DC1,kluster1,,"1 024",05.03.2021\n'
        "srv-ad01,ad01,virtuell,,kluster1,,16,2021-03-05\n",
    )
    write(
        gnosjo / "platforms.csv",
        "id,capability,product,runs_on\np-ad,katalogtjänst,Active Directory,srv-ad01\n"
        "p-vmw,virtualisering,vSphere,kluster1\n",
    )
    write(
        gnosjo / "applications.csv",
        "id,namn,beroenden,kritikalitet\nvisma,Visma Window,p-ad;srv-ad01,hög\n",
    )
    hylte = root / "hylte"
    write(hylte / "kommun.csv", "kod,namn,land\nhylte,Hylte kommun,Sverige\n")
    write(
        hylte / "links.csv",
        "id,a_site,b_site,kind,bandbredd mbps\nl1,HYL-DC,gnosjo:DC1,svartfiber,10000\n",
    )
    write(hylte / "sites.csv", "id,kind\nHYL-DC,datacenter\n")
    return root


def test_a_valid_folder_gives_typed_frames_and_references(inventories: Path) -> None:
    batch = validate_paths([inventories])
    report = batch.report
    assert report.valid, [str(issue) for issue in report.all_issues()]
    assert [m.code for m in batch.municipalities] == ["gnosjo", "hylte"]
    assert report.stats["files"] == 8
    assert report.stats["rows"] == {
        "municipality": 2,
        "site": 3,
        "server": 2,
        "link": 1,
        "platform": 2,
        "application": 1,
    }
    assert report.stats["encodings"][str(inventories / "gnosjo" / "platser.csv")] == "cp1252"
    gnosjo = batch.municipalities[0]
    sites = gnosjo.tables["site"].frame
    assert sites["id"].tolist() == ["DC1", "SKOLA1"]
    assert sites["kind"].tolist() == ["server_room", "school"]
    assert sites["power_capacity_kw"].iloc[0] == 12.5
    assert sites["ups"].tolist() == [True, False]
    servers = gnosjo.tables["server"].frame
    assert servers["ram_gb"].tolist() == [1024.0, 16.0]
    assert servers["purchase_date"].tolist() == [dt.date(2021, 3, 5)] * 2
    assert gnosjo.tables["municipality"].frame["official_code"].tolist() == ["0617"]
    assert gnosjo.tables["application"].frame["depends_on"].tolist() == [("p-ad", "srv-ad01")]
    assert servers["_line"].tolist() == [2, 3]
    references = {tuple(row) for row in batch.references.itertuples(index=False)}
    assert references == {
        ("gnosjo", "server", "esx01", "site", "gnosjo", "site", "DC1"),
        ("gnosjo", "platform", "p-ad", "runs_on", "gnosjo", "server", "srv-ad01"),
        ("gnosjo", "platform", "p-vmw", "runs_on", "gnosjo", "cluster", "kluster1"),
        ("gnosjo", "application", "visma", "depends_on", "gnosjo", "platform", "p-ad"),
        ("gnosjo", "application", "visma", "depends_on", "gnosjo", "server", "srv-ad01"),
        ("hylte", "link", "l1", "a_site", "hylte", "site", "HYL-DC"),
        ("hylte", "link", "l1", "b_site", "gnosjo", "site", "DC1"),
    }
    assert report.stats["references"] == 7


def test_every_issue_of_every_file_is_collected(inventories: Path) -> None:
    write(
        inventories / "gnosjo" / "servrar.csv",
        'id,typ,plats,kluster,minne gb\nesx01,fysisk,DC9,k1,"1,024"\nesx01,fysisk,DC1,k1,8\n',
    )
    write(
        inventories / "hylte" / "links.csv",
        "id,a_site,b_site,kind\nl1,HYL-DC,gnosjo:DC1,fiber\nl2,HYL-DC,kalmar:DC1,moln\n",
    )
    report = validate_paths([inventories]).report
    assert not report.valid
    found = {(i.code, Path(i.file or "").name, i.line, i.column) for i in report.all_issues()}
    assert found >= {
        (IssueCode.AMBIGUOUS_NUMBER, "servrar.csv", 2, "minne gb"),
        (IssueCode.DUPLICATE_KEY, "servrar.csv", 3, "id"),
        (IssueCode.DANGLING_REFERENCE, "servrar.csv", 2, "plats"),
        (IssueCode.INVALID_ENUM, "links.csv", 3, "kind"),
        (IssueCode.UNKNOWN_MUNICIPALITY, "links.csv", 3, "b_site"),
        (IssueCode.DANGLING_REFERENCE, "applications.csv", 2, "beroenden"),
    }


def test_the_issue_cap_lists_some_and_counts_the_rest(inventories: Path) -> None:
    rows = "".join(f"c{i},laptop,{'many' if i % 2 else '2'}\n" for i in range(40))
    write(inventories / "gnosjo" / "clients.csv", "id,kind,quantity\n" + rows)
    report = validate_paths([inventories], max_issues=5).report
    issues = report.all_issues()
    assert len(issues) == 6 and issues[-1].code is IssueCode.TOO_MANY_ISSUES
    assert report.count(Severity.ERROR) == 20  # one per "many"
    assert f"{sum(report.dropped.values())} more issues" in issues[-1].message


def test_two_folders_with_one_code(inventories: Path) -> None:
    copy = inventories / "gnosjo-copy"
    write(copy / "municipality.csv", "code,name,country\ngnosjo,Gnosjö igen,SE\n")
    batch = validate_paths([inventories])
    duplicate = [i for i in batch.report.all_issues() if i.code is IssueCode.DUPLICATE_KEY]
    assert len(duplicate) == 1 and duplicate[0].value == "gnosjo"
    assert [m.code for m in batch.municipalities] == ["gnosjo", "hylte"]


# --- the command ------------------------------------------------------------------------


runner = CliRunner()


def test_validate_exits_0_on_valid_input(inventories: Path, tmp_path: Path) -> None:
    db = tmp_path / "never-created.db"
    result = runner.invoke(app, ["--db", f"sqlite:///{db}", "validate", str(inventories)])
    assert result.exit_code == 0, result.output
    assert "Valid: 2 municipalities, 8 files, 11 rows; 0 errors, 0 warnings." in result.output
    assert not db.exists()


def test_validate_exits_1_and_lists_issues_with_their_places(
    inventories: Path, tmp_path: Path
) -> None:
    write(
        inventories / "hylte" / "links.csv", "id,a_site,b_site,kind\nl1,HYL-DC,gnosjo:DC2,fiber\n"
    )
    result = runner.invoke(
        app,
        [
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "validate",
            str(inventories / "gnosjo"),
            str(inventories / "hylte"),
        ],
    )
    assert result.exit_code == 1
    links = inventories / "hylte" / "links.csv"
    assert (
        f"error dangling-reference at {links}:2, row 1, column 'b_site' (#3): link l1"
        f" names site 'DC2', which municipality 'gnosjo' does not have."
    ) in result.output
    assert "Hint: " in result.output
    assert "Invalid: 2 municipalities" in result.output


def test_validate_json_output(inventories: Path, tmp_path: Path) -> None:
    write(inventories / "gnosjo" / "platser.csv", "id;typ\nDC1;serverrum\nSKOLA1;slott\n")
    result = runner.invoke(
        app,
        [
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "validate",
            str(inventories),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False and report["errors"] == 1
    (issue,) = report["issues"]
    assert {
        key: issue[key] for key in ("code", "line", "row", "column", "column_index", "value")
    } == {
        "code": "invalid-enum",
        "line": 3,
        "row": 2,
        "column": "typ",
        "column_index": 2,
        "value": "slott",
    }
    assert report["stats"]["municipalities"] == ["gnosjo", "hylte"]


def test_validate_usage_errors_exit_2(inventories: Path) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(inventories), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(inventories), "--max-issues", "0"]).exit_code == 2


def test_validate_checks_code_id_against_the_stored_municipalities(
    inventories: Path, sqlite_url: str
) -> None:
    from inventory.store import InventoryStore

    alone = [str(inventories / "hylte")]
    result = runner.invoke(app, ["--db", sqlite_url, "validate", *alone])
    assert result.exit_code == 1 and "unknown-municipality" in result.output
    with InventoryStore(sqlite_url) as store:
        store.import_batch(validate_paths([inventories / "gnosjo"]))
    result = runner.invoke(app, ["--db", sqlite_url, "validate", *alone])
    assert result.exit_code == 0, result.output
