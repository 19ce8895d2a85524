"""Medication doses: Swiss/German schemes ("1-0-1", "1-0-0.5-0", "½-0-½"), frequencies in three
languages ("2x täglich", "3 fois par jour", "twice daily", "bid"), strengths ("100 mg") and routes.

A scheme gives the amount at each time of day (morning, noon, evening, night) and their sum per day.
A frequency gives the number of intakes per day (or per week), or says "as needed". Amounts are in
the units the document counts in (tablets, drops, puffs): the unit stays as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from coheara.validation.numbers import ParsedNumber, parse_number
from coheara.validation.textfold import fold, plain
from coheara.validation.units import normalize_unit

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
_AMOUNT = r"(?:\d{1,3}(?:[.,]\d{1,2})?\s*(?:½|¼|¾)?|½|¼|¾|⅓|⅔|1/2|1/4|3/4)"
_SCHEME = re.compile(
    rf"^\s*({_AMOUNT})\s*[-–—]\s*({_AMOUNT})\s*[-–—]\s*({_AMOUNT})(?:\s*[-–—]\s*({_AMOUNT}))?(?![\d/])\s*(.*)$"
)
_SLOTS = ("morning", "noon", "evening", "night")
# fmt: off
_COUNT_WORDS = {
    "einmal": 1, "zweimal": 2, "dreimal": 3, "viermal": 4, "funfmal": 5, "once": 1, "twice": 2, "thrice": 3,
    "une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
}
# fmt: on
_DAY = (
    r"(?:taglich|tgl\.?|pro\s+tag|am\s+tag|/\s*tag|/\s*d\b|/\s*j\b|/\s*jour|/\s*24\s*h|daily|a\s+day|per\s+day"
    r"|par\s+jour|pro\s+die|p\.?\s*d\.?|x\s*/\s*d|times\s+daily)"
)
_WEEK = r"(?:wochentlich|pro\s+woche|/\s*woche|weekly|a\s+week|per\s+week|par\s+semaine|/\s*sem(?:aine)?)"
_N_TIMES = r"(\d{1,2}|" + "|".join(_COUNT_WORDS) + r")\s*(?:x|×|mal|fois|times)?\s*"
_PER_DAY = re.compile(_N_TIMES + _DAY)
_PER_WEEK = re.compile(_N_TIMES + _WEEK)
_EVERY_HOURS = re.compile(r"(?:alle|every|toutes\s+les|q)\s*(\d{1,2})\s*(?:h|std|stunden|hours?|heures?)\b")
_ABBREVIATIONS = {"qd": 1, "od": 1, "bid": 2, "bd": 2, "tid": 3, "tds": 3, "qid": 4, "qds": 4, "qhs": 1, "hs": 1}
_AS_NEEDED = re.compile(
    r"bei\s+bedarf|\bb\.?\s*bed\b|\bprn\b|\bp\.r\.n\b|as\s+needed|if\s+needed|si\s+besoin|en\s+cas\s+de\s+besoin|au\s+besoin|\breserve\b|\bbb\b"
)
_TIME_WORDS = {
    "morning": ("morgens", "fruh", "le matin", "matin", "in the morning", "mane"),
    "noon": ("mittags", "midi", "at noon", "a midi", "noon"),
    "evening": ("abends", "le soir", "soir", "in the evening", "vespere"),
    "night": ("nachts", "zur nacht", "au coucher", "at bedtime", "bedtime", "la nuit", "nocte"),
}
_ROUTES = {
    "oral": ("p.o", "po", "oral", "per os", "peroral", "zum einnehmen", "voie orale", "by mouth", "schlucken"),
    "rectal": ("rektal", "rectal", "voie rectale", "supp", "per rectum"),
    "intravenous": ("i.v", "iv", "intravenos", "intravenous", "intraveineuse"),
    "subcutaneous": ("s.c", "sc", "s.c.", "subkutan", "subcutaneous", "sous-cutanee"),
    "intramuscular": ("i.m", "im", "intramuskular", "intramuscular", "intramusculaire"),
    "topical": ("topisch", "topical", "lokal", "auf die haut", "cutane", "cutanee", "ausserlich", "dermal"),
    "inhalation": ("inhalativ", "inhalation", "inhaled", "inhaler"),
    "sublingual": ("sublingual", "s.l"),
    "ophthalmic": ("augentropfen", "ins auge", "ophthalmic", "collyre"),
    "nasal": ("nasal", "in die nase", "intranasal"),
}
_ROUTE_BY_TEXT = {spelling: route for route, spellings in _ROUTES.items() for spelling in spellings}


@dataclass(frozen=True, slots=True)
class DoseSchedule:
    """How much, how often. Any part can be None when the printed text did not say it."""

    morning: float | None = None
    noon: float | None = None
    evening: float | None = None
    night: float | None = None
    per_day: float | None = None
    per_week: float | None = None
    as_needed: bool = False
    unit: str | None = None

    def as_dict(self) -> dict[str, float | bool | str | None]:
        return {slot: getattr(self, slot) for slot in (*_SLOTS, "per_day", "per_week", "as_needed", "unit")}


def _amount(text: str) -> float:
    text = text.strip()
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    whole = re.match(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*([½¼¾])?$", text)
    if whole is None:
        raise ValueError(text)
    value = float(whole.group(1).replace(",", "."))
    return value + (_FRACTIONS[whole.group(2)] if whole.group(2) else 0.0)


def parse_scheme(text: str | None) -> DoseSchedule | None:
    """A time-of-day scheme: "1-0-1" → 1 morning, 1 evening, 2 per day; None when not a scheme.

    Whatever follows the scheme ("Tabl.", "Hub", "Tropfen") is kept as ``unit``."""
    if not text or not isinstance(text, str) or len(text) > 80:
        return None
    match = _SCHEME.match(plain(text))
    if match is None:
        return None
    morning, noon, evening = (_amount(match.group(i)) for i in (1, 2, 3))
    # A three-part scheme (1-0-1) says nothing is taken at night.
    night = _amount(match.group(4)) if match.group(4) is not None else 0.0
    rest = match.group(5).strip() or None
    return DoseSchedule(morning, noon, evening, night, per_day=morning + noon + evening + night, unit=rest)


def parse_frequency(text: str | None) -> DoseSchedule | None:
    """Intakes per day or week, "as needed", or time-of-day words; None when nothing is recognized."""
    if not text or not isinstance(text, str) or len(text) > 200:
        return None
    scheme = parse_scheme(text)
    if scheme is not None:
        return scheme
    folded = fold(text)
    as_needed = bool(_AS_NEEDED.search(folded))
    per_day = per_week = None
    if match := _PER_DAY.search(folded):
        per_day = float(_count(match.group(1)))
    elif match := _PER_WEEK.search(folded):
        per_week = float(_count(match.group(1)))
    elif match := _EVERY_HOURS.search(folded):
        hours = int(match.group(1))
        per_day = 24 / hours if 0 < hours <= 24 else None
    else:
        squeezed = re.sub(r"[\s.]", "", folded)
        if squeezed in _ABBREVIATIONS:
            per_day = float(_ABBREVIATIONS[squeezed])
        elif re.search(r"\b(?:taglich|daily|tous les jours|chaque jour)\b", folded):
            per_day = 1.0
    slots = {
        slot: 1.0 for slot, spellings in _TIME_WORDS.items() if any(re.search(rf"\b{s}\b", folded) for s in spellings)
    }
    if slots and per_day is None:
        per_day = float(len(slots))
    if per_day is None and per_week is None and not as_needed:
        return None
    return DoseSchedule(
        morning=slots.get("morning"),
        noon=slots.get("noon"),
        evening=slots.get("evening"),
        night=slots.get("night"),
        per_day=per_day,
        per_week=per_week,
        as_needed=as_needed,
    )


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNT_WORDS[text]


def parse_strength(text: str | None, language: str | None = None, decimal: str | None = None) -> ParsedNumber | None:
    """ "100 mg" → 100.0 with ``rest`` "mg" (canonical); None for combinations ("5 mg + 12,5 mg") or
    unknown units. ``ambiguous`` as in ``numbers.parse_number`` ("1.000 mg")."""
    if not text or not isinstance(text, str) or len(text) > 60:
        return None
    number = parse_number(text, language, decimal)
    if number is None or number.value is None or number.comparator or number.exponent is not None:
        return None
    unit = normalize_unit(number.rest)
    if unit is None:
        return None
    return replace(number, rest=unit.code)


def normalize_route(text: str | None) -> str | None:
    """A route of administration in plain English ("p.o." → "oral"), None when not recognized."""
    if not text or not isinstance(text, str) or len(text) > 60:
        return None
    folded = fold(text).strip().rstrip(".")
    return _ROUTE_BY_TEXT.get(folded)
