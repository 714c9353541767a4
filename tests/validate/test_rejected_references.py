"""No cascades (issue 15, item 5): when a file is rejected as a whole, the references
into it are reported once, with their count, not as one dangling reference per row with
a "nearest key" that points at a wrong fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory.issues import IssueCode, Severity
from inventory.validate import validate_paths
from tests.helpers import Cli

MUNICIPALITY = "code,name,country\ntestby,Testby kommun,SE\n"
SITES = "id,name,kind\nDC1,Datahallen,datacentre\nSK1,Skolan,school\n"
# 3 servers name a site (srv1-srv3), 2 client fleets name one: 5 site references.
SERVERS = "id,kind,site\nsrv1,physical,DC1\nsrv2,virtual,DC1\nsrv3,virtual,SK1\n"
CLIENTS = "id,kind,site,quantity\nfl-1,laptop,SK1,120\nfl-2,chromebook,SK1,300\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def files_of_testby(sites: str) -> dict[str, str]:
    return {
        "municipality.csv": MUNICIPALITY,
        "sites.csv": sites,
        "servers.csv": SERVERS,
        "clients.csv": CLIENTS,
    }


@pytest.mark.parametrize(
    ("sites", "why"),
    [
        ("ident,name,kind\nDC1,Datahallen,datacentre\nSK1,Skolan,school\n", "missing-column"),
        ("", "empty-file"),
        ("Platser\nDC1\nSK1\n", "missing-column"),  # no header at all
    ],
)
def test_references_into_a_rejected_file_are_reported_once(
    tmp_path: Path, sites: str, why: str
) -> None:
    folder = write(tmp_path / "testby", files_of_testby(sites))

    batch = validate_paths([folder])

    issues = batch.report.all_issues()
    assert not batch.report.valid
    assert why in {i.code.value for i in issues if i.file == str(folder / "sites.csv")}
    assert [i for i in issues if i.code is IssueCode.DANGLING_REFERENCE] == []
    assert not any(
        "Nearest existing key" in i.message or "did you mean" in (i.hint or "") for i in issues
    )
    once = [i for i in issues if i.code is IssueCode.REFERENCES_NOT_CHECKED]
    # 3 from servers.csv + 2 from clients.csv = 5 references not checked.
    assert [(i.file, i.severity, i.value, i.record_kind) for i in once] == [
        (str(folder / "sites.csv"), Severity.WARNING, "5", "site")
    ]
    assert "testby/clients.csv site (2), testby/servers.csv site (3)" in once[0].message


def test_validate_and_import_report_it_once_and_store_nothing(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "store.db")
    folder = write(tmp_path / "testby", files_of_testby(SITES))
    assert cli("import", str(folder)).exit_code == 0  # stored once, whole
    (folder / "sites.csv").write_text(
        "ident,name,kind\nDC1,Datahallen,datacentre\n", encoding="utf-8"
    )
    before = cli.dump()
    for command in ("validate", "import"):
        result, issues = cli.json(command, str(folder))
        assert result.exit_code == 1
        assert [
            (i["code"], i["file"], i["value"])
            for i in issues
            if i["code"] in ("references-not-checked", "dangling-reference")
        ] == [("references-not-checked", str(folder / "sites.csv"), "5")]
    assert cli.dump() == before


def test_a_rejected_municipality_file_stops_code_references_cascading(tmp_path: Path) -> None:
    # Another municipality's links name testby's sites as testby:DC1; testby's own
    # municipality file has no code column, so its code is unknown (the folder's name,
    # testby-kommun, is no stand-in for it).
    broken = write(
        tmp_path / "testby-kommun",
        {**files_of_testby(SITES), "municipality.csv": "namn\nTestby kommun\n"},
    )
    other = write(
        tmp_path / "grannby",
        {
            "municipality.csv": "code,name,country\ngrannby,Grannby kommun,SE\n",
            "sites.csv": "id,name,kind\nG1,Stadshuset,office\n",
            "links.csv": "id,a_site,b_site,kind\nL1,G1,testby:DC1,fibre\nL2,G1,testby:SK1,fibre\n",
        },
    )

    batch = validate_paths([broken, other])

    issues = batch.report.all_issues()
    assert [i for i in issues if i.code is IssueCode.UNKNOWN_MUNICIPALITY] == []
    once = [i for i in issues if i.code is IssueCode.REFERENCES_NOT_CHECKED]
    # L1 and L2 each name one testby site: 2 references.
    assert [(i.file, i.value) for i in once] == [(str(broken / "municipality.csv"), "2")]
    assert "grannby/links.csv b_site (2)" in once[0].message


def test_a_file_that_is_read_keeps_its_dangling_references(tmp_path: Path) -> None:
    # The class stays narrow: a site that is simply missing is still a dangling reference.
    folder = write(
        tmp_path / "testby",
        {**files_of_testby(SITES), "servers.csv": "id,kind,site\nsrv1,physical,DC2\n"},
    )
    batch = validate_paths([folder])
    codes = [i.code for i in batch.report.issues if i.severity is Severity.ERROR]
    assert codes == [IssueCode.DANGLING_REFERENCE]
