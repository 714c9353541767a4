"""The input cases of docs/reliability.md ("Encoding and dialect", "Headers", "Values",
"References and keys"), end to end: real files, the real CLI, a real database.

Every case copies samples/gnosjo, plants ONE defect and runs ``inventory import`` against
a database already holding the five sample municipalities (so ``gislaved:DC1`` style
references resolve). A rejected import must exit 1, report the issue code at its place
(file, line, row, column name and position) in the JSON report, print no traceback and
leave every table exactly as it was. An accepted case must exit 0 and store the right
value (read back through ``InventoryStore``) with its provenance (``import_file``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory.store import InventoryStore
from tests.helpers import dump_tables, header_mapping, run_cli, run_json, stored_files

SERVERS = "servrar.csv"  # cp1252, ';', CRLF (as Excel writes it)
SITES = "platser.csv"  # UTF-8, ','
APPS = "verksamhetssystem.csv"
CLIENTS = "klienter.csv"
ZONES = "zoner.csv"
LINKS = "länkar.csv"
STORAGE = "lagring.csv"
MUNICIPALITY = "kommun.csv"


class Planted:
    """A copy of samples/gnosjo with the helpers to plant a defect in one file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def encoding(name: str) -> str:
        return "cp1252" if name == SERVERS else "utf-8"

    @staticmethod
    def delimiter(name: str) -> str:
        return ";" if name == SERVERS else ","

    def lines(self, name: str) -> list[str]:
        """The physical lines of a sample file (decoded, without line ends)."""
        return (self.folder / name).read_bytes().decode(self.encoding(name)).splitlines()

    def write_lines(
        self, name: str, lines: list[str], encoding: str | None = None, newline: str | None = None
    ) -> None:
        """Write lines back (by default in the file's own encoding and line ends)."""
        end = newline if newline is not None else ("\r\n" if name == SERVERS else "\n")
        data = end.join(lines) + end
        (self.folder / name).write_bytes(data.encode(encoding or self.encoding(name)))

    def write_bytes(self, name: str, data: bytes) -> None:
        (self.folder / name).write_bytes(data)

    def rows(self, name: str) -> list[list[str]]:
        return [line.split(self.delimiter(name)) for line in self.lines(name)]

    def write_rows(self, name: str, rows: list[list[str]]) -> None:
        """Write split rows back, joined with the file's delimiter (no quoting)."""
        self.write_lines(name, [self.delimiter(name).join(row) for row in rows])

    def set_cell(self, name: str, line: int, column: str, value: str) -> None:
        """Replace the cell of ``column`` (header as written) on physical ``line``."""
        rows = self.rows(name)
        rows[line - 1][rows[0].index(column)] = value
        self.write_rows(name, rows)

    def set_header(self, name: str, old: str, new: str) -> None:
        self.set_cell(name, 1, old, new)

    def append(self, name: str, *lines: str) -> None:
        self.write_lines(name, [*self.lines(name), *lines])

    def replace_line(self, name: str, line: int, text: str) -> None:
        lines = self.lines(name)
        lines[line - 1] = text
        self.write_lines(name, lines)


Defect = Callable[[Planted], None]


# --- the defects ---------------------------------------------------------------------------


def bad_utf8_line(p: Planted) -> None:
    data = (p.folder / SITES).read_bytes().split(b"\n")
    data[3] = "SK-ESKILS,Eskilsgårdsskolan,skola,,,,,,,,,".encode("cp1252")  # line 4
    p.write_bytes(SITES, b"\n".join(data))


def xlsx_renamed(p: Planted) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in p.rows(SITES):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    p.write_bytes(SITES, buffer.getvalue())


def nul_byte(p: Planted) -> None:
    p.replace_line(SITES, 5, "SK-MOSSLE,Mossle\x00skolan,skola,,,,,,,,,")


def header_only(p: Planted) -> None:
    p.write_lines(SITES, p.lines(SITES)[:1])


def wrong_delimiter(p: Planted) -> None:
    p.write_lines(SITES, [line.replace(",", "|") for line in p.lines(SITES)])


def unterminated_quote(p: Planted) -> None:
    p.replace_line(SITES, 5, 'SK-MOSSLE,"Mossleskolan,skola,,,,,,,,,')


def extra_cells(p: Planted) -> None:
    p.replace_line(SITES, 3, p.lines(SITES)[2] + ",extra")


def missing_cells(p: Planted) -> None:
    p.replace_line(SITES, 4, "SK-ESKILS,Eskilsgårdsskolan,skola")


def huge_field(p: Planted) -> None:
    p.set_cell(SITES, 3, "adress", "x" * 150_000)


def quoted_newline_then_bad_enum(p: Planted) -> None:
    lines = p.lines(SITES)
    lines[2] = 'KH,"Kommunhuset\nGnosjö, entré",kontor,Järnvägsgatan 2,,,,,,,,'
    lines[3] = lines[3].replace(",skola,", ",rymdstation,")  # physical line 5, row 3
    p.write_lines(SITES, lines)


def sep_line_then_bad_enum(p: Planted) -> None:
    lines = [line.replace(",", ";") for line in p.lines(SITES)]
    lines[3] = lines[3].replace(";skola;", ";rymdstation;")  # row 3, physical line 5
    p.write_lines(SITES, ["sep=;", *lines])


def blank_header(p: Planted) -> None:
    p.set_header(SITES, "adress", "")


def duplicate_header(p: Planted) -> None:
    p.set_header(SITES, "ägare", "namn")


def alias_duplicate_header(p: Planted) -> None:
    p.set_header(SERVERS, "roll", "hostname")  # värdnamn (#2) is the same field


def unknown_header(p: Planted) -> None:
    p.set_header(SITES, "brandsläckning", "brandsläkning")


def missing_required_columns(p: Planted) -> None:
    rows = p.rows(SITES)
    p.write_rows(SITES, [row[1:2] + row[3:] for row in rows])  # drop plats-id and typ


def ambiguous_number(p: Planted) -> None:
    p.set_cell(SERVERS, 2, "kärnor", "1,024")


def mangled_serial(p: Planted) -> None:
    p.set_cell(SERVERS, 3, "serienummer", "1,23E+11")


def ambiguous_date(p: Planted) -> None:
    p.set_cell(SERVERS, 4, "inköpsdatum", "3/5/2024")


def excel_serial_date(p: Planted) -> None:
    p.set_cell(SERVERS, 5, "garanti till", "45292")


def na_in_number(p: Planted) -> None:
    p.set_cell(SITES, 2, "rack totalt", "NA")


def bad_boolean(p: Planted) -> None:
    p.set_cell(SITES, 2, "avbrottsfri kraft", "kanske")


def unknown_enum(p: Planted) -> None:
    p.set_cell(SITES, 4, "typ", "rymdstation")


def bad_ip(p: Planted) -> None:
    p.set_cell(SERVERS, 2, "ip-adress", "10.17.100.300")


def bad_prefix(p: Planted) -> None:
    p.set_cell(ZONES, 2, "prefix", "10.17.10.0/33")


def trimmed_duplicate_key(p: Planted) -> None:
    p.append(SITES, "SR1 ,Nytt serverrum,serverrum,,,,,,,,,")  # line 10 = SR1 (line 2)


def zero_width_duplicate_key(p: Planted) -> None:
    p.append(SITES, "K\u200bH,Kommunhuset igen,kontor,,,,,,,,,")  # line 10 = KH (line 3)


def nfc_duplicate_key(p: Planted) -> None:
    p.append(
        SITES,
        "VB-HÖG,Högbo,äldreboende,,,,,,,,,",  # composed Ö, line 10
        "VB-HO\u0308G,Högbo igen,äldreboende,,,,,,,,,",
    )  # decomposed Ö, line 11


def mangled_key(p: Planted) -> None:
    p.append(SERVERS, "1,23E+11;GNO-X;fysisk;SR1;;;;;;;;;;;;;;;aktiv;;;låg")


def duplicate_key(p: Planted) -> None:
    p.append(SERVERS, p.lines(SERVERS)[1])  # esx01 again on line 42 (first on line 2)


def dangling_site(p: Planted) -> None:
    p.set_cell(SERVERS, 2, "plats", "SR2")


def dangling_platform(p: Planted) -> None:
    p.set_cell(APPS, 2, "beroenden", "p-entr")


def dangling_other_municipality(p: Planted) -> None:
    p.set_cell(LINKS, 9, "b-plats", "gislaved:DC9")


def unknown_municipality(p: Planted) -> None:
    p.set_cell(LINKS, 9, "b-plats", "gislavd:DC1")


def ambiguous_reference(p: Planted) -> None:
    # a server named like the platform p-entra: the application's dependency matches both
    p.append(SERVERS, "p-entra;GNO-ENTRA;virtuell;;esx-cl01;esx01;;;;;;;;;;;;;aktiv;;;låg")


def self_reference(p: Planted) -> None:
    p.set_cell(SERVERS, 6, "värd", "srv-dc01")


@dataclass(frozen=True)
class Rejected:
    """What the report must say: the code and its place."""

    code: str
    file: str
    line: int | None
    row: int | None = None
    column: str | None = None
    column_index: int | None = None
    value: str | None = None
    says: tuple[str, ...] = ()  # fragments of the message or hint


@dataclass(frozen=True)
class Case:
    name: str
    section: str
    defect: Defect
    expect: Rejected


REJECTED: list[Case] = [
    # Encoding and dialect
    Case("bad-utf8-line", "encoding", bad_utf8_line, Rejected("invalid-encoding", SITES, 4)),
    Case("xlsx-renamed-csv", "encoding", xlsx_renamed, Rejected("xlsx-as-csv", SITES, 1)),
    Case("nul-byte", "encoding", nul_byte, Rejected("nul-byte", SITES, 5)),
    Case(
        "empty-file",
        "encoding",
        lambda p: p.write_bytes(SITES, b""),
        Rejected("empty-file", SITES, None),
    ),
    Case("single-wide-column", "encoding", wrong_delimiter, Rejected("single-column", SITES, 1)),
    Case(
        "unterminated-quote",
        "encoding",
        unterminated_quote,
        Rejected("unterminated-quote", SITES, 5),
    ),
    Case("extra-cells", "encoding", extra_cells, Rejected("extra-cells", SITES, 3, row=2)),
    Case("missing-cells", "encoding", missing_cells, Rejected("missing-cells", SITES, 4, row=3)),
    Case(
        "huge-field",
        "encoding",
        huge_field,
        Rejected("field-too-large", SITES, 3, row=2, column="adress", column_index=4),
    ),
    Case(
        "quoted-newline-keeps-lines",
        "encoding",
        quoted_newline_then_bad_enum,
        Rejected(
            "invalid-enum", SITES, 5, row=3, column="typ", column_index=3, value="rymdstation"
        ),
    ),
    Case(
        "sep-line-keeps-lines",
        "encoding",
        sep_line_then_bad_enum,
        Rejected("invalid-enum", SITES, 5, row=3, column="typ", column_index=3),
    ),
    # Headers
    Case(
        "blank-header", "headers", blank_header, Rejected("blank-header", SITES, 1, column_index=4)
    ),
    Case(
        "duplicate-header",
        "headers",
        duplicate_header,
        Rejected("duplicate-header", SITES, 1, column="namn", column_index=12),
    ),
    Case(
        "alias-duplicate-header",
        "headers",
        alias_duplicate_header,
        Rejected("duplicate-header", SERVERS, 1, column="hostname", column_index=7),
    ),
    Case(
        "unknown-header",
        "headers",
        unknown_header,
        Rejected(
            "unknown-header",
            SITES,
            1,
            column="brandsläkning",
            column_index=11,
            says=("brandsläckning",),
        ),
    ),
    Case(
        "missing-required-columns",
        "headers",
        missing_required_columns,
        Rejected("missing-column", SITES, 1, says=("missing: id, kind",)),
    ),
    # Values
    Case(
        "ambiguous-thousands",
        "values",
        ambiguous_number,
        Rejected(
            "ambiguous-number", SERVERS, 2, row=1, column="kärnor", column_index=11, value="1,024"
        ),
    ),
    Case(
        "mangled-serial",
        "values",
        mangled_serial,
        Rejected(
            "mangled-identifier",
            SERVERS,
            3,
            row=2,
            column="serienummer",
            column_index=10,
            value="1,23E+11",
        ),
    ),
    Case(
        "ambiguous-date",
        "values",
        ambiguous_date,
        Rejected(
            "ambiguous-date",
            SERVERS,
            4,
            row=3,
            column="inköpsdatum",
            column_index=20,
            value="3/5/2024",
        ),
    ),
    Case(
        "excel-serial-date",
        "values",
        excel_serial_date,
        Rejected(
            "excel-serial-date",
            SERVERS,
            5,
            row=4,
            column="garanti till",
            column_index=21,
            value="45292",
        ),
    ),
    Case(
        "na-in-number-column",
        "values",
        na_in_number,
        Rejected(
            "invalid-number", SITES, 2, row=1, column="rack totalt", column_index=5, value="NA"
        ),
    ),
    Case(
        "bad-boolean",
        "values",
        bad_boolean,
        Rejected(
            "invalid-boolean",
            SITES,
            2,
            row=1,
            column="avbrottsfri kraft",
            column_index=9,
            value="kanske",
        ),
    ),
    Case(
        "unknown-enum",
        "values",
        unknown_enum,
        Rejected(
            "invalid-enum",
            SITES,
            4,
            row=3,
            column="typ",
            column_index=3,
            value="rymdstation",
            says=("Allowed, with the Swedish names: datacentre (datacenter",),
        ),
    ),
    Case(
        "bad-ip",
        "values",
        bad_ip,
        Rejected(
            "invalid-ip",
            SERVERS,
            2,
            row=1,
            column="ip-adress",
            column_index=16,
            value="10.17.100.300",
        ),
    ),
    Case(
        "bad-prefix",
        "values",
        bad_prefix,
        Rejected("invalid-ip", ZONES, 2, row=1, column="prefix", column_index=5),
    ),
    Case(
        "trimmed-duplicate-key",
        "values",
        trimmed_duplicate_key,
        Rejected(
            "duplicate-key",
            SITES,
            10,
            row=9,
            column="plats-id",
            column_index=1,
            says=("lines 2 and 10",),
        ),
    ),
    Case(
        "zero-width-duplicate-key",
        "values",
        zero_width_duplicate_key,
        Rejected(
            "duplicate-key",
            SITES,
            10,
            row=9,
            column="plats-id",
            column_index=1,
            says=("lines 3 and 10",),
        ),
    ),
    Case(
        "nfc-duplicate-key",
        "values",
        nfc_duplicate_key,
        Rejected(
            "duplicate-key",
            SITES,
            11,
            row=10,
            column="plats-id",
            column_index=1,
            says=("lines 10 and 11",),
        ),
    ),
    Case(
        "mangled-identifier-key",
        "values",
        mangled_key,
        Rejected(
            "mangled-identifier",
            SERVERS,
            42,
            row=41,
            column="server-id",
            column_index=1,
            value="1,23E+11",
        ),
    ),
    # References and keys
    Case(
        "duplicate-key-cites-both",
        "references",
        duplicate_key,
        Rejected(
            "duplicate-key",
            SERVERS,
            42,
            row=41,
            column="server-id",
            column_index=1,
            value="esx01",
            says=("lines 2 and 42",),
        ),
    ),
    Case(
        "dangling-site",
        "references",
        dangling_site,
        Rejected(
            "dangling-reference",
            SERVERS,
            2,
            row=1,
            column="plats",
            column_index=4,
            value="SR2",
            says=("SR1",),
        ),
    ),
    Case(
        "dangling-platform",
        "references",
        dangling_platform,
        Rejected(
            "dangling-reference",
            APPS,
            2,
            row=1,
            column="beroenden",
            column_index=8,
            value="p-entr",
            says=("p-entra",),
        ),
    ),
    Case(
        "dangling-other-municipality",
        "references",
        dangling_other_municipality,
        Rejected(
            "dangling-reference",
            LINKS,
            9,
            row=8,
            column="b-plats",
            column_index=3,
            value="gislaved:DC9",
        ),
    ),
    Case(
        "unknown-municipality",
        "references",
        unknown_municipality,
        Rejected(
            "unknown-municipality",
            LINKS,
            9,
            row=8,
            column="b-plats",
            column_index=3,
            value="gislavd:DC1",
        ),
    ),
    Case(
        "ambiguous-reference",
        "references",
        ambiguous_reference,
        Rejected(
            "ambiguous-reference",
            APPS,
            2,
            row=1,
            column="beroenden",
            column_index=8,
            says=("matches 2 records",),
        ),
    ),
    Case(
        "self-reference",
        "references",
        self_reference,
        Rejected(
            "self-reference", SERVERS, 6, row=5, column="värd", column_index=6, value="srv-dc01"
        ),
    ),
]


def _matches(issue: dict[str, Any], expect: Rejected) -> bool:
    if issue["code"] != expect.code or Path(str(issue["file"])).name != expect.file:
        return False
    wanted = {
        "line": expect.line,
        "row": expect.row,
        "column": expect.column,
        "column_index": expect.column_index,
        "value": expect.value,
    }
    return all(
        issue[key] == value for key, value in wanted.items() if value is not None or key == "line"
    )


@pytest.mark.parametrize("case", REJECTED, ids=[case.name for case in REJECTED])
def test_rejected_import_reports_the_place_and_writes_nothing(
    case: Case, loaded_db: str, municipality_copy: Path
) -> None:
    case.defect(Planted(municipality_copy))
    before = dump_tables(loaded_db)
    result, output = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert output["valid"] is False and output["import"] is None
    issues = output["report"]["issues"]
    found = [issue for issue in issues if _matches(issue, case.expect)]
    assert found, f"expected {case.expect}, got:\n" + "\n".join(
        f"{i['code']} {i['file']}:{i['line']} row={i['row']} col={i['column']!r}"
        f" #{i['column_index']} value={i['value']!r}: {i['message']}"
        for i in issues
    )
    issue = found[0]
    assert issue["severity"] == "error" and issue["message"]
    assert issue["hint"], issue
    text = f"{issue['message']} {issue['hint']}"
    for fragment in case.expect.says:
        assert fragment in text, text
    assert dump_tables(loaded_db) == before


def test_text_output_of_a_rejected_import_names_the_place(
    loaded_db: str, municipality_copy: Path
) -> None:
    unknown_enum(Planted(municipality_copy))
    result = run_cli(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1
    assert "invalid-enum" in result.output and "platser.csv:4" in result.output
    assert "Traceback" not in result.output
    assert "Nothing was imported." in result.output


# --- accepted and reported -------------------------------------------------------------------


@dataclass
class Outcome:
    """An accepted import: its JSON output and the database it went into."""

    output: dict[str, Any]
    db_url: str

    def record(self, kind: str, key: str) -> dict[str, Any]:
        """The stored gnosjo record ``key`` of ``kind``, read through InventoryStore."""
        with InventoryStore(self.db_url) as store:
            frame = store.records(kind, ["gnosjo"])
        rows = frame[frame["id"] == key].to_dict("records")
        assert len(rows) == 1, (kind, key, frame["id"].tolist())
        return {str(name): value for name, value in rows[0].items()}

    def provenance(self, name: str) -> dict[str, Any]:
        """The import_file row of the newest run for file ``name``."""
        rows = [row for row in stored_files(self.db_url) if Path(str(row["path"])).name == name]
        assert len(rows) == 1, name
        return {str(name): value for name, value in rows[0].items()}

    def counts(self, kind: str) -> dict[str, int]:
        counts: dict[str, int] = self.output["import"]["municipalities"]["gnosjo"][kind]
        return counts

    def issues(self, code: str) -> list[dict[str, Any]]:
        return [issue for issue in self.output["report"]["issues"] if issue["code"] == code]

    def unchanged(self, kind: str) -> None:
        counts = self.counts(kind)
        assert counts["created"] == counts["updated"] == counts["deleted"] == 0, counts


def rewrite_sites(p: Planted, encoding: str, prefix: bytes = b"") -> None:
    p.write_bytes(SITES, prefix + ("\n".join(p.lines(SITES)) + "\n").encode(encoding))


def cp1252_sites(p: Planted) -> None:
    p.set_cell(SITES, 3, "namn", "Kommunhuset Gnosjö – Æsøy")
    rewrite_sites(p, "cp1252")


def check_cp1252(o: Outcome) -> None:
    assert o.record("site", "KH")["name"] == "Kommunhuset Gnosjö – Æsøy"
    assert o.record("site", "SR1")["owner"] == "Gnosjö kommun"
    assert o.provenance(SITES)["encoding"] == "cp1252"
    assert any(Path(i["file"]).name == SITES for i in o.issues("encoding-detected"))


def latin1_sites(p: Planted) -> None:
    p.set_cell(SITES, 3, "namn", "Ærø Åsa Öland")
    rewrite_sites(p, "iso-8859-1")


def check_latin1(o: Outcome) -> None:
    assert o.record("site", "KH")["name"] == "Ærø Åsa Öland"
    assert o.provenance(SITES)["encoding"] in {"cp1252", "iso-8859-1", "latin-1"}


def check_same_sites(encoding: str, delimiter: str = ",") -> Callable[[Outcome], None]:
    def check(o: Outcome) -> None:
        o.unchanged("site")
        assert o.record("site", "SR1")["owner"] == "Gnosjö kommun"
        row = o.provenance(SITES)
        assert str(row["encoding"]).replace("_", "-").lower().startswith(encoding), row
        assert row["delimiter"] == delimiter, row
        assert header_mapping(row)["plats-id"] == "id", row["header_mapping"]

    return check


def sep_line(p: Planted) -> None:
    p.write_lines(SITES, ["sep=;", *(line.replace(",", ";") for line in p.lines(SITES))])


def tab_delimited(p: Planted) -> None:
    p.write_lines(SITES, [line.replace(",", "\t") for line in p.lines(SITES)])


def quoted_delimiter_and_newline(p: Planted) -> None:
    p.set_cell(SITES, 3, "namn", '"Kommunhuset, Gnosjö\nentré"')


def check_quoted(o: Outcome) -> None:
    assert o.record("site", "KH")["name"] == "Kommunhuset, Gnosjö\nentré"
    assert o.record("site", "SK-ESKILS")["name"] == "Eskilsgårdsskolan"


def trailing_semicolons(p: Planted) -> None:
    p.append(SERVERS, *([";" * 21] * 3))


def check_trailing(o: Outcome) -> None:
    o.unchanged("server")
    skipped = [i for i in o.issues("blank-rows-skipped") if Path(i["file"]).name == SERVERS]
    assert skipped and "3" in skipped[0]["message"], o.output["report"]["issues"]


def messy_headers(p: Planted) -> None:
    p.set_header(SITES, "plats-id", "PLATS-ID")
    p.set_header(SITES, "namn", "  Namn ")
    p.set_header(SITES, "rack totalt", "Rack\u00a0Totalt")


def check_messy_headers(o: Outcome) -> None:
    o.unchanged("site")
    mapping = header_mapping(o.provenance(SITES))
    assert {mapping.get("PLATS-ID"), mapping.get("Rack\u00a0Totalt")} == {"id", "racks_total"}
    assert o.record("site", "SR1")["racks_total"] == 3


def decimal_comma(p: Planted) -> None:
    p.set_cell(SITES, 2, "effekt använd kw", '"6,25"')
    p.set_cell(SERVERS, 2, "lagring gb", "1 024,5")


def check_decimal_comma(o: Outcome) -> None:
    assert o.record("site", "SR1")["power_used_kw"] == pytest.approx(6.25)
    assert o.record("server", "esx01")["storage_gb"] == pytest.approx(1024.5)
    assert o.record("server", "esx01")["power_w"] == pytest.approx(455.5)


def thousands(p: Planted) -> None:
    p.set_cell(CLIENTS, 2, "antal", "1 200")
    p.set_cell(CLIENTS, 3, "antal", "1\u00a0350")


def check_thousands(o: Outcome) -> None:
    assert o.record("client", "PC-KH-001")["quantity"] == 1200
    assert o.record("client", "PC-KH-002")["quantity"] == 1350


def leading_zeros(p: Planted) -> None:
    p.append(SITES, "0480,Skolan 0480,skola,,,,,,,,,")


def check_leading_zeros(o: Outcome) -> None:
    assert o.record("site", "0480")["name"] == "Skolan 0480"
    assert o.counts("site")["created"] == 1
    with InventoryStore(o.db_url) as store:
        frame = store.records("municipality", ["gnosjo"])
    assert frame["official_code"].tolist() == ["0617"]


def dotted_dates(p: Planted) -> None:
    p.set_cell(SERVERS, 2, "inköpsdatum", "27.09.2021")


def check_dotted_dates(o: Outcome) -> None:
    assert o.record("server", "esx01")["purchase_date"] == dt.date(2021, 9, 27)
    o.unchanged("server")


def na_values(p: Planted) -> None:
    p.set_cell(SITES, 3, "ägare", "NA")
    p.set_cell(SITES, 4, "ägare", "null")
    p.set_cell(SITES, 5, "adress", "None")


def check_na(o: Outcome) -> None:
    assert o.record("site", "KH")["owner"] == "NA"
    assert o.record("site", "SK-ESKILS")["owner"] == "null"
    assert o.record("site", "SK-MOSSLE")["address"] == "None"


BOOLEAN_SPELLINGS = {
    2: ("yes", True),
    3: ("no", False),
    4: ("true", True),
    5: ("false", False),
    6: ("1", True),
    7: ("0", False),
    8: ("x", True),
    9: ("NEJ", False),
}


def booleans(p: Planted) -> None:
    for line, (text, _) in BOOLEAN_SPELLINGS.items():
        p.set_cell(SITES, line, "avbrottsfri kraft", text)


def check_booleans(o: Outcome) -> None:
    keys = [
        "SR1",
        "KH",
        "SK-ESKILS",
        "SK-MOSSLE",
        "SK-HILLER",
        "SK-KULLTORP",
        "VB-GNOSJO",
        "VB-HILLER",
    ]
    got = [bool(o.record("site", key)["ups"]) for key in keys]
    assert got == [value for _, value in BOOLEAN_SPELLINGS.values()]


def enum_spellings(p: Planted) -> None:
    p.set_cell(SITES, 2, "typ", "serverrom")  # Norwegian
    p.set_cell(SITES, 3, "typ", "Kontor")  # Swedish, capitalised
    p.set_cell(SITES, 4, "typ", "school")  # English


def check_enum_spellings(o: Outcome) -> None:
    kinds = [str(o.record("site", key)["kind"]) for key in ("SR1", "KH", "SK-ESKILS")]
    assert [kind.rsplit(".", 1)[-1].lower() for kind in kinds] == [
        "server_room",
        "office",
        "school",
    ]


def renamed_site(p: Planted) -> None:
    p.set_cell(SITES, 3, "namn", "Kommunhuset (ombyggt)")


def check_upsert(o: Outcome) -> None:
    assert o.counts("site") == {"created": 0, "updated": 1, "unchanged": 7, "deleted": 0}
    assert o.record("site", "KH")["name"] == "Kommunhuset (ombyggt)"


def host_cycle(p: Planted) -> None:
    p.set_cell(SERVERS, 2, "värd", "esx02")
    p.set_cell(SERVERS, 3, "värd", "esx01")


def check_cycle(o: Outcome) -> None:
    cycles = o.issues("dependency-cycle")
    assert len(cycles) == 1 and cycles[0]["severity"] == "warning", cycles
    assert Path(cycles[0]["file"]).name == SERVERS and cycles[0]["line"] in {2, 3}
    assert "esx01" in cycles[0]["message"] and "esx02" in cycles[0]["message"]
    assert o.record("server", "esx01")["host"] == "esx02"


def reversed_rows(p: Planted) -> None:
    for name in (SITES, SERVERS, APPS):
        lines = p.lines(name)
        p.write_lines(name, [lines[0], *reversed(lines[1:])])


def check_order(o: Outcome) -> None:
    totals = o.output["import"]["totals"]
    assert totals["created"] == totals["updated"] == totals["deleted"] == 0, totals


def header_only_storage(p: Planted) -> None:
    p.write_lines(STORAGE, p.lines(STORAGE)[:1])


def check_header_only(o: Outcome) -> None:
    found = [i for i in o.issues("header-only") if Path(i["file"]).name == STORAGE]
    assert found and found[0]["severity"] == "warning", o.output["report"]["issues"]
    assert o.counts("storage")["deleted"] == 0  # no --prune: nothing goes


@dataclass(frozen=True)
class AcceptedCase:
    name: str
    section: str
    defect: Defect
    check: Callable[[Outcome], None]


ACCEPTED: list[AcceptedCase] = [
    AcceptedCase("cp1252", "encoding", cp1252_sites, check_cp1252),
    AcceptedCase("iso-8859-1", "encoding", latin1_sites, check_latin1),
    AcceptedCase(
        "utf8-bom",
        "encoding",
        lambda p: rewrite_sites(p, "utf-8", b"\xef\xbb\xbf"),
        check_same_sites("utf-8"),
    ),
    AcceptedCase(
        "utf16-le-bom", "encoding", lambda p: rewrite_sites(p, "utf-16"), check_same_sites("utf-16")
    ),
    AcceptedCase(
        "utf16-be-bom",
        "encoding",
        lambda p: rewrite_sites(p, "utf-16-be", b"\xfe\xff"),
        check_same_sites("utf-16"),
    ),
    AcceptedCase("sep-line", "encoding", sep_line, check_same_sites("utf-8", ";")),
    AcceptedCase("tab-delimiter", "encoding", tab_delimited, check_same_sites("utf-8", "\t")),
    AcceptedCase(
        "quoted-delimiter-newline", "encoding", quoted_delimiter_and_newline, check_quoted
    ),
    AcceptedCase("trailing-semicolon-rows", "encoding", trailing_semicolons, check_trailing),
    AcceptedCase("header-only", "encoding", header_only_storage, check_header_only),
    AcceptedCase("header-case-spaces-nbsp", "headers", messy_headers, check_messy_headers),
    AcceptedCase("decimal-comma", "values", decimal_comma, check_decimal_comma),
    AcceptedCase("thousands-separators", "values", thousands, check_thousands),
    AcceptedCase("leading-zeros", "values", leading_zeros, check_leading_zeros),
    AcceptedCase("dotted-dates", "values", dotted_dates, check_dotted_dates),
    AcceptedCase("na-is-a-value", "values", na_values, check_na),
    AcceptedCase("boolean-spellings", "values", booleans, check_booleans),
    AcceptedCase("enum-spellings", "values", enum_spellings, check_enum_spellings),
    AcceptedCase("key-already-stored", "references", renamed_site, check_upsert),
    AcceptedCase("dependency-cycle-warning", "references", host_cycle, check_cycle),
    AcceptedCase("row-order", "references", reversed_rows, check_order),
]


@pytest.mark.parametrize("case", ACCEPTED, ids=[case.name for case in ACCEPTED])
def test_accepted_import_stores_the_right_value(
    case: AcceptedCase, fresh_db: str, municipality_copy: Path
) -> None:
    case.defect(Planted(municipality_copy))
    result, output = run_json(fresh_db, "import", str(municipality_copy))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert output["valid"] is True and output["import"]["run_id"] is not None
    case.check(Outcome(output=output, db_url=fresh_db))
