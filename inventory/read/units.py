"""Units of measure in cells ("100 Mbit/s", "16 GB", "1,5 TB") and headers ("Minne (GB)").

One table of the units a municipal inventory writes, per dimension: bit rates, amounts of
data (decimal KB/MB/GB/TB and binary KiB/MiB/GiB/TiB multiples), power (W/kW/MW) and rack
units. A column whose model field has a unit (``ram_gb``: GB, ``bandwidth_mbps``: Mbit/s,
``power_w``: W ...) takes a value in any unit of its dimension and stores it in its own
unit; a unit of another dimension is an error naming the unit expected.

Why a table and not ``pint``: pint reads ``Gb`` as the gilbert and ``Mb`` as a megabarn
(its ``b`` is the barn), knows no ``Mbps``-style spellings nor the bare ``10G`` of network
and Linux tools, and cannot say that a memory column's "GB" is 2^30 bytes. The few dozen
spellings below are the whole need, with no dependency and no start-up cost.

Conventions (docs/reliability.md, "Units"):

- b is a bit and B a byte when the case says so ("16 GB" is data, "1 Gb" a bit rate);
  a spelling whose case says nothing ("16 gb") is read in the column's own dimension;
- data rates are decimal (1 Gbit/s = 1000 Mbit/s), as every network standard writes them;
- disk and storage columns are decimal, as drives and arrays are sold (1 TB = 10^12 bytes,
  so 1 TiB = 1.0995 TB); a bare ``500G`` there is binary, as Linux tools (lsblk, qemu,
  Proxmox) write it;
- memory columns follow JEDEC: memory is built in binary sizes and "16 GB" of RAM is
  16 GiB, so there KB/MB/GB/TB are the binary multiples (16384 MB = 16 GB).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache

#: Fields whose unit is a memory size (JEDEC: the decimal prefixes are binary there).
MEMORY_FIELDS = frozenset({"ram_gb"})


class Dimension(enum.StrEnum):
    """What a unit measures."""

    DATA_RATE = "data_rate"
    DATA = "data"
    POWER = "power"
    APPARENT_POWER = "apparent_power"  # VA: never a column's unit, named in the error
    RACK_UNITS = "rack_units"


#: How an error names a dimension.
DIMENSION_NAMES = {
    Dimension.DATA_RATE: "a bit rate",
    Dimension.DATA: "an amount of data",
    Dimension.POWER: "a power",
    Dimension.APPARENT_POWER: "an apparent power",
    Dimension.RACK_UNITS: "a height in rack units",
}


@dataclass(frozen=True)
class Unit:
    """A unit: its symbol, dimension and size in the dimension's base unit.

    ``memory_factor`` is the size in a memory column (JEDEC), where it differs.
    """

    symbol: str
    dimension: Dimension
    factor: float
    spellings: tuple[str, ...]
    memory_factor: float | None = None
    bare: bool = False  # a bare prefix letter (10G), read only in its own dimension


def _data(symbol: str, power: int, *spellings: str) -> Unit:
    return Unit(
        symbol, Dimension.DATA, 1000.0**power, (symbol, *spellings), memory_factor=1024.0**power
    )


def _binary(symbol: str, power: int, *spellings: str) -> Unit:
    return Unit(symbol, Dimension.DATA, 1024.0**power, (symbol, *spellings))


def _rate(symbol: str, factor: float, *spellings: str) -> Unit:
    return Unit(symbol, Dimension.DATA_RATE, factor, (symbol, *spellings))


#: Every unit, per dimension. Spellings are matched with their case first (``Mb`` is a
#: megabit, ``MB`` a megabyte), then case-insensitively within the column's dimension.
UNITS: tuple[Unit, ...] = (
    _rate("bit/s", 1.0, "bps", "b/s", "bit/sek"),
    _rate("kbit/s", 1e3, "kbps", "kb/s", "kbit", "kbit/sek", "Kbit/s", "Kbps"),
    _rate(
        "Mbit/s",
        1e6,
        "Mbps",
        "Mb/s",
        "Mbit",
        "Mbits",
        "Mbit/sek",
        "Mbit/sec",
        "Mb",
        "megabit",
        "megabit/s",
    ),
    _rate(
        "Gbit/s",
        1e9,
        "Gbps",
        "Gb/s",
        "Gbit",
        "Gbits",
        "Gbit/sek",
        "Gbit/sec",
        "Gb",
        "GbE",
        "gigabit",
        "gigabit/s",
    ),
    _rate("Tbit/s", 1e12, "Tbps", "Tb/s", "Tbit", "Tb"),
    _rate("kB/s", 8e3, "KB/s", "kBps"),
    _rate("MB/s", 8e6, "MBps", "Mbyte/s"),
    _rate("GB/s", 8e9, "GBps", "Gbyte/s"),
    Unit("k", Dimension.DATA_RATE, 1e3, ("k", "K"), bare=True),
    Unit("M", Dimension.DATA_RATE, 1e6, ("M",), bare=True),
    Unit("G", Dimension.DATA_RATE, 1e9, ("G",), bare=True),
    Unit("T", Dimension.DATA_RATE, 1e12, ("T",), bare=True),
    Unit("B", Dimension.DATA, 1.0, ("B", "byte", "bytes")),
    _data("kB", 1, "KB", "kbyte", "kilobyte", "kilobytes"),
    _data("MB", 2, "Mbyte", "MByte", "megabyte", "megabytes"),
    _data("GB", 3, "Gbyte", "GByte", "gigabyte", "gigabytes"),
    _data("TB", 4, "Tbyte", "TByte", "terabyte", "terabytes"),
    _data("PB", 5, "Pbyte", "petabyte", "petabytes"),
    _binary("KiB", 1, "kibibyte"),
    _binary("MiB", 2, "mebibyte"),
    _binary("GiB", 3, "gibibyte"),
    _binary("TiB", 4, "tebibyte"),
    _binary("PiB", 5, "pebibyte"),
    # Linux tools' bare suffixes are binary (coreutils, lsblk, qemu-img, Proxmox).
    Unit("K", Dimension.DATA, 1024.0, ("K",), bare=True),
    Unit("M", Dimension.DATA, 1024.0**2, ("M",), bare=True),
    Unit("G", Dimension.DATA, 1024.0**3, ("G",), bare=True),
    Unit("T", Dimension.DATA, 1024.0**4, ("T",), bare=True),
    Unit("W", Dimension.POWER, 1.0, ("W", "watt", "watts")),
    Unit("kW", Dimension.POWER, 1e3, ("kW", "kilowatt", "kilowatts")),
    Unit("MW", Dimension.POWER, 1e6, ("MW", "megawatt")),
    Unit("VA", Dimension.APPARENT_POWER, 1.0, ("VA",)),
    Unit("kVA", Dimension.APPARENT_POWER, 1e3, ("kVA",)),
    Unit("U", Dimension.RACK_UNITS, 1.0, ("U", "RU", "HE")),
)

#: The units a column of each dimension names in hints, smallest first.
HINT_UNITS = {
    Dimension.DATA_RATE: "kbit/s, Mbit/s, Gbit/s (also Mbps, 1 Gbit, 10G)",
    Dimension.DATA: "MB, GB, TB (decimal) or MiB, GiB, TiB (binary)",
    Dimension.POWER: "W, kW",
    Dimension.RACK_UNITS: "U",
}


@dataclass(frozen=True)
class ColumnUnit:
    """The unit a column stores, and how a value in another unit is converted to it."""

    field: str
    unit: Unit
    memory: bool  # JEDEC: decimal prefixes are binary

    @property
    def dimension(self) -> Dimension:
        return self.unit.dimension

    def size(self, unit: Unit) -> float:
        """``unit`` in the dimension's base unit, as this column reads it."""
        if self.memory and unit.memory_factor is not None:
            return unit.memory_factor
        return unit.factor

    def factor(self, unit: Unit) -> float:
        """What a value in ``unit`` is multiplied by to be in the column's unit."""
        return self.size(unit) / self.size(self.unit)

    def convert(self, value: float, unit: Unit) -> float:
        """``value`` in ``unit`` as a value of the column (12 significant digits: the
        division of two decimal sizes leaves binary noise, 100 MB -> 0.1 GB)."""
        return float(f"{value * self.factor(unit):.12g}")

    def hint_units(self) -> str:
        """The units the column takes, for a hint."""
        if self.memory:
            return "MB, GB, TB or MiB, GiB, TiB (memory sizes are binary: 1 GB = 1024 MB)"
        return HINT_UNITS.get(self.dimension, self.unit.symbol)


def _exact_table() -> dict[str, list[Unit]]:
    table: dict[str, list[Unit]] = {}
    for unit in UNITS:
        for spelling in unit.spellings:
            table.setdefault(spelling, []).append(unit)
    return table


_EXACT = _exact_table()
_FOLDED: dict[str, list[Unit]] = {}
for _spelling, _units in _EXACT.items():
    for _unit in _units:
        if _unit not in _FOLDED.setdefault(_spelling.casefold(), []):
            _FOLDED[_spelling.casefold()].append(_unit)


def find_unit(text: str, dimension: Dimension | None = None) -> Unit | None:
    """The unit ``text`` spells, preferring ``dimension``; None when it is no unit.

    A unit of another dimension comes back when the text names no unit of ``dimension``
    (the caller reports it as the wrong unit).

    >>> find_unit("Mbps").symbol, find_unit("GB", Dimension.DATA_RATE).dimension
    ('Mbit/s', <Dimension.DATA: 'data'>)
    """
    spelled = re.sub(r"\s+", "", text.replace("\u00b5", "u"))
    for table, key in ((_EXACT, spelled), (_FOLDED, spelled.casefold())):
        units = table.get(key, [])
        for unit in units:
            if unit.dimension == dimension:
                return unit
        # Case said nothing (gb, mb): another dimension only when the exact case said it.
        named = [unit for unit in units if not unit.bare]
        if named and table is _EXACT:
            return named[0]
    folded = [unit for unit in _FOLDED.get(spelled.casefold(), []) if not unit.bare]
    return folded[0] if folded else None


@cache
def column_unit(field: str, unit: str | None) -> ColumnUnit | None:
    """The unit of a model field (its ``unit`` metadata), or None when it has none or one
    that is not a measure (``currency``)."""
    if unit is None:
        return None
    for candidate in UNITS:
        if candidate.symbol == unit and not candidate.bare:
            return ColumnUnit(field, candidate, memory=field in MEMORY_FIELDS)
    return None


_NUMBER_PART = r"[+-]?\d(?:[\d.,\u00a0\u202f\u2009 ]*\d)?"
_QUANTITY = re.compile(rf"(?P<number>{_NUMBER_PART})\s*(?P<unit>[^\W\d_][\w/ ]*?)\.?")
_HEADER_UNIT = re.compile(
    r"(?P<name>.*?\S)\s*(?:[(\[]\s*(?:(?:i|in)\s+)?(?P<bracketed>[^)\]]+?)\s*[)\]]"
    r"|[\s_]+(?:(?:i|in)[\s_]+)?(?P<trailing>[^\s_()\[\]]+))"
)


def split_quantity(text: str) -> tuple[str, str] | None:
    """``"1 024,5 MB"`` -> ``("1 024,5", "MB")``; None when the text is not a number
    followed by a word.

    >>> split_quantity("10G"), split_quantity("1,5 TB"), split_quantity("fast")
    (('10', 'G'), ('1,5', 'TB'), None)
    """
    match = _QUANTITY.fullmatch(text.strip())
    if match is None:
        return None
    return match["number"].strip(), match["unit"].strip()


def split_header(written: str) -> tuple[str, str] | None:
    """A header's name and the unit written after it: ``"Minne (GB)"`` -> ``("Minne",
    "GB")``, ``"RAM [MiB]"``, ``"Disk i TB"``, ``"storage_gb"``; None without one.
    Whether the tail is a unit is for ``find_unit`` to say."""
    match = _HEADER_UNIT.fullmatch(written.strip())
    if match is None:
        return None
    return match["name"], match["bracketed"] or match["trailing"]
