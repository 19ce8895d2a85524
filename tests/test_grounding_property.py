"""Property: a lab value is never verified unless the page prints it in its cell (the result column of
its test's row, same comparator, same or synonym unit); and a value printed there always is."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from coheara.domain import PageImage, TextWord, Verification
from coheara.schemas.extraction import Extraction
from coheara.validation.pipeline import validate_page

NAMES = ("Kalium", "Natrium", "Chlorid", "Calcium", "Ferritin", "Lipase", "Amylase", "Harnstoff")
UNITS = ("mmol/l", "mg/dl", "U/l", "ng/ml", "g/l")
SYNONYMS = {"mg/dl": "mg%", "U/l": "E/l"}
COLUMNS = (40.0, 200.0, 250.0, 280.0, 370.0)  # points: test, result, flag, unit, range
FONT = 9.0


def number(draw: st.DrawFn) -> str:
    whole = draw(st.integers(-20, 300))
    return f"{whole},{draw(st.integers(0, 9))}" if draw(st.booleans()) else str(whole)


@st.composite
def table(draw: st.DrawFn) -> list[tuple[str, str, str, str, str]]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    rows = []
    for name in names:
        comparator = draw(st.sampled_from(["", "", "", "< ", "> ", "<"]))
        low, high = number(draw), number(draw)
        ref = draw(st.sampled_from([f"{low} - {high}", f"< {high}", f"> {low}"]))
        flag = draw(st.sampled_from(["", "H", "L", "+", "-"]))
        rows.append((name, comparator + number(draw), flag, draw(st.sampled_from(UNITS)), ref))
    return rows


def page_of(rows: list[tuple[str, str, str, str, str]], columns: bool = True) -> PageImage:
    """Words placed as MuPDF reports them: a 9 pt font, words a space apart inside a cell; in table
    columns, or (``columns`` False) typed on one line with single spaces."""
    words = []
    for line, cells in enumerate(rows):
        top = 110.0 + line * 14
        if not columns:
            cells = (" ".join(c for c in cells if c),)
        for x, cell in zip(COLUMNS, cells, strict=False):
            for text in cell.split():
                width = 0.5 * FONT * len(text)
                words.append(TextWord(text, x / 595, (top - FONT) / 842, (x + width) / 595, (top + 2.5) / 842))
                x += width + 0.28 * FONT
    text = "\n".join(" ".join(cells) for cells in rows)
    return PageImage(0, b"", text, tuple(words), 595, 842, (0, 0, 896, 896))


def parts(value: str) -> tuple[str, Decimal]:
    value = value.strip()
    comparator = value[0] if value[0] in "<>" else ""
    return comparator, Decimal(value.lstrip("<> ").replace(",", ".").replace("−", "-"))


@settings(max_examples=300, deadline=None)
@given(table(), st.data())
def test_verified_only_when_printed_in_its_cell(rows: list[tuple[str, ...]], data: st.DataObject) -> None:
    page = page_of(rows, data.draw(st.booleans()))
    name, result, _, unit, ref = data.draw(st.sampled_from(rows))
    others = [r[1] for r in rows] + ref.replace("-", " ").replace("<", " ").replace(">", " ").split()
    value = data.draw(
        st.one_of(
            st.just(result),
            st.just(result.lstrip("<> ")),
            st.just(result.lstrip("<> -")),
            st.just("< " + result.lstrip("<> ")),
            st.just(ref),
            st.sampled_from(others),
            st.builds(lambda w, f: f"{w},{f}", st.integers(0, 300), st.integers(0, 9)),
        )
    )
    given_unit = data.draw(st.sampled_from([unit, unit, SYNONYMS.get(unit, unit), *UNITS]))
    extraction = Extraction.model_validate({"lab_results": [{"test": name, "value": value, "unit": given_unit}]})
    (item,) = validate_page(extraction, page, page_index=0).items
    try:
        in_cell = parts(value) == parts(result)
    except ArithmeticError:
        in_cell = False  # a range or other text: never the result
    # Case is folded by the matcher ("U/L" is "U/l"); a synonym is the same unit spelled otherwise.
    same_unit = given_unit.lower() == unit.lower() or SYNONYMS.get(unit) == given_unit
    expected = in_cell and same_unit
    assert (item.verification is Verification.VERIFIED) == expected, (rows, name, value, given_unit, item.findings)
