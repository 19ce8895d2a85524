"""What the reader could not place, said as page findings a patient (and a maintainer) can act on."""

from __future__ import annotations

from typing import Any

from coheara.domain import wording
from coheara.domain.items import Domain, Finding
from coheara.i18n import N_, N_plural
from coheara.validation.parse_shapes import ReadLog

__all__ = ["reader_findings"]

_MAX_LISTED = 6  # parts quoted in one finding; the count says how many more


def reader_findings(log: ReadLog) -> tuple[Finding, ...]:
    """One finding for the parts that could not be read (quoted), one per moved item."""
    findings: list[Finding] = []
    unread = list(dict.fromkeys(log.unread))  # the same part twice is said once
    if unread:
        quoted: Any = wording.joined([wording.quoted(part) for part in unread[:_MAX_LISTED]], "; ")
        if len(unread) > _MAX_LISTED:
            extra = len(unread) - _MAX_LISTED
            quoted = wording.counted(_MORE, extra, {"parts": quoted, "count": extra})
        findings.append(Finding.of("answer_part_unread", _UNREAD, {"parts": quoted, "count": len(unread)}, None,
                                   "warning"))
    for name, source, target in log.moved:
        findings.append(
            Finding.of(
                "item_moved_domain",
                N_("{name} was given under {source} but is {kind}; it was moved to {target}."),
                {"name": wording.quoted(name), "source": wording.in_sentence(source.value),
                 "kind": wording.words(_ONE[target]), "target": wording.in_sentence(target.value)},
                None,
                "info",
            )
        )
    return tuple(findings)


_UNREAD = N_plural("The model's answer for this page held this part that could not be read into a value: {parts}. "
                   "Please check them against the page.",
                   "The model's answer for this page held these parts that could not be read into a value: "
                   "{parts}. Please check them against the page.")
_MORE = N_plural("{parts} and {count} more", "{parts} and {count} more")
# One item of a domain, with its article, as the end of "… but is …".
_ONE = {Domain.MEDICATIONS: N_("a medication"), Domain.LAB_RESULTS: N_("a lab result"),
        Domain.DIAGNOSES: N_("a diagnosis"), Domain.ALLERGIES: N_("an allergy"), Domain.PROCEDURES: N_("a procedure"),
        Domain.REFERRALS: N_("a referral"), Domain.INSTRUCTIONS: N_("an instruction")}
