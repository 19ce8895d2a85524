"""Converting a value between units for trends, only where it is safe.

Safe means exact by definition (g/dL ↔ g/L, % ↔ L/L, U/L ↔ µkat/L, G/l ↔ /µL), or by the analyte's
molar mass (glucose mmol/L ↔ mg/dL: 18.016; cholesterol 38.67; triglycerides 88.57; creatinine
µmol/L ↔ mg/dL 88.4; urea, uric acid, bilirubin, calcium, …), or the IFCC master equation for HbA1c
(% ↔ mmol/mol). Anything else answers None and the GUI shows the two series apart rather than
inventing a factor.
"""

from __future__ import annotations

import math

from coheara.validation.analytes import analyte_table
from coheara.validation.units import Unit, normalize_unit

# IFCC (mmol/mol) = (NGSP/DCCT % − 2.15) × 10.929 (IFCC–NGSP master equation).
_HBA1C_SLOPE = 10.929
_HBA1C_OFFSET = 2.15
_U_FAMILY = frozenset({"enzyme", "iu_conc"})


def convert(value: float, from_unit: str, to_unit: str, analyte_key: str | None = None) -> float | None:
    """``value`` expressed in ``to_unit``, or None when no safe conversion exists.

    Units are printed spellings (normalized here); ``analyte_key`` (from ``resolve_analyte``) unlocks
    conversions that depend on the substance (mass ↔ moles, HbA1c, IU ↔ U for some hormones).
    """
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    analyte = analyte_table().get(analyte_key) if analyte_key else None
    prefer = analyte.dim if analyte else None
    source, target = normalize_unit(from_unit, prefer), normalize_unit(to_unit, prefer)
    if source is None or target is None:
        return None
    if source.code == target.code:
        return float(value)
    if source.dim == target.dim:
        return value * source.factor / target.factor
    if analyte is None:
        return None
    if analyte.key == "hba1c":
        return _hba1c(value, source, target)
    if analyte.iu_equals_u and {source.dim, target.dim} <= _U_FAMILY:
        return value * source.factor / target.factor
    if analyte.molar_mass and {source.dim, target.dim} == {"mass_conc", "molar_conc"}:
        grams_per_litre = (
            value * source.factor if source.dim == "mass_conc" else value * source.factor * analyte.molar_mass
        )
        if target.dim == "mass_conc":
            return grams_per_litre / target.factor
        return grams_per_litre / analyte.molar_mass / target.factor
    return None


def _hba1c(value: float, source: Unit, target: Unit) -> float | None:
    if source.dim == "fraction" and target.dim == "molar_ratio":
        percent = value * source.factor * 100
        return (percent - _HBA1C_OFFSET) * _HBA1C_SLOPE * 1e-3 / target.factor
    if source.dim == "molar_ratio" and target.dim == "fraction":
        mmol_per_mol = value * source.factor * 1e3
        return (mmol_per_mol / _HBA1C_SLOPE + _HBA1C_OFFSET) / 100 / target.factor
    return None


def to_default_unit(value: float, unit: str | None, analyte_key: str) -> float | None:
    """``value`` in the analyte's default unit (for plausibility checks and trends), or None."""
    analyte = analyte_table().get(analyte_key)
    if analyte is None or analyte.unit is None or not unit:
        return None
    return convert(value, unit, analyte.unit, analyte_key)
