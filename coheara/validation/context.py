"""What the normalizers need to know about the page: language, decimal separator, date order.

Built once per page by ``page_context`` from, in order of trust: the caller's language (the user's
setting or the document's), the model's ``document.language``, and a guess from the page text. The
decimal separator and the date order prefer the page's own evidence over the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from coheara.domain import Finding, PageImage, wording
from coheara.i18n import N_
from coheara.validation.checks import check_date
from coheara.validation.dates import DAY_FIRST, ParsedDate, date_order_for, page_date_order, parse_date
from coheara.validation.language import detect_language, normalize_language
from coheara.validation.numbers import decimal_separator_for, page_decimal_separator
from coheara.validation.textfold import fold


@dataclass(frozen=True, slots=True)
class PageContext:
    """The reading conventions of one page. ``decimal_from_page`` says the separator was counted."""

    language: str | None = None
    language_source: str | None = None
    decimal: str | None = None
    decimal_from_page: bool = False
    date_order: str | None = None
    electrophoresis: bool = False
    today: date = field(default_factory=date.today)

    @property
    def decimal_for_numbers(self) -> str | None:
        """The separator to read numbers with; None leaves the choice to ``parse_number``'s guess."""
        return self.decimal if self.decimal_from_page else None


def page_context(page: PageImage | None, language: str | None, model_language: str | None) -> PageContext:
    """The conventions for reading one page (see the module docstring)."""
    text = page.text if page is not None else ""
    source: str | None
    code, source = normalize_language(language), "given"
    if code is None:
        code, source = normalize_language(model_language), "model"
    if code is None:
        code, source = detect_language(text), "page"
    if code is None:
        source = None
    counted = page_decimal_separator(text) if text else None
    decimal = counted or decimal_separator_for(code)
    order = (page_date_order(text) if text else None) or date_order_for(code)
    return PageContext(code, source, decimal, counted is not None, order)


_ELECTROPHORESIS = re.compile(r"electrophores|elektrophores")
_FRACTION = re.compile(r"\b(?:alpha|α)[\s-]*([12])\b")


def looks_like_electrophoresis(text: str) -> bool:
    """A page of serum protein fractions: it says electrophoresis, or lists alpha-1 and alpha-2."""
    folded = fold(text[:20000])
    return bool(_ELECTROPHORESIS.search(folded)) or len(set(_FRACTION.findall(folded))) == 2


def read_date(text: str | None, field_name: str, ctx: PageContext) -> tuple[str | None, list[Finding]]:
    """An ISO date for a printed date field, with findings when it could not be read or is odd."""
    if not text or not text.strip():
        return None, []
    parsed: ParsedDate = parse_date(text, ctx.date_order)
    if parsed.ambiguous:
        return None, [
            Finding.of(
                "date_ambiguous",
                N_("'{text}' could be day/month or month/day; the page does not say which, so it was not read."),
                {"text": text.strip()},
                field_name,
            )
        ]
    if parsed.iso is None:
        return None, [
            Finding.of(
                "date_unreadable",
                N_("'{text}' was not recognized as a date; kept as printed."),
                {"text": text.strip()},
                field_name,
                "info",
            )
        ]
    findings = check_date(parsed.iso, field_name, ctx.today)
    if parsed.order_note:
        findings.append(
            Finding.of(
                "date_order",
                N_("'{text}' can only be read as day first; {date}.") if parsed.order_note == DAY_FIRST
                else N_("'{text}' can only be read as month first; {date}."),
                {"text": text.strip(), "date": wording.day(parsed.iso)},
                field_name,
                "info",
            )
        )
    return parsed.iso, findings
