"""Plausibility checks: impossible values found and explained, abnormal-but-possible values left alone."""

from __future__ import annotations

from datetime import date

import pytest

from coheara.validation.analytes import resolve_analyte
from coheara.validation.checks import check_date, check_lab, check_medication
from coheara.validation.doses import parse_scheme, parse_strength
from coheara.validation.numbers import parse_number
from coheara.validation.ranges import parse_range
from coheara.validation.units import normalize_unit


def lab_codes(name: str, value: str, unit: str | None, reference: str | None = None) -> list[tuple[str, str]]:
    analyte = resolve_analyte(name, unit)
    findings = check_lab(analyte, parse_number(value, "de"), normalize_unit(unit), parse_range(reference, "de"))
    return [(f.code, f.severity) for f in findings]


@pytest.mark.parametrize(
    ("name", "value", "unit"),
    [
        ("Hämoglobin", "150", "g/dl"),
        ("Kalium", "45", "mmol/l"),
        ("Natrium", "14", "mmol/l"),
        ("Glucose", "5000", "mg/dl"),
        ("Glucose", "250", "mmol/l"),
        ("Kreatinin", "8800", "µmol/l"),
        ("HbA1c", "65", "%"),
        ("Thrombozyten", "-3", "G/l"),
        ("Unbekannter Test", "-3", "G/l"),  # a negative count is impossible whatever the test
    ],
)
def test_impossible_lab_values(name: str, value: str, unit: str) -> None:
    assert [severity for _, severity in lab_codes(name, value, unit)] == ["implausible"]


@pytest.mark.parametrize(
    ("name", "value", "unit"),
    [
        ("Hämoglobin", "6,1", "g/dl"),  # severe anaemia, but possible
        ("Hämoglobin", "150", "g/l"),
        ("Kalium", "7,2", "mmol/l"),
        ("Glucose", "30", "mmol/l"),
        ("CRP", "310", "mg/l"),
        ("Base excess", "-4", "mmol/l"),  # a test we do not know, in a unit where negatives exist
    ],
)
def test_abnormal_but_possible_values_are_not_implausible(name: str, value: str, unit: str | None) -> None:
    assert lab_codes(name, value, unit) == []


def test_a_unit_of_the_wrong_kind_and_an_inverted_range_are_warnings() -> None:
    assert lab_codes("Hämoglobin", "13", "U/l") == [("unit_unexpected", "warning")]
    assert lab_codes("Kalium", "4,2", "mmol/l", "5,1 - 3,5") == [("range_inverted", "warning")]


def test_dates_in_the_future_or_before_1900() -> None:
    today = date(2025, 6, 2)
    assert check_date("2025-06-03", "date", today) == []  # tomorrow: a time-zone away
    assert [f.code for f in check_date("2025-06-10", "date", today)] == ["future_date"]
    assert [f.code for f in check_date("1899-12-31", "date", today)] == ["ancient_date"]
    assert check_date("1943-05-15", "date", today) == []


def test_medication_strength_and_scheme_limits() -> None:
    def codes(strength: str, scheme: str | None = None) -> list[str]:
        parsed = parse_strength(strength, "de")
        return [f.code for f in check_medication(parsed, normalize_unit(parsed.rest), parse_scheme(scheme))]

    assert codes("50000 mg") == ["implausible_strength"]
    assert codes("50 g") == ["implausible_strength"]
    assert codes("50000 I.E.") == []  # vitamin D weekly doses are printed like this
    assert codes("1000 mg", "1-0-1") == []
    assert codes("500 mg", "200-0-0") == ["implausible_dose"]
