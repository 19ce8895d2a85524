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

from coheara.domain.provenance import AttemptRecord
from coheara.errors import UnusableOutputError

# outcome -> (what happened, as the end of "… because …"), for one attempt or a page.
CAUSES: dict[str, str] = {
    "loop": "the AI model kept repeating itself",
    "cut": "the AI model's answer was cut off before the end",
    "unusable": "the AI model's answer was not in the expected form",
    "empty": "the AI model found nothing, though the page's text seems to hold values",
    "error": "the local AI engine failed while reading",
    "cancelled": "reading was cancelled",
    "ok": "read",
}
HINTS: dict[str, str] = {
    "loop": "The document stays queued. Try again later, or with a larger model variant (q8); "
    "if it keeps happening, enter the values yourself.",
    "cut": "The page holds more than the AI model could write. The document stays queued; "
    "try again, or enter the values yourself.",
    "unusable": "The document stays queued. Try again later, or with another model variant; "
    "if it keeps happening, enter the values yourself.",
    "empty": "Check the page and enter its values yourself, or read it again.",
    "error": "The document stays queued. Restart Ollama (or update it), then try again.",
}
FAILURES = ("loop", "cut", "unusable", "empty", "error")


def attempt_reason(outcome: str, stop_reason: str) -> str:
    """One attempt's reason as a sentence ("The AI model kept repeating itself (loop:line).")."""
    cause = CAUSES.get(outcome, outcome)
    detail = f" ({stop_reason})" if stop_reason and outcome != "ok" else ""
    return f"{cause[:1].upper()}{cause[1:]}{detail}."


def page_failure(attempts: Sequence[AttemptRecord], page_number: int) -> UnusableOutputError:
    """The error that ends a page after every attempt failed: its causes, and the main one's remedy."""
    counts = Counter(a.outcome for a in attempts if a.outcome in FAILURES)
    if not counts:
        return UnusableOutputError(
            f"The AI model could not read page {page_number}.", HINTS["unusable"]
        )
    ranked = sorted(counts, key=lambda o: (-counts[o], FAILURES.index(o)))
    tries = len(attempts)
    parts = [
        CAUSES[o] + ("" if len(ranked) == 1 else f" ({counts[o]} of {tries} tries)") for o in ranked
    ]
    when = f" in {tries} tries" if len(ranked) == 1 and tries > 1 else ""
    message = f"Page {page_number} could not be read: {'; '.join(parts)}{when}."
    return UnusableOutputError(message, HINTS[ranked[0]])
