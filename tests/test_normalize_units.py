"""Units to canonical spellings with UCUM codes, and conversions that are safe for trends."""

from __future__ import annotations

import pytest

from coheara.validation.conversion import convert
from coheara.validation.units import normalize_unit


@pytest.mark.parametrize(
    ("printed", "code", "ucum"),
    [
        ("g/dl", "g/dL", "g/dL"),
        ("G/DL", "g/dL", "g/dL"),
        ("mmol/l", "mmol/L", "mmol/L"),
        ("mg/dl", "mg/dL", "mg/dL"),
        ("µmol/l", "µmol/L", "umol/L"),
        ("umol/l", "µmol/L", "umol/L"),
        ("μmol/L", "µmol/L", "umol/L"),  # Greek mu, not the micro sign
        ("x10^9/l", "10*9/L", "10*9/L"),
        ("×10⁹/l", "10*9/L", "10*9/L"),
        ("G/l", "10*9/L", "10*9/L"),  # giga per litre on Swiss and French reports
        ("/nl", "10*9/L", "10*9/L"),
        ("Tsd/µl", "10*9/L", "10*9/L"),
        ("T/l", "10*12/L", "10*12/L"),
        ("Mio/µl", "10*12/L", "10*12/L"),
        ("%", "%", "%"),
        ("U/l", "U/L", "U/L"),
        ("E/l", "U/L", "U/L"),  # German Einheiten
        ("IU/L", "IU/L", "[IU]/L"),
        ("mU/L", "mU/L", "mU/L"),
        ("ng/mL", "ng/mL", "ng/mL"),
        ("pg/ml", "pg/mL", "pg/mL"),
        ("fl", "fL", "fL"),
        ("pg", "pg", "pg"),
        ("ml/min/1,73 m²", "mL/min/1.73m2", "mL/min/{1.73_m2}"),
        ("mL/min/1.73m2", "mL/min/1.73m2", "mL/min/{1.73_m2}"),
        ("mmol/mol", "mmol/mol", "mmol/mol"),
        ("(g/L)", "g/L", "g/L"),
        ("sec.", "s", "s"),
    ],
)
def test_printed_units_get_one_spelling_and_a_ucum_code(printed: str, code: str, ucum: str) -> None:
    unit = normalize_unit(printed)
    assert (unit.code, unit.ucum) == (code, ucum)


def test_capital_g_per_litre_is_grams_where_the_test_is_a_mass_concentration() -> None:
    assert normalize_unit("G/L", "mass_conc").code == "g/L"
    assert normalize_unit("g/l").code == "g/L"


@pytest.mark.parametrize("printed", ["", "Stück", "mEq/l", "foo/bar", None])
def test_unknown_units_are_not_guessed(printed: str | None) -> None:
    assert normalize_unit(printed) is None


@pytest.mark.parametrize(
    ("value", "source", "target", "analyte", "expected"),
    [
        (100.0, "mg/dl", "mmol/l", "glucose", 5.55),
        (5.55, "mmol/L", "mg/dL", "glucose", 100.0),
        (200.0, "mg/dl", "mmol/l", "cholesterol_total", 5.17),
        (150.0, "mg/dl", "mmol/l", "triglycerides", 1.694),
        (1.0, "mg/dl", "µmol/l", "creatinine", 88.4),
        (88.4, "µmol/l", "mg/dl", "creatinine", 1.0),
        (40.0, "mg/dl", "mmol/l", "urea", 6.66),
        (1.0, "mg/dl", "µmol/l", "bilirubin_total", 17.1),
        (14.0, "g/dl", "g/l", None, 140.0),
        (140.0, "g/L", "g/dL", "hemoglobin", 14.0),
        (6.5, "%", "mmol/mol", "hba1c", 47.5),
        (48.0, "mmol/mol", "%", "hba1c", 6.54),
        (42.0, "%", "L/L", "hematocrit", 0.42),
        (60.0, "U/l", "µkat/l", None, 1.0),
        (5.0, "G/l", "/µl", None, 5000.0),
        (2.5, "mU/l", "mIU/L", "tsh", 2.5),
        (30.0, "ng/ml", "nmol/l", "vitamin_d", 74.9),
    ],
)
def test_safe_conversions(value: float, source: str, target: str, analyte: str | None, expected: float) -> None:
    assert convert(value, source, target, analyte) == pytest.approx(expected, rel=2e-3)


@pytest.mark.parametrize(
    ("source", "target", "analyte"),
    [
        ("mg/dl", "mmol/l", None),  # mass to moles needs the substance
        ("mg/dl", "mmol/l", "crp"),  # no molar mass on file: not converted
        ("mU/l", "mIU/L", None),  # units and international units are equal only for some hormones
        ("%", "mmol/mol", "hemoglobin"),
        ("g/dl", "U/l", "hemoglobin"),
        ("s", "%", "quick"),
        ("foo", "mg/dl", "glucose"),
    ],
)
def test_unsafe_conversions_answer_none(source: str, target: str, analyte: str | None) -> None:
    assert convert(1.0, source, target, analyte) is None
