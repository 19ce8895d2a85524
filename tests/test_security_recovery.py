"""Recovery keys: typed back by a person, from paper, maybe years later."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coheara.errors import WrongRecoveryKeyError
from coheara.security import recovery


def test_shown_as_nine_groups_of_four() -> None:
    raw, text = recovery.generate()
    assert len(raw) * 8 >= 160
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}", text)
    assert recovery.generate()[1] != text


@pytest.mark.parametrize(
    "typed",
    [
        lambda t: t.lower(),
        lambda t: t.replace("-", ""),
        lambda t: t.replace("-", " "),
        lambda t: "  " + t.replace("-", " - ").lower() + "\n",
        lambda t: " ".join(t.replace("-", "")),  # one character at a time
    ],
)
def test_parsing_tolerates_how_people_type(typed: object) -> None:
    raw, text = recovery.generate()
    assert recovery.parse(typed(text)) == raw  # type: ignore[operator]


def test_lookalike_letters_read_as_digits() -> None:
    raw = bytes(10) + bytes([0x08, 0x42]) + bytes(8)  # encodes to zeros and ones
    text = recovery.format_key(raw)
    assert "0" in text and "1" in text
    assert recovery.parse(text.replace("0", "O").replace("1", "l")) == raw
    assert recovery.parse(text.replace("0", "o").replace("1", "I")) == raw


def test_a_typo_is_called_a_typo() -> None:
    raw, text = recovery.generate()
    first = text[0]
    swapped = ("B" if first != "B" else "C") + text[1:]
    with pytest.raises(WrongRecoveryKeyError) as error:
        recovery.parse(swapped)
    assert error.value.message == "The recovery key has a typo."
    assert swapped not in error.value.one_line()


@pytest.mark.parametrize("typed", ["", "WXYZ-QRST", "correct horse battery staple", "ÄÖÜ" * 12, "U" * 36])
def test_something_else_is_not_a_recovery_key(typed: str) -> None:
    with pytest.raises(WrongRecoveryKeyError) as error:
        recovery.parse(typed)
    assert error.value.message == "That is not a Coheara recovery key."
    assert not typed or typed not in error.value.one_line()


@given(st.binary(min_size=20, max_size=20), st.sampled_from(["", " ", "-", "  "]), st.booleans())
def test_round_trip(raw: bytes, separator: str, lower: bool) -> None:
    text = recovery.format_key(raw).replace("-", separator)
    assert recovery.parse(text.lower() if lower else text) == raw
