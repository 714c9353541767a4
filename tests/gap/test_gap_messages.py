"""The gap's generated sentences are messages: the same row reads in English, Swedish and
Norwegian, the English column is the message's English text, JSON carries key and
parameters. Inputs are small and made here (the hardware test's inventory, hand-made
frames); expected texts are written out from the inputs."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from inventory.analyse.lifecycle import note_message
from inventory.gap.capacity import _verdict
from inventory.gap.result import GapReport
from inventory.language.i18n import t, translation_keys, translations
from inventory.messages import Message, MessageList, english, message_text
from inventory.report.tables import ColumnSpec, frame_table
from tests.gap.test_hardware_items import M, report

__all__ = ["report"]  # the hardware test's inventory (a fixture, imported to be used here)


def _row(frame: pd.DataFrame, column: str, value: str) -> pd.Series:
    return frame[frame[column] == value].iloc[0]


def test_an_items_detail_reads_in_each_language(report: GapReport) -> None:
    # ap-old: 10 access points of "Acme Net access_point model", own support end 2026-01-31
    # (past at 2026-11-23): replaced like for like, no software upgrade (its own date)
    row = _row(report.items, "asset", f"{M}:ap-old")
    message = row["detail_message"]
    assert isinstance(message, Message) and message.key == "gs.hw.network"
    assert row["detail"] == str(message)
    assert row["detail"].startswith("Access points ")
    assert row["detail"].endswith(
        ": end of life 2026-01-31 (its own support end) -> replace like for like"
    )
    sv = message_text(message, "sv")
    assert sv.startswith("Accesspunkter ")
    assert sv.endswith(
        ": supportslut passerat 2026-01-31 (enhetens eget supportslut) -> ersätts med motsvarande"
    )
    no = message_text(message, "no")
    assert no.endswith(
        ": passert støtteslutt 2026-01-31 (enhetens egen støtteslutt) -> erstattes med tilsvarende"
    )


def test_storage_and_server_details(report: GapReport) -> None:
    # san-old: 40 TB capacity (used 22): replaced with its capacity, 40 TB
    san = _row(report.items, "asset", f"{M}:san-old")["detail_message"]
    assert message_text(san, "sv").endswith("-> ersätts med 40 TB")
    # host-near: warranty 2027-09-01, before the horizon 2027-11-23
    host = _row(report.items, "asset", f"{M}:host-near")["detail_message"]
    assert message_text(host, "no") == (
        "maskinvarestøtte (warranty_end) 2027-09-01, innenfor"
        " horisonten -> erstattes med tilsvarende"
    )


def test_a_client_fleets_asset_names_its_kind(report: GapReport) -> None:
    # 30 Chromebooks whose support ends 2026-06-01 (the 50 newer ones are supported)
    row = report.items[report.items["action"] == "client_device_replacement"].iloc[0]
    assert row["quantity"] == 30
    assert row["asset"] == f"{M}: Chromebooks devices, support ends 2026-06-01"
    assert message_text(row["asset_message"], "sv") == f"{M}: Chromebooks, supportslut 2026-06-01"
    assert message_text(row["detail_message"], "sv") == (
        "eget supportslut 2026-06-01 -> enheten ersätts"
    )


def test_notes_are_messages_and_json_keeps_key_and_parameters(report: GapReport) -> None:
    # host-unknown is the one physical server that stays without warranty_end
    note = next(
        n for n in report.notes if isinstance(n, Message) and n.key == "gs.note.servers_no_warranty"
    )
    assert note.params == {"count": 1}
    assert message_text(note, "sv").startswith("1 fysisk server som blir kvar saknar")
    data = json.loads(json.dumps(report.to_json()))
    written = next(n for n in data["notes"] if n["key"] == "gs.note.servers_no_warranty")
    assert written == {
        "text": str(note),
        "key": "gs.note.servers_no_warranty",
        "params": {"count": 1},
    }


def test_a_table_shows_each_distinct_message_once_rendered() -> None:
    # 3 rows, 2 distinct sentences: the Swedish cells, and the English column beside them
    messages = [
        Message("gs.link.not_redundant"),
        Message("gs.link.unreached"),
        Message("gs.link.not_redundant"),
    ]
    frame = pd.DataFrame({"detail_message": messages})
    table = frame_table(
        "t", frame, [ColumnSpec("detail_message", "column.reason")], "sv", table_id="x"
    )
    assert [row[0] for row in table.rows] == [
        "inte redundant",
        "ingen förbindelse når det primära eller sekundära datacentret",
        "inte redundant",
    ]
    assert english(messages) == [
        "not redundant",
        "no link reaches the primary or secondary datacentre",
        "not redundant",
    ]


def test_the_capacity_verdict_in_each_language() -> None:
    # primary a:DC has 20 U and 5 kW free; b:SR moves 2 servers of 2 U, 0.5 kW each:
    # 4 U and 1 kW move, which the primary alone hosts
    table = pd.DataFrame(
        {"site": ["a:DC", "b:SR"], "rack_units_free": [20, 0], "power_free_kw": [5.0, 0.0]}
    )
    load = pd.DataFrame(
        {
            "site": ["b:SR", "b:SR"],
            "kind": ["server", "server"],
            "rack_units": [2, 2],
            "kw": [0.5, 0.5],
        }
    )
    verdict = _verdict(table, load, "a:DC", None)
    assert verdict.fits_primary and verdict.message is not None
    assert verdict.summary == "a:DC alone can host what moves (4 U, 1 kW of 20 U, 5 kW free)."
    assert message_text(verdict.message, "sv") == (
        "a:DC rymmer ensamt det som flyttas (4 U, 1 kW av 20 U, 5 kW lediga)."
    )
    assert verdict.to_json()["message"]["key"] == "gs.cap.fits_primary"


@pytest.mark.parametrize(
    ("note", "sv"),
    [
        (
            "edition unknown: conservative date; the device's own support end",
            "utgåva okänd: försiktigt datum; enhetens eget supportslut",
        ),
        ("edition e: declared by the municipality", "utgåva e: angiven av kommunen"),
        ("a note of the municipality's own", "a note of the municipality's own"),
    ],
)
def test_lifecycle_notes_are_translated_part_by_part(note: str, sv: str) -> None:
    message = note_message(note)
    assert isinstance(message, MessageList) and str(message) == note
    assert message_text(message, "sv") == sv


def test_every_sentence_has_its_own_swedish_and_norwegian() -> None:
    # the gap's sentences (keys gs.*): one with words differs from its English (codes and
    # neutral templates aside)
    texts = {key: translations(key) for key in translation_keys() if key.startswith("gs.")}
    assert len(texts) > 100
    for key, by_lang in texts.items():
        en, sv, no = by_lang["en"], by_lang["sv"], by_lang["no"]
        if any(word in en.split() for word in ("the", "of", "to", "and", "with", "no")):
            assert sv != en and no != en, key
        assert t(key, "sv") == sv
