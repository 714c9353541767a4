"""Turn a file's bytes into text, or say exactly why not.

The rule is deterministic and never replaces characters silently: a byte-order mark
decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8; a file that is UTF-8 in
some lines and not in others is rejected at each bad line; anything else is cp1252 (the
Windows superset of ISO-8859-1 that Excel writes in Sweden and Norway), reported as info.
"""

from __future__ import annotations

import codecs
import mmap
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from inventory.issues import Issue, IssueCode, IssueParam, Severity, template_key

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, .doc, .msg
#: Control bytes that never occur in a text table (tab, LF, CR, FF and SUB excluded).
CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1A), *range(0x1B, 0x20)])
MAX_ISSUES_PER_KIND = 100


@dataclass
class DecodedText:
    """A file's text and the encoding it was read with; ``text`` is None when rejected."""

    text: str | None
    encoding: str | None
    issues: list[Issue] = field(default_factory=list)


def _issue(
    code: IssueCode,
    file: str,
    situation: str | None = None,
    params: dict[str, IssueParam] | None = None,
    line: int | None = None,
    severity: Severity = Severity.ERROR,
) -> Issue:
    return Issue(
        code=code,
        severity=severity,
        file=file,
        line=line,
        template=template_key(code, situation),
        params=params or {},
    )


def is_blank_bytes(raw: bytes | mmap.mmap) -> bool:
    """True for a file of nothing but spaces and line ends (checked without copying it)."""
    return not raw[:4096].strip() and not raw[:].strip()


def binary_content_issues(raw: bytes | mmap.mmap, file: str) -> list[Issue]:
    """Issues for bytes that are no text table at all: a workbook, NUL bytes, binary data.

    ``raw`` may be a memory map of the file: only its head is copied."""
    head = raw[: len(OLE2_MAGIC)]
    if head.startswith(ZIP_MAGIC):
        return [_issue(IssueCode.XLSX_AS_CSV, file, line=1)]
    if head.startswith(OLE2_MAGIC):
        return [_issue(IssueCode.BINARY_FILE, file, "xls", line=1)]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return []  # UTF-16 text is full of NUL bytes; it is checked after decoding
    sample = raw[:65536]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES + b"\x00"))
    if controls > max(8, len(sample) // 20):
        return [_issue(IssueCode.BINARY_FILE, file, line=1)]
    if raw.find(b"\x00") >= 0:
        return nul_issues(raw[:], b"\x00", file)
    return []


def nul_issues(data: bytes | str, nul: bytes | str, file: str) -> list[Issue]:
    """One ``nul-byte`` error per line holding a NUL character (capped)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    issues: list[Issue] = []
    line = 1
    start = 0
    position = data.find(nul)  # type: ignore[arg-type]
    while position >= 0 and len(issues) < MAX_ISSUES_PER_KIND:
        line += data.count(newline, start, position)  # type: ignore[arg-type]
        issues.append(_issue(IssueCode.NUL_BYTE, file, line=line))
        line_end = data.find(newline, position)  # type: ignore[arg-type]
        if line_end < 0:
            break
        start = line_end
        position = data.find(nul, line_end)  # type: ignore[arg-type]
    return issues


def _bad_utf8_lines(raw: bytes) -> tuple[list[int], int]:
    """Lines that are not UTF-8, and how many lines with non-ASCII text are UTF-8."""
    bad: list[int] = []
    good_non_ascii = 0
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
        else:
            good_non_ascii += 1
    return bad, good_non_ascii


def _decode_with_bom(raw: bytes, file: str) -> DecodedText | None:
    for bom, codec, name in (
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ):
        if not raw.startswith(bom):
            continue
        body = raw[len(bom) :]
        try:
            return DecodedText(body.decode(codec), name)
        except UnicodeDecodeError as error:
            prefix = body[: error.start].decode(codec, errors="replace")
            line = prefix.count("\n") + 1
            return DecodedText(
                None,
                name,
                [
                    _issue(
                        IssueCode.INVALID_ENCODING,
                        file,
                        "byte_order_mark",
                        {"mark": name, "codec": codec},
                        line=line,
                    )
                ],
            )
    return None


def is_plain_utf8(raw: bytes | mmap.mmap) -> bool:
    """True for valid UTF-8 without a byte-order mark: what ``decode_text`` reads as
    ``utf-8``, checked without decoding (Arrow's validation rejects what Python's codec
    rejects: overlong forms, surrogates, code points past U+10FFFF, cut sequences)."""
    if isinstance(raw, bytes) and raw.isascii():
        return True  # (ASCII is UTF-8, and no byte-order mark is ASCII)
    if raw[: len(codecs.BOM_UTF8)] == codecs.BOM_UTF8 or raw[:2] in (
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
    ):
        return False
    offsets = pa.py_buffer(np.array([0, len(raw)], dtype=np.int64))
    text = pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(raw)])
    try:
        text.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def decode_text(raw: bytes, file: str) -> DecodedText:
    """The text of ``raw`` under the module's encoding rule, with issues.

    Example: ``decode_text("Värnamo".encode("cp1252"), "x.csv").encoding == "cp1252"``.
    """
    decoded = _decode_with_bom(raw, file)
    if decoded is not None:
        return decoded
    try:
        return DecodedText(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Without a single UTF-8 multi-byte sequence no line can be UTF-8 text: skip the scan.
    # Decoded with surrogateescape, each bad byte is one character and each valid
    # multi-byte sequence is one character for two or more bytes.
    good_non_ascii = 0
    bad_lines: list[int] = []
    if len(raw.decode("utf-8", errors="surrogateescape")) < len(raw):
        bad_lines, good_non_ascii = _bad_utf8_lines(raw)
    if good_non_ascii:
        issues = [
            _issue(IssueCode.INVALID_ENCODING, file, "mixed", line=line)
            for line in bad_lines[:MAX_ISSUES_PER_KIND]
        ]
        return DecodedText(None, "utf-8", issues)
    try:
        text, encoding = raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; ISO-8859-1 maps every byte.
        text, encoding = raw.decode("iso-8859-1"), "iso-8859-1"
    return DecodedText(
        text,
        encoding,
        [
            _issue(
                IssueCode.ENCODING_DETECTED,
                file,
                params={"encoding": encoding},
                severity=Severity.INFO,
            )
        ],
    )
