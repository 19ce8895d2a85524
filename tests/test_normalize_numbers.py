"""Reading printed numbers as they appear on German, French, Swiss and English lab reports."""

from __future__ import annotations

import pytest

from coheara.validation.numbers import page_decimal_separator, parse_number


@pytest.mark.parametrize(
    ("printed", "language", "value"),
    [
        ("12,5", "de", 12.5),
        ("12.5", "en", 12.5),
        ("0,82", None, 0.82),
        ("1.234,5", None, 1234.5),  # German thousands point, decimal comma
        ("1,234.5", None, 1234.5),  # English
        ("1'234.5", None, 1234.5),  # Swiss apostrophe
        ("12 500", "fr", 12500.0),  # French space grouping
        ("4.500", "de", 4500.0),  # German leukocytes per µl
        ("4.500", "de-CH", 4.5),  # Swiss German writes a decimal point
        ("1,250", "en", 1250.0),
        ("1,250", "fr", 1.25),
        ("0.500", None, 0.5),  # a leading zero is never a thousands group
        ("-1,5", "de", -1.5),
        ("13,2 g/dl", "de", 13.2),
    ],
)
def test_plain_numbers(printed: str, language: str | None, value: float) -> None:
    assert parse_number(printed, language).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("printed", "comparator", "value"),
    [
        ("<5", "<", 5.0),
        ("< 0,5", "<", 0.5),
        (">60", ">", 60.0),
        ("> 60", ">", 60.0),
        ("≤ 5,0", "<=", 5.0),
        ("≥90", ">=", 90.0),
        ("unter 10", "<", 10.0),
    ],
)
def test_comparators_are_kept(printed: str, comparator: str, value: float) -> None:
    number = parse_number(printed, "de")
    assert (number.comparator, number.value) == (comparator, pytest.approx(value))


@pytest.mark.parametrize(
    ("printed", "value", "rest"),
    [
        ("1.2 x 10^9", 1.2e9, ""),
        ("4,5 × 10⁹/l", 4.5e9, "/l"),
        ("6.1x10E9/L", 6.1e9, "/L"),
        ("3.5E+3", 3500.0, ""),
    ],
)
def test_powers_of_ten(printed: str, value: float, rest: str) -> None:
    number = parse_number(printed)
    assert number.value == pytest.approx(value)
    assert number.rest == rest


@pytest.mark.parametrize(
    ("printed", "low", "high"),
    [("12.0-16.0", 12.0, 16.0), ("12,0 - 16,0", 12.0, 16.0), ("0,5 bis 1,2", 0.5, 1.2), ("-2 - +2", -2.0, 2.0)],
)
def test_ranges_in_a_value(printed: str, low: float, high: float) -> None:
    number = parse_number(printed, "de")
    assert number.value is None and number.is_range
    assert (number.low, number.high) == (pytest.approx(low), pytest.approx(high))


def test_a_three_digit_group_without_any_clue_is_read_as_decimal_and_marked_ambiguous() -> None:
    number = parse_number("4.500")
    assert number.value == 4.5 and number.ambiguous


def test_the_page_own_separator_settles_the_three_digit_question() -> None:
    assert parse_number("4.500", decimal=",").value == 4500.0
    assert not parse_number("4.500", decimal=",").ambiguous
    assert parse_number("4.500", decimal=".").value == 4.5


def test_page_decimal_separator_is_counted_from_the_text_layer() -> None:
    german = "Hämoglobin 13,2 g/dl 12,0 - 16,0\nKalium 4,6 mmol/l 3,5 - 5,1\nLeukozyten 4.500 /µl"
    assert page_decimal_separator(german) == ","
    assert page_decimal_separator("Hemoglobin 13.2 g/dL 12.0 - 16.0\nPotassium 4.6 mmol/L") == "."
    assert page_decimal_separator("no numbers here") is None


@pytest.mark.parametrize("printed", ["", "negativ", "n.n.", "siehe Befund", "03.07.2023", "1.2.3", None])
def test_text_that_is_not_one_number_gives_none(printed: str | None) -> None:
    assert parse_number(printed) is None
