"""Why a value is not verified, in words a patient can act on; one ``Finding`` per field.

Every code starts with ``unverified_`` so views, exports and tests can tell these apart from the
plausibility findings. A photo or scan is ``info`` (nothing is wrong, there is just nothing to compare
with); every other reason is a ``warning``: the page says something else, or does not say it at all.
Each keeps its template and the values that fill it, so it reads in the language it is shown in
(coheara.domain.wording).
"""

from __future__ import annotations

from typing import Any

from coheara.domain import Finding, wording
from coheara.i18n import N_

NO_TEXT = "unverified_no_text"
NOT_FOUND = "unverified_not_found"
OTHER_PAGE = "unverified_other_page"
OTHER_ROW = "unverified_other_row"
REFERENCE_RANGE = "unverified_reference_range"
NOT_RESULT = "unverified_not_result"
PRINTED_OTHERWISE = "unverified_printed_otherwise"
UNIT_DIFFERS = "unverified_unit"
UNIT_NOT_PRINTED = "unverified_unit_not_printed"
NAME_NOT_FOUND = "unverified_name_not_found"
NOT_ON_LINE = "unverified_not_on_line"
DATE_COLUMN = "unverified_date_column"

# When one item has several candidate rows, the most telling reason is kept (lowest first).
PRIORITY = (PRINTED_OTHERWISE, REFERENCE_RANGE, NOT_RESULT, UNIT_DIFFERS, UNIT_NOT_PRINTED, OTHER_ROW, NOT_FOUND)


def _quoted(text: str | None) -> dict[str, Any]:
    return wording.quoted(text)


def _named(field: str, text: str | None) -> dict[str, Any]:
    """The field and its value as the patient saw them: 'Value “5,1”', 'Reference range “3,5 - 5,1”'."""
    return wording.named(field, text)


def no_text() -> Finding:
    return Finding.of(NO_TEXT, N_("A photo or scan: no text to compare with, so nothing was verified."), None, None,
                      "info")


def not_found(field: str, value: str) -> Finding:
    return Finding.of(NOT_FOUND, N_("{field}: not found in this document."), {"field": _named(field, value)}, field)


def found_on_page(field: str, value: str, page_number: int) -> Finding:
    return Finding.of(OTHER_PAGE, N_("{field}: found on page {page}, not on this page."),
                      {"field": _named(field, value), "page": page_number}, field)


def other_row(field: str, value: str, anchor: str) -> Finding:
    return Finding.of(OTHER_ROW, N_("{field}: found on the page, but not on the row of {row}."),
                      {"field": _named(field, value), "row": _quoted(anchor)}, field)


def reference_range(value: str, result: str | None) -> Finding:
    if result:
        return Finding.of(
            REFERENCE_RANGE,
            N_("{field}: this number is the reference range, not the result; the result printed is {result}."),
            {"field": _named("value", value), "result": result}, "value")
    return Finding.of(REFERENCE_RANGE, N_("{field}: this number is the reference range, not the result."),
                      {"field": _named("value", value)}, "value")


def not_result(value: str, anchor: str, result: str | None) -> Finding:
    params: dict[str, Any] = {"field": _named("value", value), "row": _quoted(anchor)}
    if result:
        return Finding.of(
            NOT_RESULT,
            N_("{field}: printed on the row of {row}, but not as its result; the result printed is {result}."),
            {**params, "result": result}, "value")
    return Finding.of(NOT_RESULT, N_("{field}: printed on the row of {row}, but not as its result."), params, "value")


def printed_otherwise(value: str, printed: str) -> Finding:
    return Finding.of(PRINTED_OTHERWISE, N_("{field}: the page prints {printed}."),
                      {"field": _named("value", value), "printed": printed}, "value")


def unit_differs(unit: str, printed: str) -> Finding:
    return Finding.of(UNIT_DIFFERS, N_("{field}: the unit on the page is {printed}."),
                      {"field": _named("unit", unit), "printed": printed.strip("()[] ")}, "unit")


def unit_not_printed(unit: str, anchor: str) -> Finding:
    return Finding.of(UNIT_NOT_PRINTED, N_("{field}: this unit is not printed on the row of {row}."),
                      {"field": _named("unit", unit), "row": _quoted(anchor)}, "unit")


def other_column_date(date: str, printed: str) -> Finding:
    return Finding.of(DATE_COLUMN, N_("{field}: this result is printed in the column of {printed}."),
                      {"field": _named("date", date), "printed": printed}, "date")


def name_not_found(field: str, name: str) -> Finding:
    return Finding.of(NAME_NOT_FOUND, N_("{field}: not found in this document."), {"field": _named(field, name)},
                      field)


def not_on_line(field: str, value: str, anchor: str) -> Finding:
    return Finding.of(NOT_ON_LINE, N_("{field}: printed on the page, but not on the line of {line}."),
                      {"field": _named(field, value), "line": _quoted(anchor)}, field)


def is_reason(finding: Finding) -> bool:
    return finding.code.startswith("unverified_")


