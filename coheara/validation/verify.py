"""Verifying one item against the page: which fields are printed there, where, and is the item VERIFIED.

Each domain names its key fields (``KEY_FIELDS``); an item is VERIFIED when every key field it has
is found in the text layer. In tables (lab results, medications) the first key field is the
anchor ("Alpha 1", the drug name) and the other key fields must sit on the anchor's row, or just
below it in the same column: a value printed elsewhere on the page (another row's 3.2) does not
verify this row. Other fields only need to be on the page; their boxes prefer the anchor's row.
"""

from __future__ import annotations

from coheara.domain import Domain, Verification
from coheara.validation.ground import Box, Match, PageIndex

KEY_FIELDS: dict[Domain, tuple[str, ...]] = {
    Domain.LAB_RESULTS: ("test", "value"),
    Domain.MEDICATIONS: ("name", "strength"),
    Domain.DIAGNOSES: ("text", "code"),
    Domain.ALLERGIES: ("substance",),
    Domain.PROCEDURES: ("text",),
    Domain.REFERRALS: ("to", "reason"),
    Domain.INSTRUCTIONS: ("text",),
}
_TABULAR = frozenset({Domain.LAB_RESULTS, Domain.MEDICATIONS})
_MAX_OCCURRENCES = 3


def _near(match: Match, anchor: Match) -> bool:
    """Same row as the anchor, or within two and a half lines below it in the same column."""
    ax0, ay0, ax1, ay1 = anchor.first_box
    mx0, my0, mx1, my1 = match.first_box
    height = max(ay1 - ay0, 1e-6)
    if abs((my0 + my1) - (ay0 + ay1)) <= 1.2 * height:
        return True
    below = my0 - ay1
    return -0.2 * height <= below <= 2.5 * height and mx0 <= ax1 and mx1 >= ax0


def verify_item(
    domain: Domain, fields: dict[str, str | None], index: PageIndex | None
) -> tuple[Verification, dict[str, bool], dict[str, list[Box]]]:
    """The verification, the per-field result (every non-empty field) and the boxes of found fields."""
    present = {k: v for k, v in fields.items() if v is not None and v.strip()}
    if index is None:
        return Verification.UNVERIFIED, dict.fromkeys(present, False), {}
    matches = {k: index.find(v) for k, v in present.items()}
    keys = [k for k in KEY_FIELDS[domain] if k in present]
    anchors: list[Match] = []
    if domain in _TABULAR and keys and matches[keys[0]]:
        anchors = _best_anchors(matches[keys[0]], [matches[k] for k in present if k != keys[0]])
    found: dict[str, bool] = {}
    boxes: dict[str, list[Box]] = {}
    for name, occurrences in matches.items():
        if anchors and name != keys[0]:
            nearby = [m for m in occurrences if any(_near(m, a) for a in anchors)]
            needs_row = name in keys
            found[name] = bool(nearby) if needs_row else bool(occurrences)
            chosen = nearby or ([] if needs_row else occurrences)
        else:
            chosen = anchors if anchors and name == keys[0] else occurrences
            found[name] = bool(occurrences)
        if chosen:
            boxes[name] = [box for m in chosen[:_MAX_OCCURRENCES] for box in m.boxes]
    verified = bool(keys) and all(found[k] for k in keys)
    return (Verification.VERIFIED if verified else Verification.UNVERIFIED), found, boxes


def _best_anchors(anchors: list[Match], others: list[list[Match]]) -> list[Match]:
    """The anchor occurrences with the most other fields nearby (all of them when none has any)."""
    if len(anchors) == 1:
        return anchors
    scores = [sum(1 for occ in others if any(_near(m, a) for m in occ)) for a in anchors]
    best = max(scores)
    return [a for a, s in zip(anchors, scores, strict=True) if s == best]
