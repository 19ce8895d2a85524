"""What the reader could not place, said as page findings a patient (and a maintainer) can act on."""

from __future__ import annotations

from coheara.domain.items import Domain, Finding
from coheara.validation.parse_shapes import ReadLog

__all__ = ["reader_findings"]

_MAX_LISTED = 6  # parts quoted in one finding; the count says how many more


def reader_findings(log: ReadLog) -> tuple[Finding, ...]:
    """One finding for the parts that could not be read (quoted), one per moved item."""
    findings: list[Finding] = []
    unread = list(dict.fromkeys(log.unread))  # the same part twice is said once
    if unread:
        quoted = "; ".join(f"“{part}”" for part in unread[:_MAX_LISTED])
        more = f" and {len(unread) - _MAX_LISTED} more" if len(unread) > _MAX_LISTED else ""
        noun = "this part" if len(unread) == 1 else "these parts"
        findings.append(
            Finding(
                "answer_part_unread",
                f"The model's answer for this page held {noun} that could not be read into a value: "
                f"{quoted}{more}. Please check them against the page.",
                None,
                "warning",
            )
        )
    for name, source, target in log.moved:
        findings.append(
            Finding(
                "item_moved_domain",
                f"“{name}” was given under {_label(source)} but is {_article(target)}; it was moved to "
                f"{_label(target)}.",
                None,
                "info",
            )
        )
    return tuple(findings)


def _label(domain: Domain) -> str:
    return domain.label.lower()


def _article(domain: Domain) -> str:
    singular = {Domain.MEDICATIONS: "a medication", Domain.LAB_RESULTS: "a lab result",
                Domain.DIAGNOSES: "a diagnosis", Domain.ALLERGIES: "an allergy", Domain.PROCEDURES: "a procedure",
                Domain.REFERRALS: "a referral", Domain.INSTRUCTIONS: "an instruction"}
    return singular[domain]
