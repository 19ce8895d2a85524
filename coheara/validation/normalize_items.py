"""Medications, diagnoses, allergies, procedures, referrals and instructions: printed → normalized.

Medications get the most work: strength as number + unit, the dose as a time-of-day scheme or an
amount, the frequency as intakes per day, the route in plain English, a duration in days, and
the total per day where the parts allow it. The other domains mostly need their dates read and
diagnosis codes recognized.
"""

from __future__ import annotations

import re
from typing import Any

from coheara.domain import Domain, Finding, wording
from coheara.i18n import N_
from coheara.validation.checks import check_medication
from coheara.validation.context import PageContext, read_date
from coheara.validation.doses import DoseSchedule, normalize_route, parse_frequency, parse_scheme, parse_strength
from coheara.validation.normalize_lab import normalize_lab
from coheara.validation.textfold import fold, plain
from coheara.validation.units import UNITS

# "1 Tablette", "½ Tabl.", "10 ml"; not "1-2 Tbl." (a range of amounts: no single number to compute with).
_AMOUNT = re.compile(r"^\s*(\d{1,4}(?:[.,]\d{1,3})?|½|¼|¾|1/2|1/4|3/4)(?!\s*[-–/]\s*\d)\s*(.*?)\s*$")
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
_DURATION = re.compile(
    r"(\d{1,3})\s*(tage?n?|tg|d|days?|jours?|j|wochen?|wo|weeks?|semaines?|monate?n?|months?|mois)\b"
)
_DAYS_PER = {"t": 1, "d": 1, "j": 1, "w": 7, "s": 7, "m": 30}
_ICD10 = re.compile(r"^[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?-?\s*[GVZALRB+*!†]{0,2}$")


def normalize_item(
    domain: Domain, fields: dict[str, str | None], ctx: PageContext
) -> tuple[dict[str, Any], list[Finding]]:
    """Normalized values and findings for one item of any domain."""
    if domain is Domain.LAB_RESULTS:
        return normalize_lab(fields, ctx)
    if domain is Domain.MEDICATIONS:
        return normalize_medication(fields, ctx)
    normalized: dict[str, Any] = {}
    findings: list[Finding] = []
    if "date" in fields:
        normalized["date"], findings = read_date(fields.get("date"), "date", ctx)
    if domain is Domain.DIAGNOSES:
        code = (fields.get("code") or "").strip().upper()
        normalized["code"] = code or None
        normalized["code_system"] = "ICD-10" if code and _ICD10.match(code) else None
    return normalized, findings


def _amount(text: str | None) -> tuple[float, str | None] | None:
    if not text:
        return None
    match = _AMOUNT.match(plain(text))
    if match is None:
        return None
    raw = match.group(1)
    value = _FRACTIONS.get(raw) or float(raw.replace(",", "."))
    return value, match.group(2) or None


def _duration_days(text: str | None) -> float | None:
    match = _DURATION.search(fold(text)) if text else None
    if match is None:
        return None
    return float(int(match.group(1)) * _DAYS_PER[match.group(2)[0]])


def normalize_medication(fields: dict[str, str | None], ctx: PageContext) -> tuple[dict[str, Any], list[Finding]]:
    """Strength, schedule, route, duration and total per day of one medication line."""
    findings: list[Finding] = []
    strength = parse_strength(fields.get("strength"), ctx.language, ctx.decimal_for_numbers)
    strength_unit = UNITS[strength.rest] if strength else None
    if strength and strength.ambiguous:
        severity = "info" if ctx.language else "warning"
        findings.append(Finding.of(
            "number_ambiguous", N_("'{printed}' was read as {value} {unit}; check it on the page."),
            {"printed": fields.get("strength"),
             "value": wording.figure(strength.value) if strength.value is not None else "", "unit": strength.rest},
            "strength", severity))
    dose_scheme = parse_scheme(fields.get("dose"))
    scheme = dose_scheme or parse_scheme(fields.get("frequency"))
    frequency = parse_frequency(fields.get("frequency"))
    amount = None if dose_scheme else _amount(fields.get("dose"))
    # Key names shared with storage, trends and export: name, strength, dose_text, frequency_text, schedule.
    normalized: dict[str, Any] = {
        "name": _tidy(fields.get("name")),
        "strength": _tidy(fields.get("strength")),
        "strength_value": strength.value if strength else None,
        "strength_unit": strength.rest if strength else None,
        "dose_text": _tidy(fields.get("dose")),
        "dose_amount": amount[0] if amount else None,
        "dose_unit": (amount[1] if amount else None) or (scheme.unit if scheme else None),
        "frequency_text": _tidy(fields.get("frequency")),
        **_schedule(scheme, frequency, amount),
        "per_week": frequency.per_week if frequency else None,
        "as_needed": bool(frequency and frequency.as_needed),
        "route": normalize_route(fields.get("route")),
        "duration_days": _duration_days(fields.get("duration")),
        "daily_amount": None,
        "daily_amount_unit": None,
    }
    total = normalized["total_per_day"]
    dose_is_count = amount is None or amount[1] is None or amount[1] not in UNITS
    if strength and strength_unit and strength_unit.dim == "mass" and total is not None and dose_is_count:
        normalized["daily_amount"] = strength.value * total
        normalized["daily_amount_unit"] = strength.rest
    findings += check_medication(strength, strength_unit, scheme)
    return normalized, findings


def _schedule(
    scheme: DoseSchedule | None, frequency: DoseSchedule | None, amount: tuple[float, str | None] | None
) -> dict[str, Any]:
    """``schedule`` (amount per time of day, or None), intakes per day and the total per day."""
    slots = ("morning", "noon", "evening", "night")
    if scheme is not None:
        return {
            "schedule": {slot: getattr(scheme, slot) for slot in slots},
            "intakes_per_day": float(sum(1 for slot in slots if getattr(scheme, slot))),
            "total_per_day": scheme.per_day,
        }
    per_intake = amount[0] if amount else None
    per_day = frequency.per_day if frequency else None
    # Time-of-day words ("morgens und abends") say when; the amount comes from the dose, if printed.
    timed = [slot for slot in slots if frequency and getattr(frequency, slot)]
    return {
        "schedule": {slot: (per_intake if slot in timed else 0.0) for slot in slots} if timed and per_intake else None,
        "intakes_per_day": per_day,
        "total_per_day": per_intake * per_day if per_intake is not None and per_day is not None else None,
    }


def _tidy(text: str | None) -> str | None:
    """Printed text with its spacing evened out, or None when empty."""
    return " ".join(text.split()) or None if text else None
