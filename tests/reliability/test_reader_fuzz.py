"""Random bytes and mangled CSV as a municipality's servers.csv never give a traceback.

``inventory validate`` runs in-process through CliRunner on a small municipality folder
whose servers file hypothesis writes; the outcome must be exit 0 (valid) or 1 (invalid,
with issues), never an exception.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inventory.cli.app import app

MUNICIPALITY = "code,name,country,population\nfuzz,Fuzz kommun,SE,9500\n"
SITES = "id;namn;typ\nDC1;Stadshuset;datacenter\nS1;Skola;skola\n"
SERVERS = (
    "server-id;värdnamn;typ;plats;kluster;värd;serienummer;kärnor;minne gb;ip-adress;"
    "inköpsdatum;driftstatus\n"
    "esx01;ESX01;fysisk;DC1;cl1;;DE123;48;768;10.0.0.11;2021-09-27;aktiv\n"
    "esx02;ESX02;fysisk;DC1;cl1;;DE124;48;768,5;10.0.0.12;27.09.2021;aktiv\n"
    "srv01;SRV01;virtuell;;cl1;esx01;;4;16;10.0.0.13;;aktiv\n"
    'srv02;"SRV;02";virtuell;;cl1;esx02;;2;8;10.0.0.14;;aktiv\n'
)
#: Characters that break CSV readers: quotes, delimiters, line ends, NUL, BOM, zero-width.
TRICKY = [
    '"',
    ";",
    ",",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "\ufeff",
    "\u200b",
    "\u00a0",
    "é",
    "Ø",
    "sep=;\n",
    "1,23E+11",
    "3/5/2024",
    ";;;;;;\n",
    "\ud7ff",
    "\\",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]
#: Magic numbers of files that are not CSV at all.
PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00\x00\xfe\xff",
    b"%PDF-1.7\n",
]

SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def _validate(servers: bytes) -> tuple[int, BaseException | None, str]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as root:
        folder = Path(root) / "fuzz"
        folder.mkdir()
        (folder / "municipality.csv").write_text(MUNICIPALITY, encoding="utf-8")
        (folder / "sites.csv").write_text(SITES, encoding="utf-8")
        (folder / "servers.csv").write_bytes(servers)
        result = CliRunner().invoke(
            app, ["--db", f"sqlite:///{root}/none.db", "validate", str(folder), "--format", "json"]
        )
        return result.exit_code, result.exception, result.output


def _assert_no_traceback(servers: bytes) -> None:
    exit_code, exception, output = _validate(servers)
    assert exception is None or isinstance(exception, SystemExit), (
        f"{type(exception).__name__}: {exception}\ninput: {servers[:300]!r}"
    )
    assert exit_code in {0, 1}, output
    assert "Traceback" not in output


@st.composite
def mangled_csv(draw: st.DrawFn) -> bytes:
    """The valid servers file with characters inserted, cut, lines shuffled, re-encoded."""
    text = SERVERS
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "drop-line"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)))
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines[index : index + 1] = [lines[index]] * (2 if action == "duplicate-line" else 0)
            text = "\n".join(lines)
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(st.sampled_from(PREFIXES)) + text.encode(encoding, errors="replace")


@SETTINGS
@given(data=st.binary(max_size=2000), prefix=st.sampled_from(PREFIXES))
def test_random_bytes_never_give_a_traceback(data: bytes, prefix: bytes) -> None:
    _assert_no_traceback(prefix + data)


@SETTINGS
@given(servers=mangled_csv())
def test_mangled_csv_never_gives_a_traceback(servers: bytes) -> None:
    _assert_no_traceback(servers)


def test_the_unmangled_fuzz_folder_is_valid() -> None:
    exit_code, exception, output = _validate(SERVERS.encode("utf-8"))
    assert exception is None and exit_code == 0, output
