"""Why a value is not verified, in words a patient can act on; one ``Finding`` per field.

Every code starts with ``unverified_`` so views, exports and tests can tell these apart from the
plausibility findings. A photo or scan is ``info`` (nothing is wrong, there is just nothing to compare
with); every other reason is a ``warning``: the page says something else, or does not say it at all.
"""

from __future__ import annotations

from coheara.domain import Finding

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


def _quoted(text: str | None) -> str:
    return f"“{(text or '').strip()}”"


def _named(field: str, text: str | None) -> str:
    """The field and its value as the patient saw them: 'Value “5,1”', 'Reference range “3,5 - 5,1”'."""
    return f"{field.replace('_', ' ').capitalize()} {_quoted(text)}"


def no_text() -> Finding:
    return Finding(NO_TEXT, "A photo or scan: no text to compare with, so nothing was verified.", None, "info")


def not_found(field: str, value: str) -> Finding:
    return Finding(NOT_FOUND, f"{_named(field, value)}: not found in this document.", field)


def found_on_page(field: str, value: str, page_number: int) -> Finding:
    return Finding(OTHER_PAGE, f"{_named(field, value)}: found on page {page_number}, not on this page.", field)


def other_row(field: str, value: str, anchor: str) -> Finding:
    return Finding(OTHER_ROW, f"{_named(field, value)}: found on the page, but not on the row of {_quoted(anchor)}.", field)


def reference_range(value: str, result: str | None) -> Finding:
    tail = f"; the result printed is {result}" if result else ""
    return Finding(REFERENCE_RANGE, f"{_named('value', value)}: this number is the reference range, not the result{tail}.",
                   "value")


def not_result(value: str, anchor: str, result: str | None) -> Finding:
    tail = f"; the result printed is {result}" if result else ""
    return Finding(NOT_RESULT, f"{_named('value', value)}: printed on the row of {_quoted(anchor)}, but not as its "
                               f"result{tail}.", "value")


def printed_otherwise(value: str, printed: str) -> Finding:
    return Finding(PRINTED_OTHERWISE, f"{_named('value', value)}: the page prints {printed}.", "value")


def unit_differs(unit: str, printed: str) -> Finding:
    return Finding(UNIT_DIFFERS, f"{_named('unit', unit)}: the unit on the page is {printed.strip('()[] ')}.", "unit")


def unit_not_printed(unit: str, anchor: str) -> Finding:
    return Finding(UNIT_NOT_PRINTED, f"{_named('unit', unit)}: this unit is not printed on the row of {_quoted(anchor)}.",
                   "unit")


def other_column_date(date: str, printed: str) -> Finding:
    return Finding(DATE_COLUMN, f"{_named('date', date)}: this result is printed in the column of {printed}.", "date")


def name_not_found(field: str, name: str) -> Finding:
    return Finding(NAME_NOT_FOUND, f"{_named(field, name)}: not found in this document.", field)


def not_on_line(field: str, value: str, anchor: str) -> Finding:
    return Finding(NOT_ON_LINE, f"{_named(field, value)}: printed on the page, but not on the line of {_quoted(anchor)}.",
                   field)


def is_reason(finding: Finding) -> bool:
    return finding.code.startswith("unverified_")


