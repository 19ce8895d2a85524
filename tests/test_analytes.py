"""The analyte table: names in English, German and French meet on one key with a LOINC code."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from coheara.validation.analytes import analyte_table, loinc_for, resolve_analyte
from coheara.validation.units import UNITS

# The same test as printed on English, German, French (and abbreviated) reports.
SAME_TEST = {
    "hemoglobin": ["Hemoglobin", "Hämoglobin", "hémoglobine", "HGB", "Hb", "Haemoglobin"],
    "hematocrit": ["Hematocrit", "Hämatokrit", "Hématocrite", "Hkt"],
    "wbc": ["WBC", "Leukozyten", "Leucocytes", "white blood cells"],
    "platelets": ["Platelets", "Thrombozyten", "Plaquettes", "PLT"],
    "rbc": ["RBC", "Erythrozyten", "Globules rouges", "Hématies"],
    "glucose": ["Glucose", "Glukose", "Glycémie", "Blutzucker"],
    "creatinine": ["Creatinine", "Kreatinin", "Créatinine", "S-Kreatinin", "Kreatinin (Serum)", "Créatinine (sérum)"],
    "urea": ["Urea", "Harnstoff", "Urée"],
    "potassium": ["Potassium", "Kalium", "K+", "Kalium i.S."],
    "sodium": ["Sodium", "Natrium", "Na"],
    "alt": ["ALT", "GPT", "ALAT", "ALT (GPT)", "Alanin-Aminotransferase", "ALAT/GPT"],
    "ast": ["AST", "GOT", "ASAT", "GOT (AST)"],
    "ggt": ["GGT", "Gamma-GT", "γ-GT", "Gamma-Glutamyltransferase", "gamma-glutamyltransférase"],
    "alp": ["Alkaline phosphatase", "Alkalische Phosphatase", "Phosphatase alcaline", "AP"],
    "bilirubin_total": ["Bilirubin", "Bilirubin gesamt", "Gesamt-Bilirubin", "Bilirubine totale", "Total bilirubin"],
    "crp": ["CRP", "C-reaktives Protein", "Protéine C réactive", "C-reactive protein"],
    "tsh": ["TSH", "TSH basal", "Thyreotropin", "TSH ultrasensible"],
    "cholesterol_total": ["Cholesterol", "Cholesterin gesamt", "Gesamtcholesterin", "Cholestérol total"],
    "ldl": ["LDL", "LDL-Cholesterin", "Cholestérol LDL", "LDL-Cholesterin (berechnet)"],
    "hdl": ["HDL", "HDL-Cholesterin", "Cholestérol HDL"],
    "triglycerides": ["Triglycerides", "Triglyceride", "Triglycérides"],
    "uric_acid": ["Uric acid", "Harnsäure", "Acide urique"],
    "iron": ["Iron", "Eisen", "Fer sérique"],
    "vitamin_d": ["25-OH-Vitamin D", "25(OH)D", "Vitamin D3 (25-OH)", "Vitamine D"],
    "total_protein": ["Total protein", "Gesamteiweiß", "Gesamteiweiss", "Protéines totales"],
    "egfr": ["eGFR", "eGFR (CKD-EPI)", "GFR geschätzt", "DFG"],
    "nt_probnp": ["NT-proBNP", "NT-pro-BNP", "NT pro BNP"],
    "esr": ["ESR", "BSG", "Blutsenkung", "Vitesse de sédimentation"],
}


@pytest.mark.parametrize("key", sorted(SAME_TEST))
def test_names_in_three_languages_map_to_one_key(key: str) -> None:
    for name in SAME_TEST[key]:
        analyte = resolve_analyte(name)
        assert analyte is not None and analyte.key == key, name


def test_at_least_sixty_analytes_have_loinc_codes_in_the_right_shape() -> None:
    table = analyte_table()
    coded = [a for a in table.values() if a.loinc]
    assert len(coded) >= 60
    for analyte in table.values():
        for code in (analyte.loinc, *analyte.loinc_by_dim.values()):
            if code:
                assert re.fullmatch(r"\d{1,6}-\d", code) and _loinc_check_digit_ok(code), (analyte.key, code)


def _loinc_check_digit_ok(code: str) -> bool:
    """LOINC's mod-10 check digit: catches a typo in any one digit of a code."""
    number, check = code.split("-")
    reversed_digits = number[::-1]
    odd, even = reversed_digits[0::2], reversed_digits[1::2]
    total = sum(int(c) for c in even + str(int(odd) * 2))
    return (10 - total % 10) % 10 == int(check)


@pytest.mark.parametrize(
    ("key", "loinc"),
    [
        ("hemoglobin", "718-7"),
        ("glucose", "2345-7"),
        ("hba1c", "4548-4"),
        ("creatinine", "2160-0"),
        ("potassium", "2823-3"),
        ("sodium", "2951-2"),
        ("tsh", "3016-3"),
        ("crp", "1988-5"),
        ("ldl", "2089-1"),
        ("hdl", "2085-9"),
        ("cholesterol_total", "2093-3"),
        ("triglycerides", "2571-8"),
        ("alt", "1742-6"),
        ("ast", "1920-8"),
        ("platelets", "777-3"),
        ("wbc", "6690-2"),
        ("rbc", "789-8"),
        ("hematocrit", "4544-3"),
        ("egfr", "62238-1"),
        ("egfr_mdrd", "33914-3"),
    ],
)
def test_well_known_codes(key: str, loinc: str) -> None:
    assert analyte_table()[key].loinc == loinc


def test_the_table_ships_as_package_data_and_every_default_unit_is_canonical() -> None:
    raw = json.loads(files("coheara._resources").joinpath("analytes.json").read_text(encoding="utf-8"))
    assert len(raw["analytes"]) == len(analyte_table())
    for analyte in analyte_table().values():
        assert analyte.unit is None or analyte.unit in UNITS, analyte.key


def test_electrophoresis_fractions_follow_their_unit() -> None:
    # The Swiss electrophoresis report prints every fraction in % and in g/L: two LOINC codes each.
    alpha1_pct = resolve_analyte("Alpha 1", "%")
    alpha1_abs = resolve_analyte("Alpha 1", "g/L")
    assert (alpha1_pct.key, loinc_for(alpha1_pct, "%")) == ("alpha1_globulin_pct", "13978-2")
    assert (alpha1_abs.key, loinc_for(alpha1_abs, "g/L")) == ("alpha1_globulin", "2865-4")
    assert resolve_analyte("Albumin", "%").loinc == "13980-8"
    assert resolve_analyte("Albumin", "g/L", "electrophoresis").loinc == "2862-1"
    assert resolve_analyte("Albumin", "g/L").loinc == "1751-7"
    assert resolve_analyte("Gamma", "%").loinc == "13983-2"


def test_differential_counts_follow_their_unit() -> None:
    assert resolve_analyte("Neutrophile", "%").key == "neutrophils_pct"
    assert resolve_analyte("Neutrophile", "G/l").key == "neutrophils"
    assert resolve_analyte("Lymphocytes", "%").loinc == "736-9"


def test_loinc_follows_the_unit_kind_and_is_never_forced() -> None:
    glucose = resolve_analyte("Glucose")
    assert loinc_for(glucose, "mg/dl") == "2345-7"
    assert loinc_for(glucose, "mmol/l") == "14749-6"
    assert loinc_for(glucose, None) is None  # mass or moles? the code would be a guess
    assert loinc_for(glucose, "U/l") is None
    assert loinc_for(resolve_analyte("HbA1c (IFCC)"), "mmol/mol") == "59261-8"
    assert loinc_for(resolve_analyte("INR"), None) == "6301-6"  # a ratio has no unit


@pytest.mark.parametrize(
    ("name", "unit", "key"),
    [
        ("TP", "%", "quick"),
        ("TP", "g/dl", "total_protein"),
        ("TP", None, None),
        ("Prothrombinzeit", "s", "pt"),
        ("Prothrombinzeit", "%", "quick"),
    ],
)
def test_names_shared_by_two_tests_need_the_unit(name: str, unit: str | None, key: str | None) -> None:
    analyte = resolve_analyte(name, unit)
    assert (analyte.key if analyte else None) == key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Glucose im Urin", "urine_glucose"),
        ("U-Glucose", "urine_glucose"),
        ("Urin-pH", "urine_ph"),
        ("Kreatinin im Urin", "urine_creatinine"),
        ("Protéines urinaires", "urine_protein"),
        ("Nitrit (Urin)", "urine_nitrite"),
    ],
)
def test_urine_tests_are_kept_apart_from_blood_tests(name: str, key: str) -> None:
    assert resolve_analyte(name).key == key


@pytest.mark.parametrize(
    "name",
    [
        "Albumin/Globulin-Ratio",
        "Xyzase",
        "Befund siehe Anlage",
        "Kreatinin-Clearance im Urin",
        "",
        "Hämoglobin-Blutzucker",
    ],
)
def test_unknown_names_are_not_guessed(name: str) -> None:
    assert resolve_analyte(name) is None
