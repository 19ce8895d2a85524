"""Units as printed → one canonical spelling, its UCUM code (for FHIR), a dimension and a scale.

"g/dl", "G/DL" and "g/100ml" are all ``g/dL``; "x10^9/l", "G/l", "/nl" and "Tsd/µl" are all
``10*9/L``. The dimension and the factor (to the dimension's base unit) let ``conversion.convert``
rescale within a dimension; crossing dimensions (mass ↔ moles) needs the analyte and lives there.
Unknown units give None: the printed text is kept and nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coheara.validation.textfold import fold


@dataclass(frozen=True, slots=True)
class Unit:
    """A canonical unit: ``code`` is what we show and store, ``ucum`` what FHIR gets."""

    code: str
    ucum: str
    dim: str
    factor: float


# code: (ucum, dimension, factor to the dimension's base, printed spellings folded and without spaces)
_TABLE: dict[str, tuple[str, str, float, tuple[str, ...]]] = {
    "g/dL": ("g/dL", "mass_conc", 10.0, ("g/dl", "g/100ml", "gm/dl", "g%")),
    "g/L": ("g/L", "mass_conc", 1.0, ("g/l",)),
    "mg/dL": ("mg/dL", "mass_conc", 1e-2, ("mg/dl", "mg/100ml", "mg%")),
    "mg/L": ("mg/L", "mass_conc", 1e-3, ("mg/l",)),
    "µg/mL": ("ug/mL", "mass_conc", 1e-3, ("ug/ml", "mcg/ml")),
    "µg/dL": ("ug/dL", "mass_conc", 1e-5, ("ug/dl", "mcg/dl", "ug/100ml")),
    "µg/L": ("ug/L", "mass_conc", 1e-6, ("ug/l", "mcg/l")),
    "ng/mL": ("ng/mL", "mass_conc", 1e-6, ("ng/ml",)),
    "ng/dL": ("ng/dL", "mass_conc", 1e-8, ("ng/dl", "ng/100ml")),
    "ng/L": ("ng/L", "mass_conc", 1e-9, ("ng/l",)),
    "pg/mL": ("pg/mL", "mass_conc", 1e-9, ("pg/ml",)),
    "mg/mL": ("mg/mL", "mass_conc", 1.0, ("mg/ml",)),
    "mmol/L": ("mmol/L", "molar_conc", 1e-3, ("mmol/l",)),
    "mol/L": ("mol/L", "molar_conc", 1.0, ("mol/l",)),
    "µmol/L": ("umol/L", "molar_conc", 1e-6, ("umol/l", "mcmol/l")),
    "nmol/L": ("nmol/L", "molar_conc", 1e-9, ("nmol/l", "pmol/ml")),
    "pmol/L": ("pmol/L", "molar_conc", 1e-12, ("pmol/l",)),
    "10*12/L": (
        "10*12/L",
        "count_conc",
        1e12,
        ("10^12/l", "10^6/ul", "10^6/mm3", "m/ul", "mio/ul", "/pl", "tera/l", "t/l"),
    ),
    "10*9/L": (
        "10*9/L",
        "count_conc",
        1e9,
        ("10^9/l", "10^3/ul", "10^3/mm3", "k/ul", "x1000/ul", "1000/ul", "tsd/ul", "tausend/ul", "/nl", "giga/l"),
    ),
    "/µL": ("/uL", "count_conc", 1e6, ("/ul", "/mm3", "zellen/ul", "cells/ul")),
    "/L": ("/L", "count_conc", 1.0, ("/l",)),
    "%": ("%", "fraction", 1e-2, ("%", "prozent", "percent", "pourcent", "vol%")),
    "L/L": ("L/L", "fraction", 1.0, ("l/l",)),
    "U/L": ("U/L", "enzyme", 1.0, ("u/l", "e/l")),
    "U/mL": ("U/mL", "enzyme", 1e3, ("u/ml", "e/ml")),
    "kU/L": ("kU/L", "enzyme", 1e3, ("ku/l",)),
    "mU/L": ("mU/L", "enzyme", 1e-3, ("mu/l", "me/l")),
    "µU/mL": ("uU/mL", "enzyme", 1e-3, ("uu/ml", "ue/ml")),
    "µkat/L": ("ukat/L", "enzyme", 60.0, ("ukat/l",)),
    "nkat/L": ("nkat/L", "enzyme", 0.06, ("nkat/l",)),
    "IU/L": ("[IU]/L", "iu_conc", 1.0, ("iu/l", "ie/l", "ui/l")),
    "IU/mL": ("[IU]/mL", "iu_conc", 1e3, ("iu/ml", "ie/ml", "ui/ml")),
    "kIU/L": ("k[IU]/L", "iu_conc", 1e3, ("kiu/l", "kie/l", "kui/l")),
    "mIU/L": ("m[IU]/L", "iu_conc", 1e-3, ("miu/l", "mie/l", "mui/l")),
    "mIU/mL": ("m[IU]/mL", "iu_conc", 1.0, ("miu/ml", "mie/ml", "mui/ml")),
    "µIU/mL": ("u[IU]/mL", "iu_conc", 1e-3, ("uiu/ml", "uie/ml", "uui/ml")),
    "mmol/mol": ("mmol/mol", "molar_ratio", 1e-3, ("mmol/mol",)),
    "mg/g": ("mg/g", "mass_ratio", 1e-3, ("mg/g", "mg/gcrea", "mg/gkrea", "mg/gcreatinine", "mg/gkreatinin")),
    "mg/mmol": ("mg/mmol", "mass_per_mol", 1.0, ("mg/mmol", "mg/mmolcrea", "mg/mmolkrea", "mg/mmolcreatinine")),
    "fL": ("fL", "entitic_volume", 1.0, ("fl", "um3", "um^3")),
    "pg": ("pg", "entitic_mass", 1.0, ("pg",)),
    "s": ("s", "time", 1.0, ("s", "sec", "sek", "sekunden", "seconds", "secondes", "seconde")),
    "min": ("min", "time", 60.0, ("min", "minutes", "minuten")),
    "mm/h": ("mm/h", "rate", 1.0, ("mm/h", "mm/1h", "mm/std", "mm/hr", "mm/1std", "mm/heure", "mm/1.h", "mm/1.std")),
    "mL/min/1.73m2": (
        "mL/min/{1.73_m2}",
        "gfr",
        1.0,
        (
            "ml/min/1.73m2",
            "ml/min/1,73m2",
            "ml/min/1.73m^2",
            "ml/min/1.73qm",
            "ml/min/1,73qm",
            "ml/min/1.73",
            "ml/min/1,73",
            "ml/min/1.73m2ks",
        ),
    ),
    "mL/min": ("mL/min", "flow", 1.0, ("ml/min",)),
    "mosm/kg": ("mosm/kg", "osmolality", 1.0, ("mosm/kg", "mosmol/kg")),
    "mmHg": ("mm[Hg]", "pressure", 1.0, ("mmhg",)),
    "g": ("g", "mass", 1.0, ("g", "gr", "gramm", "gramme")),
    "mg": ("mg", "mass", 1e-3, ("mg",)),
    "µg": ("ug", "mass", 1e-6, ("ug", "mcg", "microgramm", "microgramme")),
    "ng": ("ng", "mass", 1e-9, ("ng",)),
    "mL": ("mL", "volume", 1e-3, ("ml",)),
    "L": ("L", "volume", 1.0, ("l",)),
    "IU": ("[IU]", "iu", 1.0, ("iu", "ie", "ui", "i.e.", "u.i.")),
    "mmol": ("mmol", "molar_amount", 1e-3, ("mmol",)),
    "µg/h": ("ug/h", "mass_rate", 1e-6, ("ug/h", "mcg/h", "ug/std")),
}

_BY_SPELLING: dict[str, str] = {}
for _code, (_ucum, _dim, _factor, _spellings) in _TABLE.items():
    for _spelling in (*_spellings, fold(_code).replace(" ", "")):
        _BY_SPELLING.setdefault(_spelling, _code)

UNITS: dict[str, Unit] = {code: Unit(code, row[0], row[1], row[2]) for code, row in _TABLE.items()}

# Capital G and T are giga and tera per litre on French and Swiss reports; lower case g is grams.
_CASE_SENSITIVE = {"G/L": "10*9/L", "G/l": "10*9/L", "T/L": "10*12/L", "T/l": "10*12/L"}
_POWER = re.compile(r"10(?:\^|\*\*|\*|e)(\d{1,2})(?=/)")
_SUPERSCRIPT_POWER = re.compile(r"10\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@lru_cache(maxsize=2048)
def normalize_unit(text: str | None, prefer_dim: str | None = None) -> Unit | None:
    """The canonical unit for a printed spelling, or None when it is not one we know.

    ``prefer_dim`` settles "G/L" (giga per litre, or grams where the analyte is a mass concentration).
    """
    if not text or not isinstance(text, str) or len(text) > 40:
        return None
    stripped = text.strip().strip("()[]").strip()
    squeezed = re.sub(r"\s+", "", stripped)
    squeezed = _SUPERSCRIPT_POWER.sub(lambda m: "10^" + m.group(1).translate(_SUPERSCRIPTS), squeezed)
    if squeezed in _CASE_SENSITIVE:
        return UNITS["g/L" if prefer_dim == "mass_conc" else _CASE_SENSITIVE[squeezed]]
    key = fold(squeezed).replace("×", "x")
    key = re.sub(r"^(?:x|\*)(?=10)", "", key)
    key = _POWER.sub(r"10^\1", key)
    code = _BY_SPELLING.get(key) or _BY_SPELLING.get(key.rstrip("."))
    return UNITS[code] if code else None


def unit_code(text: str | None) -> str | None:
    """The canonical spelling for display, or None when unknown."""
    unit = normalize_unit(text)
    return unit.code if unit else None


def convert(value: float, from_unit: str, to_unit: str, analyte_key: str | None = None) -> float | None:
    """``conversion.convert`` (kept there: it needs the analyte table); here for callers that look here."""
    from coheara.validation.conversion import convert as _convert  # the table imports this module

    return _convert(value, from_unit, to_unit, analyte_key)
