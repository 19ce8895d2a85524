"""The notice every view and every export carries, and the HAI-DEF terms we pass on.

Coheara reads documents with MedGemma, a Model Derivative under Google's Health AI Developer
Foundations (HAI-DEF) Terms of Use. Those terms oblige us to pass their use restrictions on and to
make clear that the output is not clinically validated. ``SHORT_NOTICE`` is the one sentence shown on
every view; ``export_notice()`` is the longer text that heads every export for a doctor;
``full_terms()`` is the terms text with attribution and link, shown from the About dialog.

The texts live in ``resources/`` (package data ``coheara._resources``) so they ship in a wheel and a
frozen build; ``NOTICE_VERSION`` changes whenever any of them changes, so a stored "seen" mark can ask
again.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from coheara.i18n import N_, _, current

NOTICE_VERSION = "2026.1"

# In English here; ``short_notice()`` gives it in the patient's language.
SHORT_NOTICE = N_(
    "Extracted by an AI model that can be wrong. Not a medical device and not medical advice"
    " — check every value with your clinician."
)

HAI_DEF_TERMS_URL = "https://developers.google.com/health-ai-developer-foundations/terms"


@cache
def _resource(name: str, language: str = "en") -> str:
    """``name`` in ``language`` (resources/i18n/<language>/), or the English original."""
    root = files("coheara._resources")
    translated = root.joinpath("i18n", language, name)
    return (translated if language != "en" and translated.is_file() else root.joinpath(name)).read_text(
        encoding="utf-8")


def short_notice() -> str:
    """The one sentence on every view and every export page, in the patient's language."""
    return _(SHORT_NOTICE)


def export_notice() -> str:
    """The paragraph (Markdown, no heading) that opens every export for the doctor."""
    return _resource("hai_def_notice.md", current()).strip()


def terms_summary() -> str:
    """What the HAI-DEF terms mean for a patient, in plain words (Markdown); the full text stays binding."""
    return _resource("hai_def_summary.md", current())


def full_terms() -> str:
    """The HAI-DEF Terms of Use as passed on by the model card, with attribution and link (Markdown).

    Always the English original: it is the binding text (the translated summaries say so)."""
    return _resource("hai_def_terms.md")
