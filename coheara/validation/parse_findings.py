"""What the reader could not place, said as page findings a patient (and a maintainer) can act on."""

from __future__ import annotations

from coheara.domain.items import Domain, Finding
from coheara.i18n import N_, _, ngettext
from coheara.validation.parse_shapes import ReadLog

__all__ = ["reader_findings"]

_MAX_LISTED = 6  # parts quoted in one finding; the count says how many more


def reader_findings(log: ReadLog) -> tuple[Finding, ...]:
    """One finding for the parts that could not be read (quoted), one per moved item."""
    findings: list[Finding] = []
    unread = list(dict.fromkeys(log.unread))  # the same part twice is said once
    if unread:
        # Translators: quotation marks around a part of the model's answer („…“ in German, « … » in French).
        quoted = "; ".join(_("“{text}”").format(text=part) for part in unread[:_MAX_LISTED])
        if len(unread) > _MAX_LISTED:
            extra = len(unread) - _MAX_LISTED
            quoted = ngettext("{parts} and {count} more", "{parts} and {count} more", extra).format(
                parts=quoted, count=extra)
        findings.append(
            Finding(
                "answer_part_unread",
                ngettext("The model's answer for this page held this part that could not be read into a value: "
                         "{parts}. Please check them against the page.",
                         "The model's answer for this page held these parts that could not be read into a value: "
                         "{parts}. Please check them against the page.", len(unread)).format(parts=quoted),
                None,
                "warning",
            )
        )
    for name, source, target in log.moved:
        findings.append(
            Finding(
                "item_moved_domain",
                _("{name} was given under {source} but is {kind}; it was moved to {target}.").format(
                    name=_("“{text}”").format(text=name), source=source.in_sentence, kind=_(_ONE[target]),
                    target=target.in_sentence),
                None,
                "info",
            )
        )
    return tuple(findings)


# One item of a domain, with its article, as the end of "… but is …".
_ONE = {Domain.MEDICATIONS: N_("a medication"), Domain.LAB_RESULTS: N_("a lab result"),
        Domain.DIAGNOSES: N_("a diagnosis"), Domain.ALLERGIES: N_("an allergy"), Domain.PROCEDURES: N_("a procedure"),
        Domain.REFERRALS: N_("a referral"), Domain.INSTRUCTIONS: N_("an instruction")}
