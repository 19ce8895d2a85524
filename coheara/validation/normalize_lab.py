"""One lab result: printed strings → analyte, LOINC, number, unit, range, flag and date, with findings.

The printed strings are never changed; everything here goes into ``normalized``. Where the reading
needed a choice the patient should know about (a separator guessed, a unit taken from the value,
a printed flag that contradicts the numbers), a finding says so. The value cell is read completely
or kept as printed text (``lab_cell``): ``value_kind`` says which, ``value_display`` is what tables show.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from coheara.domain import Finding, wording
from coheara.domain.lab_value import QUANTITY, RANGE, TEXT
from coheara.i18n import N_
from coheara.validation.analytes import Analyte, loinc_for, resolve_analyte
from coheara.validation.checks import check_lab, fmt_param
from coheara.validation.context import PageContext, read_date
from coheara.validation.flags import compute_flag, flags_agree, parse_flag
from coheara.validation.lab_cell import Cell, quantity_display, read_cell
from coheara.validation.numbers import ParsedNumber
from coheara.validation.ranges import parse_range
from coheara.validation.units import UNITS, Unit, normalize_unit


def lab_analyte(fields: dict[str, str | None], ctx: PageContext) -> Analyte | None:
    """The analyte of a lab row, with the unit (printed, or trailing the value) to tell look-alikes apart."""
    unit_text = fields.get("unit") or _unit_in_value(fields.get("value"), ctx)
    return resolve_analyte(fields.get("test"), unit_text, "electrophoresis" if ctx.electrophoresis else None)


def _unit_in_value(value: str | None, ctx: PageContext) -> str | None:
    return read_cell(value, ctx.language, ctx.decimal_for_numbers).unit_text if value else None


def normalize_lab(fields: dict[str, str | None], ctx: PageContext) -> tuple[dict[str, Any], list[Finding]]:
    """Normalized values and findings for one lab row (see the module docstring)."""
    findings: list[Finding] = []
    value_text, unit_text = fields.get("value"), fields.get("unit")
    cell = read_cell(value_text, ctx.language, ctx.decimal_for_numbers)
    findings += _cell_findings(cell)
    number = cell.number
    qualitative = cell.qualitative
    if number is not None and number.ambiguous:
        findings.append(_ambiguous_number(value_text or "", number, "value", ctx))
    if not unit_text and cell.unit_text:
        unit_text = cell.unit_text
        findings.append(
            Finding.of("unit_from_value", N_("The unit '{unit}' was printed with the value."), {"unit": unit_text},
                       "unit", "info")
        )
    analyte = lab_analyte(fields, ctx)
    unit = normalize_unit(unit_text, analyte.dim if analyte else None) if unit_text else None
    if unit_text and unit is None:
        findings.append(
            Finding.of("unit_unknown", N_("The unit '{unit}' is not one we know; it is kept as printed."),
                       {"unit": unit_text}, "unit", "info")
        )
    unfolded = number
    number, unit = _fold_power_of_ten(number, unit)
    reference = parse_range(fields.get("reference_range"), ctx.language, ctx.decimal_for_numbers)
    # The flag column wins; a flag glued to the value ("12,1 H", "12,1*", "↑ 12,1") fills in for it.
    flag_printed_text = _tidy(fields.get("flag")) if parse_flag(fields.get("flag")) else cell.flag_text
    printed = parse_flag(flag_printed_text)
    computed = compute_flag(number, qualitative, reference)
    if printed and computed and not flags_agree(printed, computed):
        findings.append(_flag_mismatch(fields, flag_printed_text or "", printed, computed))
    iso, date_findings = read_date(fields.get("date"), "date", ctx)
    findings += date_findings
    findings += check_lab(analyte, number, unit, reference)
    quantity = cell.kind == QUANTITY and number is not None and number.value is not None
    # Key names are shared with storage, trends and export (value_num, ref_low, analyte_key, ...).
    normalized: dict[str, Any] = {
        "analyte_key": analyte.key if analyte else None,
        "analyte_display": analyte.name if analyte else None,
        "loinc": loinc_for(analyte, unit.code if unit else unit_text) if analyte else None,
        "value_kind": cell.kind,
        "value_num": number.value if quantity and number else None,
        "value_text": None if quantity else _tidy(value_text),
        "value_display": _display(cell, unfolded, number),
        "comparator": number.comparator if quantity and number else None,
        "value_low": number.low if cell.kind == RANGE and number else None,
        "value_high": number.high if cell.kind == RANGE and number else None,
        "ratio_numerator": cell.ratio[0] if cell.ratio else None,
        "ratio_denominator": cell.ratio[1] if cell.ratio else None,
        "qualitative": qualitative,
        "unit": unit.code if unit else None,
        "ucum": unit.ucum if unit else None,
        "ref_low": reference.low if reference else None,
        "ref_high": reference.high if reference else None,
        "ref_text": _tidy(fields.get("reference_range")),
        "ref_kind": reference.kind if reference else None,
        "ref_low_inclusive": reference.low_inclusive if reference else None,
        "ref_high_inclusive": reference.high_inclusive if reference else None,
        "ref_qualitative": reference.qualitative if reference else None,
        "flag": computed or printed,
        "flag_printed": printed,
        "flag_printed_text": flag_printed_text if printed else None,
        "flag_computed": computed,
        "date": iso,
    }
    return normalized, findings


def _cell_findings(cell: Cell) -> list[Finding]:
    """Why a value stays printed text, and where a flag was found inside the value."""
    if cell.kind == TEXT and cell.leftover:
        return [Finding.of(
            "value_not_parsed",
            N_("'{printed}' could not be read completely as one number; it is kept exactly as printed."),
            {"printed": cell.printed},
            "value",
        )]
    if cell.kind == TEXT:
        return [Finding.of("value_not_numeric", N_("The value is not a number; it is kept as printed."), None, "value",
                           "info")]
    if cell.flag_text:
        return [Finding.of("flag_from_value", N_("The flag '{flag}' was printed with the value."),
                           {"flag": cell.flag_text}, "flag", "info")]
    return []


def _display(cell: Cell, printed: ParsedNumber | None, number: ParsedNumber | None) -> str | None:
    """The value as tables show it: every printed digit and comparator, a decimal point (see lab_cell)."""
    if cell.kind != QUANTITY or printed is None or number is None or number.value is None:
        return cell.printed or None
    if printed.exponent is None or printed.value is None:
        return quantity_display(printed)
    if number is printed:  # a power of ten we keep in the value: shown as printed ("1e3", "4,5 x 10^3")
        return cell.printed
    # The power of ten moved into the unit (10*9/L): the mantissa is the value.
    return quantity_display(printed, printed.value / 10.0**printed.exponent)


def _tidy(text: str | None) -> str | None:
    """Printed text with its spacing evened out, or None when empty."""
    return " ".join(text.split()) or None if text else None


def _fold_power_of_ten(number: ParsedNumber | None, unit: Unit | None) -> tuple[ParsedNumber | None, Unit | None]:
    """ "4.5 x 10^9" per litre is 4.5 in 10*9/L, the unit counts are compared and trended in."""
    if number is None or number.exponent not in (9, 12) or number.value is None:
        return number, unit
    target = UNITS[f"10*{number.exponent}/L"]
    if unit is not None and unit.code not in ("/L", target.code):
        return number, unit
    return replace(number, value=number.value / 10.0**number.exponent), target


def _ambiguous_number(text: str, number: ParsedNumber, field: str, ctx: PageContext) -> Finding:
    """Says how "4.500" was read and what else it could mean (4.5 or 4500)."""
    read = number.value if number.value is not None else (number.low or 0.0)
    # A three-digit group read as thousands could be a decimal, and the other way round.
    digits = re.sub(r"[^\d]", "", text.split()[0] if text.split() else text)
    other = read / 1000 if digits and float(digits) == abs(read) else read * 1000
    severity = "info" if ctx.language else "warning"
    return Finding.of(
        "number_ambiguous",
        N_("'{printed}' was read as {value}; it could also mean {other}. Check it on the page."),
        {"printed": text.strip(), "value": fmt_param(read), "other": fmt_param(other)},
        field,
        severity,
    )


def _flag_mismatch(fields: dict[str, str | None], flag_text: str, printed: str, computed: str) -> Finding:
    return Finding.of(
        "flag_mismatch",
        N_("The page marks this value '{flag}' ({printed}), but {value} against the range {range} is {computed}."),
        {"flag": flag_text, "printed": wording.flag(printed), "value": fields.get("value"),
         "range": fields.get("reference_range"), "computed": wording.flag(computed)},
        "flag",
    )
