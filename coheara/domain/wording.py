"""Sentences stored as their English template and what fills it, read in the language shown.

A finding or a failure reason is kept in the vault for years, and the patient may change the
language in between (or open an English vault in German). So what is stored is the catalogue's
msgid (``template``, marked with ``N_`` or ``N_plural`` where it is written) and its ``params``; the
sentence is made when it is shown, in the language of that moment. The English sentence is kept too
(``english``), for older versions of Coheara and for logs.

``params`` hold plain JSON: str, int and float go in as they are (values printed on a page stay as
printed). A dict is a word or phrase that is itself translated when shown:

* ``{"template": msgid, "params": {...}, "plural": msgid, "context": ctx}``: a nested sentence or word
  (only ``template`` is required; ``context`` for a word with two translations, as ``pgettext``);
* ``{"field": "reference_range"}``: a field's name ("Reference range"); with ``"quoted": "3,5 - 5,1"``
  the name and the printed value ('Reference range “3,5 - 5,1”');
* ``{"quoted": text}``: text in the language's quotation marks („…“, « … »);
* ``{"domain": "lab_results"}``: a domain inside a sentence ("lab results");
* ``{"date": "2025-03-14"}``: a date as read there (14 Mar 2025, 14.03.2025); other text as it is;
* ``{"number": "4.5", "digits": 12}``: a number with the language's decimal sign;
* ``{"join": [...], "sep": "; "}``: several of the above, one after the other;
* ``{"flag": "H"}``: a lab flag as a word ("high").

A counted sentence (``plural``) takes its form from ``params["n"]``, or else ``params["count"]``.

A text column of the vault (a document's failure reason) keeps its sentences with ``stored`` and
shows them with ``shown``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from coheara.i18n import N_, _, current, ngettext, number, pgettext, show_date

# Translators: quotation marks around a value as printed on the page, or a part of the model's answer
# („…“ in German, « … » in French).
QUOTED = N_("“{text}”")


def render(template: str, params: Mapping[str, Any], plural: str | None = None, *, english: bool = False) -> str:
    """``template`` translated (English: as it is) and filled with ``params`` made readable."""
    values = {key: _value(value, english) for key, value in params.items()}
    if plural is not None:
        count = int(params.get("n", params.get("count", 1)))
        text = (template if count == 1 else plural) if english else ngettext(template, plural, count)
    else:
        text = template if english else _(template)
    return text.format(**values)


def _value(value: Any, english: bool) -> Any:
    if not isinstance(value, Mapping):
        return value
    if "template" in value:
        template = str(value["template"])
        params: Mapping[str, Any] = value.get("params") or {}
        plural = value.get("plural")
        context = value.get("context")
        if context and plural is None:
            text = template if english else pgettext(str(context), template)
            return text.format(**{k: _value(v, english) for k, v in params.items()}) if params else text
        return render(template, params, plural, english=english) if params or plural else (
            template if english else _(template))
    if "field" in value:
        name = _field_name(str(value["field"]), english)
        return f"{name} {_quoted(value['quoted'], english)}" if "quoted" in value else name
    if "quoted" in value:
        return _quoted(value["quoted"], english)
    if "domain" in value:
        return _domain(str(value["domain"]), english)
    if "date" in value:
        return show_date(value["date"], language="en" if english else None)
    if "number" in value:
        raw = value["number"]
        amount = Decimal(raw) if isinstance(raw, str) else raw
        return number(amount, int(value.get("digits", 6)), language="en" if english else None)
    if "join" in value:
        return str(value.get("sep", " ")).join(str(_value(part, english)) for part in value["join"])
    if "flag" in value:
        return flag_word(str(value["flag"]), english)
    if "names" in value:
        names: Mapping[str, str] = value["names"]
        return names.get("en" if english else current()) or names.get("en", "")
    return str(value)


# A lab flag's code as its English word; ``flag_word`` gives it in the patient's language.
FLAG_WORDS = {"H": "high", "L": "low", "N": "normal", "A": "abnormal"}


def flag_word(flag: str, english: bool = False) -> str:
    """A computed or printed lab flag (H, L, N, A) as a word; any other flag as it is."""
    if english:
        return FLAG_WORDS.get(flag, flag)
    names = {"H": pgettext("lab flag", "high"), "L": pgettext("lab flag", "low"),
             "N": pgettext("lab flag", "normal"), "A": pgettext("lab flag", "abnormal")}
    return names.get(flag, flag)


def _quoted(text: Any, english: bool) -> str:
    return (QUOTED if english else _(QUOTED)).format(text=str(text or "").strip())


def _field_name(key: str, english: bool) -> str:
    from coheara.domain.items import field_name  # items imports this module

    # In English a field's name is its key in words ("reference_range" → "Reference range").
    return key.replace("_", " ").capitalize() if english else field_name(key)


def _domain(key: str, english: bool) -> str:
    from coheara.domain.items import _LABELS, Domain  # items imports this module

    try:
        domain = Domain(key)
    except ValueError:
        return key
    return _LABELS[domain][1] if english else domain.in_sentence


# -- parameters that are translated where they are shown ------------------------------------------


def words(template: str, params: Mapping[str, Any] | None = None, *, plural: str | None = None,
          context: str | None = None) -> dict[str, Any]:
    """A nested sentence or word (a msgid marked with ``N_``), translated where it is shown."""
    spec: dict[str, Any] = {"template": template}
    if params:
        spec["params"] = dict(params)
    if plural is not None:
        spec["plural"] = plural
    if context is not None:
        spec["context"] = context
    return spec


def counted(forms: tuple[str, str], n: int, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A nested counted sentence (``N_plural``): its form follows ``n`` (put the number in ``params`` too)."""
    return words(forms[0], {**(params or {}), "n": n}, plural=forms[1])


def quoted(text: str | None) -> dict[str, Any]:
    return {"quoted": (text or "").strip()}


def named(field_key: str, text: str | None = None) -> dict[str, Any]:
    """A field's name, with the value as printed when ``text`` is given ('Value “5,1”')."""
    return {"field": field_key} if text is None else {"field": field_key, "quoted": (text or "").strip()}


def in_sentence(domain: str) -> dict[str, Any]:
    return {"domain": domain}


def day(iso: str) -> dict[str, Any]:
    return {"date": iso}


def figure(value: float | str, digits: int = 6) -> dict[str, Any]:
    """A number shown as ``coheara.i18n.number(value, digits)`` would (a str is read as a Decimal)."""
    return {"number": value, "digits": digits}


def joined(parts: list[Any], sep: str) -> dict[str, Any]:
    return {"join": list(parts), "sep": sep}


def in_languages(names: Mapping[str, str]) -> dict[str, Any]:
    """A name we author in each language ({"en": "Hemoglobin", "de": "Hämoglobin", …}): the one of the
    language shown, else the English."""
    return {"names": dict(names)}


def flag(code: str) -> dict[str, Any]:
    """A lab flag (H, L, N, A) as a word: "high", „hoch“, « élevé »."""
    return {"flag": code}


@dataclass(frozen=True, slots=True)
class Wording:
    """One stored sentence: its template (a msgid), its plural msgid when counted, and its params."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None

    @property
    def text(self) -> str:
        """The sentence in the current language."""
        return render(self.template, self.params, self.plural)

    @property
    def english(self) -> str:
        return render(self.template, self.params, self.plural, english=True)

    def as_param(self) -> dict[str, Any]:
        """This sentence inside another one (``{message}``)."""
        return words(self.template, self.params, plural=self.plural)

    def as_json(self) -> dict[str, Any]:
        spec: dict[str, Any] = {"template": self.template, "params": dict(self.params)}
        if self.plural is not None:
            spec["plural"] = self.plural
        return spec

    @classmethod
    def from_json(cls, data: object) -> Wording | None:
        if not isinstance(data, Mapping) or not isinstance(data.get("template"), str):
            return None
        params = data.get("params")
        plural = data.get("plural")
        return cls(data["template"], dict(params) if isinstance(params, Mapping) else {},
                   plural if isinstance(plural, str) else None)


def sentence(template: str | tuple[str, str], params: Mapping[str, Any] | None = None) -> Wording:
    """A ``Wording`` from a msgid (``N_``) or both forms of a counted one (``N_plural``, with ``count``)."""
    if isinstance(template, tuple):
        return Wording(template[0], dict(params or {}), template[1])
    return Wording(template, dict(params or {}))


# A text column that holds sentences as wordings starts with this (a sentence stored before never does).
_STORED_PREFIX = '{"wording":'


def stored(*parts: Wording) -> str:
    """Sentences (a reason and its hint) as one text column keeps them; ``shown`` reads them back."""
    return json.dumps({"wording": [p.as_json() for p in parts], "english": " ".join(p.english for p in parts)},
                      ensure_ascii=False, separators=(",", ":"))


def shown(value: str | None) -> str | None:
    """A text column's sentences in the current language; a sentence stored before is shown as stored."""
    if not value or not value.startswith(_STORED_PREFIX):
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    english = str(data.get("english") or value) if isinstance(data, dict) else value
    raw = data.get("wording") if isinstance(data, dict) else None
    parts = [Wording.from_json(p) for p in raw] if isinstance(raw, list) else [None]
    try:
        return " ".join(p.text for p in parts if p is not None) if parts and None not in parts else english
    except (KeyError, IndexError, ValueError, TypeError):  # a translation that lost a placeholder
        return english


__all__ = [
    "QUOTED", "Wording", "counted", "day", "figure", "flag", "in_sentence", "joined", "named", "quoted", "render",
    "sentence", "shown", "stored", "words",
]
