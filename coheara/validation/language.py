"""The document language: normalizing what the model or the user said, and guessing from the page text.

The guess counts frequent function words and report vocabulary of German, French and English; it
answers only with a clear winner, otherwise None (dates then stay ambiguous rather than wrong).
"""

from __future__ import annotations

import re

from coheara.validation.textfold import fold

_NAMES = {
    "de": ("de", "deu", "ger", "german", "deutsch", "allemand", "aleman"),
    "fr": ("fr", "fra", "fre", "french", "francais", "franzosisch", "franzoesisch"),
    "en": ("en", "eng", "english", "englisch", "anglais"),
    "it": ("it", "ita", "italian", "italiano", "italienisch", "italien"),
    "es": ("es", "spa", "spanish", "espanol", "spanisch", "espagnol"),
    "nl": ("nl", "nld", "dut", "dutch", "nederlands", "niederlandisch"),
    "pt": ("pt", "por", "portuguese", "portugues"),
}
_CODE_BY_NAME = {name: code for code, names in _NAMES.items() for name in names}
_REGION_WORDS = {
    "us": "us",
    "usa": "us",
    "american": "us",
    "uk": "gb",
    "british": "gb",
    "swiss": "ch",
    "schweiz": "ch",
    "suisse": "ch",
}
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_ ]([a-z]{2}))?$")

_VOCABULARY = {
    "de": "der die das und mit fur bei nicht ist von den des dem ein eine im zur zum auf nach "
    "datum befund arzt geburtsdatum tabletten taglich blut erhoht erniedrigt normbereich "
    "referenzbereich einheit untersuchung ergebnis morgens abends patientin rezept",
    "fr": "le la les des du et pour avec une est pas au aux dans sur par "
    "resultat resultats naissance comprime comprimes ordonnance jour valeurs normales medecin "
    "analyse analyses unite fois matin soir patiente docteur",
    "en": "the and of for with is to not by on at from this that "
    "result results birth tablet tablets daily reference range test tests units physician "
    "patient morning evening report normal",
}
_WORD_SETS = {code: frozenset(words.split()) for code, words in _VOCABULARY.items()}
_WORD = re.compile(r"[a-z]+")


def normalize_language(text: str | None) -> str | None:
    """ "Deutsch", "de_CH", "FR", "English (US)" → "de", "de-ch", "fr", "en-us"; None when unknown."""
    if not text or not isinstance(text, str):
        return None
    folded = fold(text).strip().strip(".")
    words = re.findall(r"[a-z]+", folded)
    if not words:
        return None
    match = _TAG.match(folded.replace("(", "").replace(")", "").strip())
    if match and match.group(1) in _CODE_BY_NAME:
        tag_code = _CODE_BY_NAME[match.group(1)]
        return f"{tag_code}-{match.group(2)}" if match.group(2) else tag_code
    code = next((_CODE_BY_NAME[w] for w in words if w in _CODE_BY_NAME and len(w) > 3), None)
    if code is None:
        return None
    region = next((_REGION_WORDS[w] for w in words if w in _REGION_WORDS), None)
    return f"{code}-{region}" if region else code


def detect_language(text: str) -> str | None:
    """ "de", "fr" or "en" when the page text clearly reads as one of them, else None."""
    if not text:
        return None
    scores = dict.fromkeys(_WORD_SETS, 0)
    for word in _WORD.findall(fold(text[:20000])):
        for code, vocabulary in _WORD_SETS.items():
            if word in vocabulary:
                scores[code] += 1
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 3 and top >= 2 * second:
        return best
    return None
