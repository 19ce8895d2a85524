"""Reference ranges and abnormal flags: printed ones read, computed ones worked out, disagreement seen."""

from __future__ import annotations

import pytest

from coheara.validation.flags import compute_flag, flags_agree, parse_flag
from coheara.validation.numbers import parse_number
from coheara.validation.ranges import parse_qualitative, parse_range


@pytest.mark.parametrize(
    ("printed", "kind", "low", "high"),
    [
        ("12,0 - 16,0", "interval", 12.0, 16.0),
        ("12.0-16.0", "interval", 12.0, 16.0),
        ("  2.7 -  5.4", "interval", 2.7, 5.4),  # as the electrophoresis PDF prints it
        ("(4,0 - 10,0)", "interval", 4.0, 10.0),
        ("13 – 17 g/dl", "interval", 13.0, 17.0),
        ("0,5 bis 1,2", "interval", 0.5, 1.2),
        ("< 5,7", "upper", None, 5.7),
        ("<5.7", "upper", None, 5.7),
        ("≤ 35", "upper", None, 35.0),
        ("bis 5,0", "upper", None, 5.0),
        ("> 60", "lower", 60.0, None),
        ("≥ 90", "lower", 90.0, None),
    ],
)
def test_numeric_ranges(printed: str, kind: str, low: float | None, high: float | None) -> None:
    reference = parse_range(printed, "de")
    assert (reference.kind, reference.low, reference.high) == (kind, low, high)


def test_strict_and_inclusive_limits_are_kept_apart() -> None:
    assert parse_range("< 5,7").high_inclusive is False
    assert parse_range("≤ 5,7").high_inclusive is True
    assert parse_range("> 60").low_inclusive is False


@pytest.mark.parametrize(
    "printed", ["negativ", "negative", "négatif", "neg.", "n.n.", "nicht nachweisbar", "not detected"]
)
def test_negative_ranges(printed: str) -> None:
    reference = parse_range(printed)
    assert (reference.kind, reference.qualitative) == ("qualitative", "negative")


def test_ranges_by_sex_are_kept_as_text() -> None:
    assert parse_range("M: 13-17 / F: 12-16").kind == "text"
    assert parse_range("siehe Kommentar").kind == "text"
    assert parse_range("") is None


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("H", "H"),
        ("h", "H"),
        ("+", "H"),
        ("↑", "H"),
        ("high", "H"),
        ("hoch", "H"),
        ("erhöht", "H"),
        ("élevé", "H"),
        ("L", "L"),
        ("-", "L"),
        ("↓", "L"),
        ("low", "L"),
        ("niedrig", "L"),
        ("bas", "L"),
        ("*", "A"),
        ("!", "A"),
        ("N", "N"),
        ("", None),
        ("xyz", None),
    ],
)
def test_printed_flags(printed: str, code: str | None) -> None:
    assert parse_flag(printed) == code


@pytest.mark.parametrize(
    ("value", "reference", "flag"),
    [
        ("13,2", "12,0 - 16,0", "N"),
        ("17,1", "12,0 - 16,0", "H"),
        ("11,9", "12,0 - 16,0", "L"),
        ("16,0", "12,0 - 16,0", "N"),  # the limits belong to the range
        ("5,7", "< 5,7", "H"),  # a strict limit: equal is already out
        ("5,6", "< 5,7", "N"),
        ("58", "> 60", "L"),
        ("<5", "< 10", "N"),
        ("<5", "10 - 20", "L"),
        (">60", "> 60", "N"),
        (">200", "70 - 100", "H"),
        ("<5", "2 - 10", None),  # somewhere below 5: could be low or normal
    ],
)
def test_flags_are_computed_from_value_and_range(value: str, reference: str, flag: str | None) -> None:
    assert compute_flag(parse_number(value, "de"), None, parse_range(reference, "de")) == flag


def test_qualitative_results_against_a_negative_range() -> None:
    negative = parse_range("negativ")
    assert compute_flag(None, parse_qualitative("negativ"), negative) == "N"
    assert compute_flag(None, parse_qualitative("positiv"), negative) == "A"
    assert compute_flag(None, parse_qualitative("++"), negative) == "A"
    assert compute_flag(None, None, negative) is None


def test_no_flag_is_computed_from_text_ranges() -> None:
    assert compute_flag(parse_number("14"), None, parse_range("M: 13-17 / F: 12-16")) is None


def test_a_star_agrees_with_high_or_low_but_not_with_normal() -> None:
    assert flags_agree("A", "H") and flags_agree("A", "L") and flags_agree("H", "H")
    assert not flags_agree("A", "N") and not flags_agree("H", "L") and not flags_agree("L", "N")
