"""Plausibility: values that cannot be right are kept and flagged, never fixed or dropped.

"Implausible" means physically impossible or far outside any living human (a hemoglobin of
150 g/dL, a potassium of 45 mmol/L, a negative count, a date in the future or before 1900, a single
strength of 50 000 mg), not merely abnormal: abnormal is what flags are for. Limits per analyte live
in ``resources/analytes.json`` (``plausible``, in the analyte's default unit).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from coheara.domain import Finding, wording
from coheara.i18n import N_, number
from coheara.validation.analytes import Analyte, fits
from coheara.validation.conversion import to_default_unit
from coheara.validation.doses import DoseSchedule
from coheara.validation.numbers import ParsedNumber
from coheara.validation.ranges import ReferenceRange
from coheara.validation.units import Unit

# Units in which a negative number means nothing, whatever the test: counts, cell sizes, times. (A
# concentration unit is not enough: a base excess of -4 mmol/L is real; known tests carry their limits.)
_NON_NEGATIVE_DIMS = frozenset({"count_conc", "entitic_volume", "entitic_mass", "time", "rate", "gfr"})
# One printed strength above 10 g (for a tablet, an ampoule, a sachet) is not a medicine dose.
_MAX_STRENGTH_GRAMS = 10.0
# More than 100 of anything (tablets, drops, puffs) at one time of day.
_MAX_AMOUNT_PER_INTAKE = 100.0
_EARLIEST = date(1900, 1, 1)



def _test_name(analyte: Analyte) -> dict[str, Any]:
    """The analyte's name as the patient's language has it, chosen when the finding is shown."""
    return wording.in_languages({"en": analyte.name, **analyte.names})

def _plain(value: float) -> str:
    text = f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    if "e" in text:
        text = f"{value:f}".rstrip("0").rstrip(".")
    return text


def fmt(value: float) -> str:
    """A number as a person writes it: 15, 4.5, 0.012 (no trailing zeros, no exponent), in the patient's locale."""
    return number(Decimal(_plain(value)), 12)  # "4,5" in German and French


def fmt_param(value: float) -> dict[str, Any]:
    """``fmt(value)`` inside a finding: written in the language it is shown in."""
    return wording.figure(_plain(value), 12)


def check_lab(
    analyte: Analyte | None, value: ParsedNumber | None, unit: Unit | None, reference: ReferenceRange | None
) -> list[Finding]:
    """Findings about one lab result: impossible values, a unit of the wrong kind, an inverted range."""
    findings: list[Finding] = []
    label: Any = _test_name(analyte) if analyte else wording.words(N_("This value"))
    if analyte and unit and not fits(analyte, unit):
        findings.append(
            Finding.of("unit_unexpected", N_("{test} is not usually measured in {unit}; check the unit."),
                       {"test": _test_name(analyte), "unit": unit.code}, "unit")
        )
    x = value.value if value and not value.is_range else None
    if x is not None:
        negative_impossible = (unit is not None and unit.dim in _NON_NEGATIVE_DIMS) or (
            analyte is not None and analyte.plausible is not None and analyte.plausible[0] >= 0
        )
        if x < 0 and negative_impossible:
            findings.append(
                Finding.of("negative_value", N_("{test} cannot be negative ({value})."),
                           {"test": label, "value": fmt_param(x)}, "value", "implausible")
            )
        elif analyte and analyte.plausible and unit and analyte.unit:
            in_default = to_default_unit(x, unit.code, analyte.key)
            low, high = analyte.plausible
            if in_default is not None and not (low <= in_default <= high):
                findings.append(
                    Finding.of(
                        "implausible_value",
                        N_("{test} {value} {unit} is outside what is humanly possible ({low}–{high} "
                           "{plausible_unit}); please check it against the page."),
                        {"test": _test_name(analyte), "value": fmt_param(x), "unit": unit.code, "low": fmt_param(low),
                         "high": fmt_param(high), "plausible_unit": analyte.unit},
                        "value",
                        "implausible",
                    )
                )
    if reference and reference.low is not None and reference.high is not None and reference.low > reference.high:
        findings.append(
            Finding.of("range_inverted", N_("The reference range's lower limit is above its upper limit."), None,
                       "reference_range")
        )
    return findings


def check_date(iso: str | None, field: str, today: date | None = None) -> list[Finding]:
    """A date in the future (beyond tomorrow, for time zones) or before 1900 is implausible."""
    if not iso:
        return []
    day = date.fromisoformat(iso)
    today = today or date.today()
    if day > today + timedelta(days=1):
        return [Finding.of("future_date", N_("The date {date} is in the future."), {"date": wording.day(iso)}, field,
                           "implausible")]
    if day < _EARLIEST:
        return [Finding.of("ancient_date", N_("The date {date} is before 1900."), {"date": wording.day(iso)}, field,
                           "implausible")]
    return []


def check_medication(
    strength: ParsedNumber | None, strength_unit: Unit | None, schedule: DoseSchedule | None
) -> list[Finding]:
    """A strength above 10 g, or more than 100 units at one time of day, is implausible."""
    findings: list[Finding] = []
    if strength and strength.value is not None and strength_unit:
        grams = strength.value * strength_unit.factor if strength_unit.dim == "mass" else None
        if strength.value < 0:
            findings.append(Finding.of("negative_value", N_("A strength cannot be negative."), None, "strength",
                                       "implausible"))
        elif grams is not None and grams > _MAX_STRENGTH_GRAMS:
            findings.append(
                Finding.of(
                    "implausible_strength",
                    N_("A strength of {value} {unit} is far above any single dose; please check it against the "
                       "page."),
                    {"value": fmt_param(strength.value), "unit": strength_unit.code},
                    "strength",
                    "implausible",
                )
            )
    if schedule:
        amounts = [a for a in (schedule.morning, schedule.noon, schedule.evening, schedule.night) if a is not None]
        if any(a > _MAX_AMOUNT_PER_INTAKE for a in amounts):
            findings.append(
                Finding.of("implausible_dose", N_("More than {count} units at one time of day is implausible."),
                           {"count": fmt_param(_MAX_AMOUNT_PER_INTAKE)}, "dose", "implausible")
            )
    return findings
