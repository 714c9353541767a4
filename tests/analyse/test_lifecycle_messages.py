"""Every lifecycle note the library writes has its message: the reader's language in the
CLI and the report, ``str()`` the note as written (JSON and CSV keep the English)."""

from __future__ import annotations

import pytest

from inventory.analyse.editions import EDITION_UNKNOWN
from inventory.analyse.lifecycle import (
    OWN_SUPPORT_END,
    SUPPORT_END_MISSING,
    TABLET_ON_IOS,
    WARRANTY_END_MISSING,
    note_message,
)
from inventory.messages import message_text


@pytest.mark.parametrize(
    "note",
    [EDITION_UNKNOWN, OWN_SUPPORT_END, SUPPORT_END_MISSING, TABLET_ON_IOS, WARRANTY_END_MISSING],
)
def test_each_note_of_the_library_is_a_message_of_its_own(note: str) -> None:
    (part,) = note_message(note).parts
    assert part.key != "gs.plain"
    assert str(part) == note
    assert message_text(part, "sv") != note and message_text(part, "no") != note


def test_joined_notes_keep_their_order_and_an_unknown_part_as_written() -> None:
    note = f"edition lts: declared by the municipality; {SUPPORT_END_MISSING}; odd remark"
    message = note_message(note)
    assert str(message) == note
    assert message_text(message, "sv") == (
        "utgåva lts: angiven av kommunen; evergreen-OS: supporten upphör per enhet, ange"
        " dess support_end (AUE); odd remark"
    )
    assert message_text(message, "no") == (
        "utgave lts: oppgitt av kommunen; evergreen-OS: støtten opphører per enhet, oppgi"
        " dens support_end (AUE); odd remark"
    )
    assert note_message("").parts == ()
