"""Lab test names as printed → one canonical analyte with its LOINC code and default unit.

The table (``resources/analytes.json``, shipped as ``coheara._resources``) lists English, German and
French names and abbreviations. Matching is exact on a compacted spelling (case, accents, spaces and
punctuation ignored), after removing what does not change the test: a specimen ("(Serum)", "i.S.",
"S-", "im Blut"), a method ("(Jaffé)", "berechnet") or a unit printed with the name. A name printed
with a urine marker ("U-Glucose", "Glucose im Urin") is looked up among urine tests only.

Each analyte also has its name for a person in English, German and French (``display_name``): the
English one is what validation stores with each value; the German and French ones are shown in a
German or French app and export, taken from the key at display time. They play no part in matching.

Never guessed: an unknown name, a name that fits two tests with no unit to tell them apart ("TP" is
total protein in English and prothrombin ratio in French), or a LOINC code for a unit of another
kind than the code's (a glucose in mmol/L gets the molar code or none) all give None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

from coheara.i18n import current
from coheara.validation.textfold import compact, fold, umlaut_variants, words
from coheara.validation.units import UNITS, Unit, normalize_unit


@dataclass(frozen=True, slots=True)
class Analyte:
    """One lab test: ``unit`` is its default unit (canonical spelling), ``plausible`` in that unit."""

    key: str
    name: str
    loinc: str | None
    unit: str | None
    aliases: tuple[str, ...]
    loinc_by_dim: dict[str, str] = field(default_factory=dict)
    molar_mass: float | None = None
    plausible: tuple[float, float] | None = None
    specimen: str = "blood"
    context: dict[str, str] = field(default_factory=dict)
    iu_equals_u: bool = False
    electrophoresis: bool = False
    # The name in German and French ("de", "fr"), as patients and labs there know the test.
    names: dict[str, str] = field(default_factory=dict)

    @property
    def dim(self) -> str | None:
        return UNITS[self.unit].dim if self.unit else None


_URINE_MARKERS = frozenset(
    (
        "urin urine urines harn u uri spontanurin morgenurin sammelurin urinstatus urinstix urinstreifen "
        "teststreifen stix dipstick bandelette urinaire urinaires"
    ).split()
)
# Words at either end of a name that say where or how, not what: "S-Kreatinin", "Glucose à jeun".
_QUALIFIERS = frozenset(
    (
        "s p b se pl serum plasma blut blood sang vollblut venos venous arteriell kapillar edta citrat citrate "
        "heparin i is ip im in the serique plasmatique sanguin sanguine nuchtern ajeun fasting calc calculated "
        "berechnet calcule gesamt total totale totales totaux value wert taux"
    ).split()
)
_BRACKETS = re.compile(r"[(\[][^)\]]*[)\]]")


@cache
def analyte_table() -> dict[str, Analyte]:
    """All known analytes by key, loaded once from the package resources."""
    raw = json.loads(files("coheara._resources").joinpath("analytes.json").read_text(encoding="utf-8"))
    table: dict[str, Analyte] = {}
    for row in raw["analytes"]:
        plausible = row.get("plausible")
        table[row["key"]] = Analyte(
            key=row["key"],
            name=row["name"],
            loinc=row.get("loinc"),
            unit=row.get("unit"),
            aliases=tuple(row["aliases"]),
            loinc_by_dim=dict(row.get("loinc_by_dim", {})),
            molar_mass=row.get("molar_mass"),
            plausible=(float(plausible[0]), float(plausible[1])) if plausible else None,
            specimen=row.get("specimen", "blood"),
            context=dict(row.get("context", {})),
            iu_equals_u=bool(row.get("iu_equals_u", False)),
            electrophoresis=bool(row.get("electrophoresis", False)),
            names={lang: row[f"name_{lang}"] for lang in ("de", "fr") if row.get(f"name_{lang}")},
        )
    return table


def display_name(key: str | None, stored: str | None = None, language: str | None = None) -> str:
    """The name a person reads for the analyte ``key`` in ``language`` (default: the current one).

    ``stored`` is the ``analyte_display`` saved with the value (English, the table's name when it was
    read): English shows it as stored; German and French show the table's name in that language.
    A key the table does not know (or no key) keeps ``stored``; "" when there is nothing to show.
    """
    analyte = analyte_table().get(key) if key else None
    language = language or current()
    if analyte is not None and language in analyte.names:
        return analyte.names[language]
    return stored or (analyte.name if analyte is not None else "")


@cache
def _index() -> dict[str, dict[str, tuple[str, ...]]]:
    """Compacted spelling → analyte keys, one map per specimen ("blood", "urine")."""
    by_specimen: dict[str, dict[str, list[str]]] = {"blood": {}, "urine": {}}
    for analyte in analyte_table().values():
        spellings = {analyte.key.replace("_", " ")} if analyte.specimen == "blood" else set()
        for alias in analyte.aliases:
            spellings |= umlaut_variants(alias)
        index = by_specimen[analyte.specimen]
        for spelling in spellings:
            keys = index.setdefault(compact(spelling), [])
            if analyte.key not in keys:
                keys.append(analyte.key)
    return {spec: {k: tuple(v) for k, v in idx.items()} for spec, idx in by_specimen.items()}


def _strip_ends(tokens: list[str]) -> list[str]:
    while tokens and tokens[0] in _QUALIFIERS:
        tokens = tokens[1:]
    while tokens and tokens[-1] in _QUALIFIERS:
        tokens = tokens[:-1]
    # A unit printed after the name: "Kreatinin mg/dl", "Leukozyten G/l".
    for size in (2, 1):
        if len(tokens) > size and normalize_unit("/".join(tokens[-size:])):
            return tokens[:-size]
    return tokens


@lru_cache(maxsize=4096)
def candidate_keys(name: str) -> tuple[str, ...]:
    """Every analyte key the printed name can stand for (usually one; none when unknown)."""
    if not isinstance(name, str) or not name.strip() or len(name) > 120:
        return ()
    folded = fold(name).replace("a jeun", "ajeun")
    all_tokens = words(folded)
    urine = any(t in _URINE_MARKERS for t in all_tokens)
    index = _index()["urine" if urine else "blood"]
    outer_tokens = words(_BRACKETS.sub(" ", folded))
    for tokens in (all_tokens, outer_tokens):
        if urine:
            tokens = [t for t in tokens if t not in _URINE_MARKERS]
        for variant in (tokens, _strip_ends(tokens)):
            hit = index.get("".join(variant))
            if hit:
                return hit
    # "ALT (GPT)", "ASAT/GOT": every part must name the same test, or it is not a match.
    parts = [p for p in re.split(r"[()\[\]/]", folded) if words(p)]
    if len(parts) > 1:
        hits = {index.get("".join(_strip_ends(words(p)))) for p in parts}
        if len(hits) == 1 and None not in hits:
            return hits.pop() or ()
    return ()


def fits(analyte: Analyte, unit: Unit) -> bool:
    """Whether a value in ``unit`` can be a measurement of ``analyte`` (same kind of quantity)."""
    dims = {analyte.dim, *analyte.loinc_by_dim}
    if analyte.molar_mass and analyte.dim in ("mass_conc", "molar_conc"):
        dims |= {"mass_conc", "molar_conc"}
    if analyte.iu_equals_u:
        dims |= {"enzyme", "iu_conc"}
    if analyte.key == "hba1c":
        dims |= {"molar_ratio"}
    return unit.dim in dims


def resolve_analyte(name: str | None, unit: str | None = None, context: str | None = None) -> Analyte | None:
    """The analyte a printed test name (and its unit) stands for, or None (see the module docstring).

    ``context`` is "electrophoresis" on a page of protein fractions, where albumin in g/L is a fraction.
    """
    if not name:
        return None
    keys = candidate_keys(name)
    if not keys:
        return None
    table = analyte_table()
    if len(keys) > 1:
        parsed = normalize_unit(unit) if unit else None
        fitting = [k for k in keys if parsed and fits(table[k], parsed)]
        if len(fitting) != 1:
            return None
        keys = (fitting[0],)
    analyte = table[keys[0]]
    if context and context in analyte.context:
        target = table[analyte.context[context]]
        parsed = normalize_unit(unit) if unit else None
        if parsed is None or fits(target, parsed):
            analyte = target
    return analyte


def loinc_for(analyte: Analyte, unit: str | None) -> str | None:
    """The LOINC code for a value of ``analyte`` printed in ``unit``, or None when the kinds differ."""
    if not unit or not unit.strip():
        return analyte.loinc if analyte.unit is None else None
    parsed = normalize_unit(unit, analyte.dim)
    if parsed is None:
        return None
    if parsed.dim == analyte.dim:
        return analyte.loinc
    if analyte.iu_equals_u and {parsed.dim, analyte.dim} <= {"enzyme", "iu_conc"}:
        return analyte.loinc
    return analyte.loinc_by_dim.get(parsed.dim)
