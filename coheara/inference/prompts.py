"""The words Coheara sends to the model: one system text for every request, and the questions.

Every request for a page is ``[system, user{image, question}]`` with the same system text and the
page image first in the user turn, so the prompt up to and including the image is identical for
all strategies and retries: Ollama's prompt cache then encodes the image once per page (15–60 s on a
processor) and only the question differs. Change a text → bump ``PROMPT_VERSION`` (stored with
every attempt).
"""

from __future__ import annotations

from typing import Any

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.schemas.extraction import PROMPT_VERSION, schema_text

__all__ = ["DOMAIN_WORDS", "PROMPT_VERSION", "SYSTEM_TEXT", "messages"]

SYSTEM_TEXT = (
    "You read one page of a patient's medical document from its image. Copy text exactly as it is "
    "printed: keep the original language, spelling, decimal commas, units and date formats. Never "
    "guess, translate, convert or add anything that is not printed on the page. Leave out what is "
    "not printed. Answer only with what is asked, without explanations."
)

# (plural, singular) as the questions say them.
DOMAIN_WORDS: dict[Domain, tuple[str, str]] = {
    Domain.MEDICATIONS: ("medications", "medication"),
    Domain.LAB_RESULTS: ("lab results", "lab test"),
    Domain.DIAGNOSES: ("diagnoses", "diagnosis"),
    Domain.ALLERGIES: ("allergies", "allergy"),
    Domain.PROCEDURES: ("procedures", "procedure"),
    Domain.REFERRALS: ("referrals", "referral"),
    Domain.INSTRUCTIONS: ("instructions for the patient", "instruction"),
}
DOCUMENT_FIELDS = ("type", "date", "language", "issuer")
_DOCUMENT_HINTS = {
    "type": " (one of lab_report, prescription, letter, radiology, other)",
    "date": "",
    "language": " (a two-letter code)",
    "issuer": " (the laboratory, practice or hospital)",
}
_EXACT = "Answer with the text exactly as printed and nothing else, or none if it is not printed."


def messages(png: bytes, question: str) -> list[dict[str, Any]]:
    """The chat for one request: the shared system text, then the page image before the question."""
    return [
        {"role": "system", "content": SYSTEM_TEXT},
        {"role": "user", "content": question, "images": [png]},
    ]


def all_at_once() -> str:
    """Strategy A. The schema also goes in ``format``; Ollama's docs advise sending it in both."""
    return (
        "Read the whole page and fill this JSON schema with what is printed on it:\n"
        f"{schema_text()}\n"
        "document.type is one of lab_report, prescription, letter, radiology, other; document.language "
        "is a two-letter code. One entry per printed row or item. Copy every value exactly as printed "
        "and leave out what is not printed. Answer with the JSON object only."
    )


def _form(fields: tuple[str, ...]) -> str:
    return " | ".join(f"{f}: …" for f in fields)


def document_line() -> str:
    """Strategy B, first request: the document's type, date, language and issuer on one line."""
    return (
        "Describe this document in one line, exactly in this form:\n"
        f"{_form(DOCUMENT_FIELDS)}\n"
        "type is one of lab_report, prescription, letter, radiology, other; language is a two-letter "
        "code; copy the date and the issuer exactly as printed."
    )


def domain_list(domain: Domain) -> str:
    """Strategy B: one domain as a short list, one item per line."""
    plural = DOMAIN_WORDS[domain][0]
    return (
        f"List every one of the {plural} printed on this page, one per line, exactly in this form:\n"
        f"- {_form(DOMAIN_FIELDS[domain])}\n"
        "Copy values exactly as printed and leave out a field that is not printed. "
        "If there is none on this page, answer: None"
    )


def item_names(domain: Domain) -> str:
    """Strategy C, step 1: the names of a domain's items as a numbered list."""
    plural, singular = DOMAIN_WORDS[domain]
    return (
        f"Name each of the {plural} printed on this page as a numbered list, one per line, each "
        f"{singular} exactly as printed. If there is none, answer: None"
    )


def item_field(domain: Domain, number: int, name: str, field: str) -> str:
    """Strategy C, step 2: one field of one item (``number`` counts from 1 in the list of names)."""
    plural = DOMAIN_WORDS[domain][0]
    return (
        f'Item {number} of the {plural} on this page is "{name}". '
        f"What is its {field.replace('_', ' ')}? {_EXACT}"
    )


def document_field(field: str) -> str:
    """Strategy C: one field of the document's header."""
    return f"What is this document's {field}{_DOCUMENT_HINTS[field]}? {_EXACT}"


# -- continuations: a page longer than one answer may be -------------------------------------------
# Same system text and image first, so the engine's cache still holds the image: only these words
# differ. The last row kept is quoted because the model finds its place by text, not by counting.


def all_at_once_continued(domain: Domain, count: int, last: str, later: list[str]) -> str:
    """Strategy A after a cut answer: the same schema, only what comes after the last row kept."""
    plural = DOMAIN_WORDS[domain][0]
    then = f", then all of the {', '.join(later)}" if later else ""
    return (
        "Read the whole page and fill this JSON schema with what is printed on it:\n"
        f"{schema_text()}\n"
        f"The answer so far was cut off after {plural} number {count}: \"{last}\". Continue from there: "
        f"give only the {plural} printed after that one{then}. Leave out the document and everything "
        "before it. One entry per printed row or item; copy every value exactly as printed. Answer "
        "with the JSON object only."
    )


def domain_list_continued(domain: Domain, count: int, last: str) -> str:
    """Strategy B after a cut list: the rest of the list, after the last line kept."""
    plural = DOMAIN_WORDS[domain][0]
    return (
        f"List every one of the {plural} printed on this page that comes after number {count}: "
        f"\"{last}\". One per line, exactly in this form:\n"
        f"- {_form(DOMAIN_FIELDS[domain])}\n"
        "Copy values exactly as printed and leave out a field that is not printed. "
        "If there is no more, answer: None"
    )


def item_names_continued(domain: Domain, count: int, last: str) -> str:
    """Strategy C after a cut list of names: the names after the last one kept."""
    plural, singular = DOMAIN_WORDS[domain]
    return (
        f"Name each of the {plural} printed on this page that comes after number {count}: \"{last}\", "
        f"as a numbered list starting at {count + 1}, one per line, each {singular} exactly as printed. "
        "If there is no more, answer: None"
    )
