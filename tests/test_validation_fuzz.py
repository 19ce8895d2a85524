"""Properties over arbitrary text: normalizers never raise, and an absent value is never VERIFIED."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coheara.domain import Domain, PageImage, TextWord, Verification
from coheara.schemas.extraction import Extraction
from coheara.validation import analytes, dates, doses, flags, ground, language, numbers, ranges, units
from coheara.validation.conversion import convert
from coheara.validation.invisible import clean_fields
from coheara.validation.pipeline import validate_page

# Printable text plus the characters reports are made of: digits, separators, comparators, µ, ½, ⁹.
REPORT_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("0123456789.,'-–/ <>≤≥%µμ½¼⁹xX^*()+↑↓:eE")),
    ),
    max_size=60,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(REPORT_TEXT, st.sampled_from([None, "de", "fr", "en", "en-US", "de-CH"]), st.sampled_from([None, ".", ","]))
def test_normalizers_never_raise(text: str, lang: str | None, decimal: str | None) -> None:
    numbers.parse_number(text, lang, decimal)
    dates.parse_date(text, dates.date_order_for(lang))
    dates.page_date_order(text)
    ranges.parse_range(text, lang, decimal)
    ranges.parse_qualitative(text)
    flags.parse_flag(text)
    units.normalize_unit(text)
    analytes.resolve_analyte(text, text)
    doses.parse_scheme(text)
    doses.parse_frequency(text)
    doses.parse_strength(text, lang, decimal)
    doses.normalize_route(text)
    language.normalize_language(text)
    language.detect_language(text)
    numbers.page_decimal_separator(text)
    ground.tokenize(text)
    convert(1.5, text, "mg/dL", "glucose")


@FAST
@given(
    st.lists(
        st.fixed_dictionaries(
            {}, optional=dict.fromkeys(("test", "value", "unit", "reference_range", "flag", "date"), REPORT_TEXT)
        ),
        max_size=4,
    ),
    st.lists(
        st.fixed_dictionaries(
            {}, optional=dict.fromkeys(("name", "strength", "dose", "frequency", "route"), REPORT_TEXT)
        ),
        max_size=3,
    ),
    st.lists(REPORT_TEXT, max_size=6),
)
def test_validate_page_never_raises_and_keeps_fields_as_given(lab: list, meds: list, lines: list[str]) -> None:
    extraction = Extraction.model_validate(
        {"lab_results": lab, "medications": meds, "document": {"date": lines[0] if lines else None}}
    )
    words = tuple(TextWord(w, 0.1, 0.05 + i * 0.02, 0.3, 0.06 + i * 0.02) for i, w in enumerate(lines) if w.strip())
    page = PageImage(0, b"", "\n".join(lines), words, 595, 842, (0, 0, 896, 896))
    result = validate_page(extraction, page, page_index=1)
    given_fields = [f for domain in (Domain.LAB_RESULTS, Domain.MEDICATIONS) for f in extraction.items(domain)]
    # Kept as given, except invisible and control characters, which are removed (with a finding).
    shown = [clean_fields(f)[0] for f in given_fields]
    assert all(item.fields in shown for item in result.items)


NUMBERS = st.integers(min_value=0, max_value=500)


@FAST
@given(st.lists(NUMBERS, min_size=1, max_size=40), NUMBERS, st.sampled_from(["{}", "{},0", "{}.00", "<{}"]))
def test_a_value_not_printed_on_the_page_is_never_verified(printed: list[int], value: int, shape: str) -> None:
    if value in printed:
        value = max(printed) + 1
    rows = [f"Kalium {n} mmol/l" for n in printed]
    words = []
    for row, line in enumerate(rows):
        for col, text in enumerate(line.split()):
            words.append(TextWord(text, 0.1 + col * 0.2, 0.02 + row * 0.02, 0.25 + col * 0.2, 0.035 + row * 0.02))
    page = PageImage(0, b"", "\n".join(rows), tuple(words), 595, 842, (0, 0, 896, 896))
    extraction = Extraction.model_validate(
        {"lab_results": [{"test": "Kalium", "value": shape.format(value), "unit": "mmol/l"}]}
    )
    (item,) = validate_page(extraction, page, page_index=0).items
    assert item.verification is Verification.UNVERIFIED
    assert not item.field_verification["value"]
