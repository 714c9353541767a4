"""Write the deliberately broken inventory files of this folder (run once; files are committed).

Each file shows one case of docs/reliability.md ("Encoding and dialect", "Headers");
tests/read/ checks the issue code and place.
Run: .venv/bin/python tests/data/broken/generate.py
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "kind"])
    sheet.append(["srv01", "virtual"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    # encoding and dialect
    write(
        "cp1252.csv",
        "id;hostname;kind;vendor\r\nsrv-växjö;värd-åäö;virtual;Søndre Æ\r\n".encode("cp1252"),
    )
    write("utf8_bom.csv", "id,hostname,kind\nsrv01,värdö,virtual\n".encode("utf-8-sig"))
    write("utf16_le_bom.txt", "id\thostname\tkind\r\nsrv01\tvärd\tvirtual\r\n".encode("utf-16"))
    write(
        "utf16_be_bom.csv",
        b"\xfe\xff" + "id;hostname;kind\nsrv01;värd;virtual\n".encode("utf-16-be"),
    )
    write("sep_line.csv", b"sep=,\r\nid,hostname,kind\r\nsrv01,a;b,virtual\r\n")
    write(
        "mixed_encoding.csv",
        "id;hostname;kind\nsrv01;värd1;virtual\nsrv02;värd2;virtual\n".encode()
        + "srv03;värd3;virtual\n".encode("cp1252")
        + b"srv04;v4;virtual\n",
    )
    write("xlsx_as_csv.csv", workbook_bytes())
    write("nul_byte.csv", b"id,hostname,kind\nsrv01,a,virtual\nsrv02,b\x00,virtual\n")
    write("empty.csv", b"")
    write("whitespace_only.csv", "\ufeff \r\n\t\r\n".encode())
    write("header_only.csv", b"id;hostname;kind\r\n")
    write("wrong_delimiter.csv", b"id|hostname|kind\nsrv01|a|virtual\nsrv02|b|physical\n")
    write("semicolon.csv", b"id;hostname;kind;ram_gb\nsrv01;a,b;virtual;3,5\n")
    write("tab.tsv", b"id\thostname\tkind\nsrv01\ta;b,c\tvirtual\n")
    write(
        "quoted_newlines.csv",
        b"id,hostname,kind,notes\n"
        b'srv01,a,virtual,"one, two"\n'
        b'srv02,b,virtual,"first line\nsecond line\nthird line"\n'
        b'srv03,c,physical,"say ""hi"""\n',
    )
    write(
        "unterminated_quote.csv",
        b'id,hostname,kind\nsrv01,a,virtual\nsrv02,"b,virtual\nsrv03,c,virtual\nsrv04,d,virtual\n',
    )
    write("extra_cells.csv", b"id;hostname;kind\nsrv01;a;virtual\nsrv02;b;virtual;surplus\n")
    write("missing_cells.csv", b"id;hostname;kind\nsrv01;a;virtual\nsrv02;b\nsrv03;c;virtual\n")
    write("trailing_semicolons.csv", b"id;hostname;kind\r\nsrv01;a;virtual\r\n;;\r\n;;\r\n;;\r\n")
    write("binary.csv", bytes(range(256)) * 8)
    write("corrupt.xlsx", b"PK\x03\x04" + b"\x00\x01broken zip" * 20)
    write("csv_named_xlsx.xlsx", b"id,kind\nsrv01,virtual\n")
    # headers
    write("blank_header.csv", b"id,,kind,\nsrv01,a,virtual,\n")
    write("duplicate_alias_header.csv", "id;hostname;kind;värdnamn\nsrv01;a;virtual;a\n".encode())
    write("unknown_header.csv", b"id,hostnme,kind\nsrv01,a,virtual\n")
    write("missing_columns.csv", b"id,bandwidth_mbps\nl1,1000\n")
    write(
        "messy_headers.csv",
        " ID ;HOST\u00a0NAME;Ty\u200bp;#kommentar\nsrv01;a;virtual;x\n".encode(),
    )


if __name__ == "__main__":
    main()
