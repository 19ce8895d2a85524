"""How a medication line reads: the drug it names, whether it says the drug was stopped, its dose shown.

Used by the reconciliation (``domain.medications``) and the exports, so every view compares and shows a
line the same way. Folding is for comparison only; the text shown stays as printed.

Stopping: the extraction contract (DESIGN.md §2) has no status field, and adding one would change the
schema sent to the model for every page. A document that stops a drug prints it in the drug's own row
("abgesetzt", "stopped", "arrêté", …), and the model copies that row as printed into ``dose``,
``frequency``, ``duration`` or ``instructions`` (or leaves it in the name: "Aspirin (abgesetzt)"). So a
line says "stopped" when one of its fields carries such a past participle. Deliberately not counted:
instructions about the future or a condition ("stop after 7 days", "bei Ausschlag absetzen",
"to be stopped if …"), a negation ("nicht abgesetzt", "not stopped"), another drug's stop in this drug's
row ("statt Simvastatin (abgesetzt)") and a pause ("pausiert"): a drug wrongly kept on the list is seen
and asked about, a drug wrongly dropped is not. A patient whose document says it another way writes
"stopped" into the line's instructions in review.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from coheara.domain.items import ExtractedItem

SCHEDULE_SLOTS = ("morning", "noon", "evening", "night")

# Past participles and status words only, accents folded (de, en, fr, it, es, nl, pt).
STOP_WORDS = frozenset({
    "abgesetzt", "gestoppt", "abgebrochen",
    "stopped", "discontinued", "ceased",
    "arrete", "arretee", "arretes", "arretees", "interrompu", "interrompue",
    "sospeso", "sospesa", "interrotto", "interrotta",
    "suspendido", "suspendida", "suspenso", "suspensa",
    "gestopt",
})
_NEGATIONS = frozenset({"not", "never", "nicht", "nie", "kein", "keine", "pas", "non", "no", "niet", "nao"})
# A condition ("if", "falls") makes it an instruction; a substitution ("statt Simvastatin (abgesetzt)",
# printed in atorvastatin's row) speaks of another drug.
_NOT_A_STOP = frozenset({"if", "unless", "falls", "wenn", "sofern", "si", "indien", "caso", "qualora",
                         "statt", "anstatt", "anstelle", "instead", "replaces", "remplace", "lieu"})
_WORD = re.compile(r"[a-z0-9]+")
_FIELDS = ("name", "strength", "dose", "frequency", "route", "duration", "instructions")


def fold(value: str) -> str:
    """Lower case without accents (comparison only)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")


def says_stopped(text: str | None) -> bool:
    """Whether one printed field says the drug was stopped (see the module docstring for what counts)."""
    words = _WORD.findall(fold(text or ""))
    if not any(w in STOP_WORDS for w in words) or any(w in _NOT_A_STOP for w in words):
        return False
    for index, word in enumerate(words):
        if word in STOP_WORDS and not _NEGATIONS.intersection(words[max(0, index - 3):index]):
            return True
    return False


def stop_text(item: ExtractedItem) -> str:
    """The field of a medication line (as printed, or as the patient corrected it) that says the drug was
    stopped, e.g. "abgesetzt"; '' when none does."""
    return next((" ".join((item.fields.get(name) or "").split()) for name in _FIELDS
                 if says_stopped(item.fields.get(name))), "")


def drug_key(name: str) -> str:
    """The drug a name stands for, for grouping: case, accents, spacing and punctuation evened out, and
    a stop word left in the name dropped ("Aspirin (abgesetzt)" is aspirin). Nothing else is merged:
    "Metformin" and "Metformin Mepha" stay two drugs, as a brand and its generic may differ."""
    words = [w for w in _WORD.findall(fold(name)) if w not in STOP_WORDS]
    return " ".join(words)


def same_text(value: str) -> str:
    """A cell for comparing rows: "500 mg" and "500mg", "1-0-1" and "1 - 0 - 1" are the same."""
    return "".join(fold(value).split()).rstrip(".")


def shown(value: Any) -> str:
    """A printed or normalized value as text: numbers without float noise (12, not 12.0), '' for none."""
    if value is None:
        return ""
    if isinstance(value, float):
        rounded = float(f"{value:.12g}")
        return str(int(rounded)) if rounded.is_integer() and abs(rounded) < 1e15 else repr(rounded)
    return str(value).strip()


def schedule_text(item: ExtractedItem) -> str:
    """'1-0-1-0' (morning-noon-evening-night) from a normalized schedule; '' when there is none."""
    schedule = item.normalized.get("schedule")
    if isinstance(schedule, dict) and any(schedule.get(s) not in (None, "", 0) for s in SCHEDULE_SLOTS):
        return "-".join(shown(schedule.get(s)) or "0" for s in SCHEDULE_SLOTS)
    return ""


def dose_text(item: ExtractedItem) -> str:
    """The schedule when there is one, else the dose as printed."""
    return schedule_text(item) or shown(item.normalized.get("dose_text") or item.fields.get("dose"))
