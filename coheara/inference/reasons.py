"""Why a page could not be read, in words a patient and a maintainer can act on.

Each attempt ends with an ``outcome`` (AttemptRecord's vocabulary); five of them are failures with
different causes and different remedies, so they get different sentences:

* ``loop``: the model kept repeating itself (stopped by the loop guard or by Ollama's own);
* ``cut``: the answer was cut off (the page needed more than the model may write, even in parts);
* ``unusable``: the answer was not in the expected form (prose, broken JSON);
* ``empty``: the model found nothing, though the page's text seems to hold values;
* ``error``: the engine failed (an error mid-answer, a dropped connection).

``page_failure`` builds the error that ends a page from its attempts: the sentence names the causes
seen (most frequent first), the hint the remedy for the main one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from coheara.domain.provenance import AttemptRecord
from coheara.domain.wording import counted, joined, sentence, words
from coheara.errors import UnusableOutputError
from coheara.i18n import N_, N_plural, _

# outcome -> (what happened, as the end of "… because …"), for one attempt or a page. In English;
# translated with _() where they are used.
CAUSES: dict[str, str] = {
    "loop": N_("the AI model kept repeating itself"),
    "cut": N_("the AI model's answer was cut off before the end"),
    "unusable": N_("the AI model's answer was not in the expected form"),
    "empty": N_("the AI model found nothing, though the page's text seems to hold values"),
    "error": N_("the local AI engine failed while reading"),
    "cancelled": N_("reading was cancelled"),
    "ok": N_("read"),
}
HINTS: dict[str, str] = {
    "loop": N_("The document stays queued. Try again later, or with a larger model variant (q8); "
               "if it keeps happening, enter the values yourself."),
    "cut": N_("The page holds more than the AI model could write. The document stays queued; "
              "try again, or enter the values yourself."),
    "unusable": N_("The document stays queued. Try again later, or with another model variant; "
                   "if it keeps happening, enter the values yourself."),
    "empty": N_("Check the page and enter its values yourself, or read it again."),
    "error": N_("The document stays queued. Restart Ollama (or update it), then try again."),
}
FAILURES = ("loop", "cut", "unusable", "empty", "error")
UNUSABLE = "unusable"


def attempt_reason(outcome: str, stop_reason: str) -> str:
    """One attempt's reason as a sentence ("The AI model kept repeating itself (loop:line).")."""
    cause = _(CAUSES[outcome]) if outcome in CAUSES else outcome
    detail = f" ({stop_reason})" if stop_reason and outcome != "ok" else ""
    return f"{cause[:1].upper()}{cause[1:]}{detail}."


def page_failure(attempts: Sequence[AttemptRecord], page_number: int) -> UnusableOutputError:
    """The error that ends a page after every attempt failed: its causes, and the main one's remedy.

    Its sentences keep their templates, so the reason stored with the document reads in the language
    it is shown in later.
    """
    counts = Counter(a.outcome for a in attempts if a.outcome in FAILURES)
    if not counts:
        return UnusableOutputError(
            sentence(N_("The AI model could not read page {page}."), {"page": page_number}), sentence(HINTS[UNUSABLE])
        )
    ranked = sorted(counts, key=lambda o: (-counts[o], FAILURES.index(o)))
    tries = len(attempts)
    if len(ranked) == 1:
        params: dict[str, Any] = {"page": page_number, "cause": words(CAUSES[ranked[0]]), "tries": tries}
        message = (sentence(_IN_TRIES, {**params, "n": tries}) if tries > 1
                   else sentence(N_("Page {page} could not be read: {cause}."), params))
    else:
        parts = [counted(_OF_TRIES, tries, {"cause": words(CAUSES[o]), "count": counts[o], "tries": tries})
                 for o in ranked]
        message = sentence(N_("Page {page} could not be read: {cause}."),
                           {"page": page_number, "cause": joined(parts, "; ")})
    return UnusableOutputError(message, sentence(HINTS[ranked[0]]))


_IN_TRIES = N_plural("Page {page} could not be read: {cause} in {tries} try.",
                     "Page {page} could not be read: {cause} in {tries} tries.")
_OF_TRIES = N_plural("{cause} ({count} of {tries} try)", "{cause} ({count} of {tries} tries)")
