"""Verifying one item against the page: which fields are printed where they belong, and why not.

An item is VERIFIED only when its key fields are printed in their place:
- a lab result's value is a result cell of its test's own row (``cell.py``): not the reference range,
  not another row, same comparator and sign; its unit, when given, is the row's or its column's unit or
  an exact synonym (``row_unit.py``);
- a medication's strength and dose are on the drug's own line (or just below it, in its column);
- a date is printed as that date (group by group, so "2025" never verifies "02.06.2025");
- other domains' key fields are printed on the page.
Every field that does not verify gets a reason (``reasons.py``) a patient can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coheara.domain import Domain, Finding, Verification
from coheara.validation import reasons
from coheara.validation.cell import RowReading, anchor_ends, read_row
from coheara.validation.ground import Box, Match, PageIndex
from coheara.validation.ground_tokens import tokenize
from coheara.validation.layout import Row, signed
from coheara.validation.row_unit import UnitReading, column_date, read_unit

KEY_FIELDS: dict[Domain, tuple[str, ...]] = {
    Domain.LAB_RESULTS: ("test", "value", "unit", "date"),
    Domain.MEDICATIONS: ("name", "strength", "dose"),
    Domain.DIAGNOSES: ("text", "code", "date"),
    Domain.ALLERGIES: ("substance",),
    Domain.PROCEDURES: ("text", "date"),
    Domain.REFERRALS: ("to", "reason", "date"),
    Domain.INSTRUCTIONS: ("text",),
}
_MAX_OCCURRENCES = 3
# How a row's reading ranks when no row verifies: the most telling reason wins.
_RANK = {"printed_otherwise": 1, "reference_range": 2, "not_result": 3, "absent": 4}


@dataclass(slots=True)
class Grounding:
    """The verification, per-field results, boxes of found fields, and the reasons for the rest."""

    verification: Verification
    found: dict[str, bool] = field(default_factory=dict)
    boxes: dict[str, list[Box]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def ground_item(domain: Domain, fields: dict[str, str | None], index: PageIndex | None) -> Grounding:
    """Ground every non-empty field of one item on its page (``index`` None: no text layer)."""
    present = {k: v for k, v in fields.items() if v is not None and v.strip()}
    if index is None:
        why = [reasons.no_text()] if present else []
        return Grounding(Verification.UNVERIFIED, dict.fromkeys(present, False), {}, why)
    if domain is Domain.LAB_RESULTS:
        result = _lab(present, index)
    elif domain is Domain.MEDICATIONS:
        result = _medication(present, index)
    else:
        result = _anywhere(present, index, KEY_FIELDS[domain])
    keys = [k for k in KEY_FIELDS[domain] if k in present]
    anchor = KEY_FIELDS[domain][0]
    # An item needs its naming field (or, for a lab row, a value) to be verified at all.
    verified = bool(keys) and all(result.found[k] for k in keys) and (anchor in present)
    result.verification = Verification.VERIFIED if verified else Verification.UNVERIFIED
    return result


def verify_item(
    domain: Domain, fields: dict[str, str | None], index: PageIndex | None
) -> tuple[Verification, dict[str, bool], dict[str, list[Box]]]:
    """``ground_item`` without the reasons (the shape callers had before reasons existed)."""
    result = ground_item(domain, fields, index)
    return result.verification, result.found, result.boxes


def _boxes(matches: list[Match]) -> list[Box]:
    return [box for m in matches[:_MAX_OCCURRENCES] for box in m.boxes]


def _anywhere(present: dict[str, str], index: PageIndex, keys: tuple[str, ...]) -> Grounding:
    result = Grounding(Verification.UNVERIFIED)
    for name, value in present.items():
        occurrences = index.find(value)
        result.found[name] = bool(occurrences)
        if occurrences:
            result.boxes[name] = _boxes(occurrences)
        elif name in keys:
            result.findings.append(reasons.not_found(name, value))
    return result


# -- lab results -----------------------------------------------------------------------------------


def _starts(index: PageIndex, row: Row, anchor: Match, test: str) -> list[int]:
    """Where the test name ends in the row (token positions); the anchor's last word when spelled apart."""
    ends = anchor_ends(row, tokenize(test))
    if ends:
        return ends
    last = anchor.words[-1]
    positions = [i for i, t in enumerate(row.tokens) if row.words[t.word] == last]
    return [positions[-1] + 1] if positions else []


def _lab(present: dict[str, str], index: PageIndex) -> Grounding:
    result = _anywhere({k: v for k, v in present.items() if k not in ("test", "value", "unit")}, index, ("date",))
    test, value, unit = present.get("test"), present.get("value"), present.get("unit")
    anchors = index.find(test) if test else []
    if test is not None:
        result.found["test"] = bool(anchors)
        if not anchors:
            result.findings.append(reasons.name_not_found("test", test))
    if value is None or test is None or not anchors:
        _without_row(result, index, value, unit, anchors)
        return result
    layout = index.layout
    wanted = signed(tokenize(value), value)
    best: tuple[int, int, int, RowReading, UnitReading | None] | None = None  # rank, row, start, …
    for row_number in dict.fromkeys(layout.row_of_word[a.words[-1]] for a in anchors):
        row = layout.rows[row_number]
        anchor = next(a for a in anchors if layout.row_of_word[a.words[-1]] == row_number)
        for start in _starts(index, row, anchor, test):
            reading = read_row(layout, row, start, wanted) if wanted else RowReading("absent")
            unit_reading = None
            if reading.code is None and unit is not None:
                start_word = row.tokens[start - 1].word + 1 if start > 0 else 0
                unit_reading = read_unit(layout, row_number, start_word, reading.result_words, unit)
            rank = _RANK[reading.code] if reading.code else (0 if unit_reading is None or unit_reading.ok else 1)
            if best is None or rank < best[0]:
                best = (rank, row_number, start, reading, unit_reading)
    if best is None:  # the test's words are on the page but not as a run on one row
        result.found.update({k: False for k in ("value", "unit") if k in present})
        result.findings.append(reasons.other_row("value", value, test) if index.find(value)
                               else reasons.not_found("value", value))
        return result
    _, row_number, start, reading, unit_reading = best
    row = layout.rows[row_number]
    size = len(tokenize(test))
    test_words = tuple(dict.fromkeys(row.words[t.word] for t in row.tokens[max(start - size, 0) : start]))
    result.boxes["test"] = [index.line_boxes(test_words)[0]] if test_words else _boxes(anchors)
    result.found["value"] = reading.code is None
    if reading.code is None:
        result.boxes["value"] = list(index.line_boxes(reading.words))
    else:
        result.findings.append(_value_reason(reading, value, test, index))
    if unit is not None:
        if unit_reading is None:
            start_word = row.tokens[start - 1].word + 1 if start > 0 else 0
            unit_reading = read_unit(layout, row_number, start_word, reading.result_words, unit)
        result.found["unit"] = unit_reading.ok
        if unit_reading.words:
            result.boxes["unit"] = list(index.line_boxes(unit_reading.words))
        if not unit_reading.ok and reading.code is None:
            result.findings.append(
                reasons.unit_differs(unit, unit_reading.printed)
                if unit_reading.printed
                else reasons.unit_not_printed(unit, test)
            )
    date = present.get("date")
    if date is not None and reading.code is None:
        _check_column_date(result, index, row_number, reading.result_words, date)
    _prefer_row(result, present, index, row_number)
    return result


def _check_column_date(result: Grounding, index: PageIndex, row_number: int, words: tuple[int, ...], date: str) -> None:
    """On a cumulative report the result's column is headed by its date: the item's date must be that one."""
    head = column_date(index.layout, row_number, words)
    if head is None:
        return
    printed = index.words[head].text.strip()
    ok = bool(tokenize(printed)) and tokenize(printed) == tokenize(date)
    result.found["date"] = ok
    result.boxes["date"] = list(index.line_boxes((head,)))
    result.findings = [f for f in result.findings if f.field != "date"]
    if not ok:
        result.findings.append(reasons.other_column_date(date, printed))


def _without_row(
    result: Grounding, index: PageIndex, value: str | None, unit: str | None, anchors: list[Match]
) -> None:
    """No test row to read (no test, no value, or the test is not printed): nothing is at its cell."""
    for name, text in (("value", value), ("unit", unit)):
        if text is None:
            continue
        result.found[name] = False
        occurrences = index.find(text)
        if occurrences:
            result.boxes[name] = _boxes(occurrences)
        elif name == "value" or anchors:  # a unit without its test: the missing test says it already
            result.findings.append(reasons.not_found(name, text))
    if anchors:
        result.boxes["test"] = _boxes(anchors)


def _value_reason(reading: RowReading, value: str, test: str, index: PageIndex) -> Finding:
    if reading.code == "printed_otherwise":
        return reasons.printed_otherwise(value, reading.printed or "")
    if reading.code == "reference_range":
        return reasons.reference_range(value, reading.printed)
    if reading.code == "not_result":
        return reasons.not_result(value, test, reading.printed)
    if index.find(value):
        return reasons.other_row("value", value, test)
    return reasons.not_found("value", value)


def _prefer_row(result: Grounding, present: dict[str, str], index: PageIndex, row_number: int) -> None:
    """Boxes of the range and flag: the occurrence on the test's row when there is one."""
    layout = index.layout
    for name in ("reference_range", "flag"):
        if name in present:
            on_row = [m for m in index.find(present[name]) if layout.row_of_word[m.words[0]] == row_number]
            if on_row:
                result.boxes[name] = _boxes(on_row)


# -- medications -----------------------------------------------------------------------------------


def _near(match: Match, anchor: Match) -> bool:
    """Same line as the anchor, or within two and a half lines below it in the same column."""
    ax0, ay0, ax1, ay1 = anchor.first_box
    mx0, my0, mx1, my1 = match.first_box
    height = max(ay1 - ay0, 1e-6)
    if abs((my0 + my1) - (ay0 + ay1)) <= 1.2 * height:
        return True
    below = my0 - ay1
    return -0.2 * height <= below <= 2.5 * height and mx0 <= ax1 and mx1 >= ax0


def _medication(present: dict[str, str], index: PageIndex) -> Grounding:
    name = present.get("name")
    anchors = index.find(name) if name else []
    others = {k: v for k, v in present.items() if k != "name"}
    matches = {k: index.find(v) for k, v in others.items()}
    if anchors:
        anchors = _best_anchors(anchors, list(matches.values()))
    result = Grounding(Verification.UNVERIFIED)
    if name is not None:
        result.found["name"] = bool(anchors)
        if anchors:
            result.boxes["name"] = _boxes(anchors)
        else:
            result.findings.append(reasons.name_not_found("name", name))
    for key, occurrences in matches.items():
        on_line = [m for m in occurrences if any(_near(m, a) for a in anchors)]
        needs_line = key in ("strength", "dose")
        result.found[key] = bool(on_line) if needs_line else bool(occurrences)
        chosen = on_line or ([] if needs_line else occurrences)
        if chosen:
            result.boxes[key] = _boxes(chosen)
        if needs_line and not on_line and anchors and name is not None:
            result.findings.append(reasons.not_on_line(key, others[key], name) if occurrences
                                   else reasons.not_found(key, others[key]))
        elif key == "date" and not occurrences:
            result.findings.append(reasons.not_found(key, others[key]))
    return result


def _best_anchors(anchors: list[Match], others: list[list[Match]]) -> list[Match]:
    """The anchor occurrences with the most other fields nearby (all of them when none has any)."""
    if len(anchors) == 1:
        return anchors
    scores = [sum(1 for occ in others if any(_near(m, a) for m in occ)) for a in anchors]
    best = max(scores)
    return [a for a, s in zip(anchors, scores, strict=True) if s == best]
