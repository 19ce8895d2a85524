"""The patient's language for everything Qt-free (core, services, command line, exports).

English, German and French. gettext catalogues compiled by Babel (``resources/i18n/<lang>/*.po`` →
``.mo``, shipped as package data) hold the words; Babel's CLDR data formats numbers and dates the
way a patient in Germany, Switzerland or France reads them. The desktop app uses Qt's own
translation system for its widgets (``coheara.gui.i18n``) and sets the same language here, so a
sentence that comes from a service reads in the language of the window around it.

Marking: ``_("…")`` translates now; ``N_("…")`` marks a module-level constant, translated where it is
shown with ``_(CONSTANT)``; ``ngettext(singular, plural, n)`` for counted words (``N_plural`` marks
both forms of one translated later). Placeholders are ``{named}`` and filled with ``.format`` after
translation, so translators may move them.

Stored values stay canonical (ISO dates, "." decimals): only what is shown to a person changes.
"""

from __future__ import annotations

import gettext
import locale as _locale
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib.resources import files

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LANGUAGES = ("en", "de", "fr")
DEFAULT = "en"
# gettext domains, one per part of the program, so that each catalogue stays small and its own.
DOMAINS = ("core", "cli", "export")
# How a date is written for a person (CLDR patterns). German and French use their everyday numeric
# forms (14.03.2025, 14/03/2025); English keeps the unambiguous "14 Mar 2025".
DATE_PATTERNS = {"en": "d MMM y", "de": "dd.MM.y", "fr": "dd/MM/y"}
# The variables POSIX and GNU gettext read, in their order of precedence.
ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language = DEFAULT
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def language_from(env: Mapping[str, str], system: str | None = None) -> str:
    """The language the environment asks for, or ``system``'s (e.g. Qt's on macOS and Windows).

    ``LANGUAGE`` is a list ("fr:de"): the first we have wins. Otherwise the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set decides alone, as in POSIX: ``LANG=de_DE.UTF-8`` gives German,
    ``LC_ALL=C`` gives English even if ``LANG`` says German.
    """
    for part in env.get("LANGUAGE", "").split(":"):
        if (code := _code(part)) in LANGUAGES:
            return code
    for name in ENV_VARIABLES[1:]:
        value = env.get(name, "")
        if value:
            code = _code(value)
            return code if code in LANGUAGES else DEFAULT
    code = _code(system or "")
    return code if code in LANGUAGES else DEFAULT


def system_language() -> str | None:
    """The operating system's own choice where the environment says nothing (macOS, Windows)."""
    try:
        name = _locale.getlocale(_locale.LC_MESSAGES if hasattr(_locale, "LC_MESSAGES") else _locale.LC_CTYPE)[0]
    except ValueError:
        return None
    return name


def _code(value: str) -> str:
    """``de_CH.UTF-8@euro`` → ``de``; ``C``/``POSIX`` → ``c``."""
    return re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()


def choose(setting: str | None, env: Mapping[str, str], system: str | None = None) -> str:
    """The patient's explicit choice (setting or ``--language``) first, then the system's."""
    if setting in LANGUAGES:
        return str(setting)
    return language_from(env, system)


def set_language(code: str) -> None:
    """Use ``code`` for every later ``_()`` and format; an unknown code means English."""
    global _language, _catalogue
    _language = code if code in LANGUAGES else DEFAULT
    _catalogue = _load(_language)


def current() -> str:
    return _language


def _load(code: str) -> gettext.NullTranslations:
    chain: gettext.NullTranslations = gettext.NullTranslations()
    if code == DEFAULT:
        return chain
    folder = files("coheara._resources").joinpath("i18n", code)
    first: gettext.NullTranslations | None = None
    for domain in DOMAINS:
        compiled = folder.joinpath(f"{domain}.mo")
        if not compiled.is_file():
            continue
        with compiled.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)
        if first is None:
            first = catalogue
        else:
            first.add_fallback(catalogue)
    return first or chain


def _(message: str) -> str:
    return _catalogue.gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue; translate it with ``_()`` where it is shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a counted sentence for the catalogue (both forms); shown with ``ngettext(*forms, count)``."""
    return singular, plural


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalogue.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """For a word that translates differently by where it stands (a column, a badge)."""
    return _catalogue.pgettext(context, message)


def sort_key(text: str) -> tuple[str, str]:
    """How a list a person reads is ordered in every language: case and accents ignored, so
    "Hämoglobin" sorts with H (as in a German dictionary), "Éosinophiles" with E, "Œstradiol" as "oe"."""
    folded = text.casefold().replace("œ", "oe").replace("æ", "ae")
    plain = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return plain, folded


# -- numbers and dates -----------------------------------------------------------------------------


def babel_locale(code: str | None = None) -> Locale:
    # English as "en": its "Sep" is what the app showed before (en_GB writes "Sept").
    return Locale.parse({"en": "en", "de": "de_DE", "fr": "fr_FR"}[code or _language])


def number(value: float | int | Decimal, max_digits: int = 6, *, language: str | None = None) -> str:
    """``13.5`` → "13.5", "13,5" (German and French); no grouping, so "1500" stays as labs print it.

    ``language`` formats for another language than the current one (a finding's English ``message``).
    """
    return format_decimal(value, format=f"0.{'#' * max_digits}" if max_digits else "0",
                          locale=babel_locale(language), group_separator=False)


def parse_number(text: str) -> float | None:
    """What the patient typed, read in their locale ("13,5" in German); None when it is not a number."""
    try:
        return float(parse_decimal(text.strip(), locale=babel_locale(), strict=True))
    except (NumberFormatError, InvalidOperation, ValueError):
        return None


def show_date(value: date | str | None, *, language: str | None = None) -> str:
    """A date for a person: 14 Mar 2025, 14.03.2025, 14/03/2025. Text that is not an ISO date is kept."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    code = language or _language
    return _babel_date(day, DATE_PATTERNS[code], locale=babel_locale(code))
