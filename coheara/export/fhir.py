"""The FHIR R4 export: a ``collection`` Bundle a clinician's system can read.

Shape of the Bundle (every reference is a ``urn:uuid`` inside it, derived from ``generated_at`` and
the vault's ids, so the same data gives the same file and two exports never share ids):

- ``Composition`` first: the notice (as narrative and as its first section), then one section per
  domain listing its entries. A Composition is the FHIR place for human-readable text about a set of
  resources, and its ``status`` is ``preliminary``: nothing here is clinically validated.
- ``Patient``: anonymous (no name, birth date or identifier). MedicationStatement, Condition,
  AllergyIntolerance, Procedure, ServiceRequest and CarePlan *require* a subject, and a reference
  that resolves inside the Bundle is better than a dangling display; the receiving clinician links it
  to their own patient record. Omitted when there is nothing to attach to it.
- ``DocumentReference`` per document: type, clinical date, issuer, pages, SHA-256 and MIME type, but
  not the file name — patients name files after themselves ("Anna_Muster_Blutbild.pdf"), which would
  put their identity into an otherwise pseudonymous file.
- one resource per extracted item (see ``fhir_items``), each tagged with its verification badge.
- ``Provenance`` per model attempt that produced an exported item: the model tag as a Device agent.

The Bundle's ``meta.tag`` carries the short notice too, so a reader that skips the Composition sees it.
Codes, systems and structure never change with the patient's language; the texts we write for people
(narratives, titles, descriptions) follow it.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, TextIO

from coheara.domain import DocumentSummary, Domain
from coheara.export.data import ExportData, aware, doc_label, doc_type_label, iso_date
from coheara.export.fhir_items import Context, item_resource
from coheara.i18n import _, ngettext
from coheara.notice import NOTICE_VERSION, export_notice, short_notice

NOTICE_SYSTEM = "urn:coheara:notice"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
_NAMESPACE = uuid.UUID("6f1c3b52-0c1e-4d8e-9a55-3f2a7c9e1d40")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def build_bundle(data: ExportData) -> dict[str, Any]:
    """The whole export as a FHIR R4 Bundle (JSON-ready dict)."""
    bundle = _bundle(data)
    bundle["entry"] = list(bundle["entry"])
    return bundle


def write_bundle(data: ExportData, out: TextIO) -> None:
    """Write the Bundle as JSON to ``out``, one entry at a time: the same text as
    ``json.dumps(build_bundle(data), ensure_ascii=False, indent=2)`` plus a newline, without ever
    holding more than one resource (a vault of years holds tens of thousands)."""
    bundle = _bundle(data)
    entries = bundle.pop("entry")
    head = json.dumps(bundle, ensure_ascii=False, indent=2)
    out.write(head[: -len("\n}")] + ',\n  "entry": [')
    separator = "\n    "
    for entry in entries:
        # JSON strings never hold a raw newline: indenting every line is indenting the entry.
        out.write(separator + json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        separator = ",\n    "
    out.write("\n  ]\n}\n" if separator != "\n    " else "]\n}\n")


def _bundle(data: ExportData) -> dict[str, Any]:
    """The Bundle with ``entry`` an iterator: resources are made as it is read."""
    stamp = aware(data.generated_at).isoformat()

    def urn(*key: object) -> str:
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '|'.join(map(str, (stamp, *key))))}"

    patient = urn("patient")
    has_patient = bool(data.items or data.documents)
    doc_urns = {d.id: urn("document", d.id) for d in data.documents}
    # The Composition (first) lists every item and each Provenance (last) its items: the references
    # are known before any resource is made.
    refs: list[str] = []
    by_domain: dict[Domain, list[str]] = {}
    by_attempt: dict[int, list[str]] = {}
    for index, item in enumerate(data.items):
        ref = urn("item", item.id if item.id is not None else f"#{index}")
        refs.append(ref)
        by_domain.setdefault(item.domain, []).append(ref)
        if item.attempt_id is not None and item.attempt_id in data.attempts:
            by_attempt.setdefault(item.attempt_id, []).append(ref)

    def entries() -> Iterator[tuple[str, dict[str, Any]]]:
        yield urn("composition"), _composition(data, patient if has_patient else None, by_domain)
        if has_patient:
            yield patient, _patient()
        for doc in data.documents:
            yield doc_urns[doc.id], _document_reference(doc, patient)
        for ref, item in zip(refs, data.items, strict=True):
            source = data.document(item.document_id)
            ctx = Context(patient, doc_urns.get(source.id) if source else None, data.item_date(item),
                          iso_date(source.doc_date) if source else None)
            yield ref, item_resource(item, ctx)
        for attempt_id, targets in sorted(by_attempt.items()):
            yield urn("attempt", attempt_id), _provenance(data, attempt_id, targets, doc_urns)

    return {
        "resourceType": "Bundle",
        "meta": {"tag": [{"system": NOTICE_SYSTEM, "code": NOTICE_VERSION, "display": short_notice()}]},
        "identifier": {"system": "urn:ietf:rfc:3986", "value": urn("bundle")},
        "type": "collection",
        "timestamp": stamp,
        "entry": ({"fullUrl": ref, "resource": resource} for ref, resource in entries()),
    }


def narrative(paragraphs: list[str]) -> dict[str, str]:
    """Generated XHTML narrative; markdown bold markers are dropped, everything else escaped."""
    body = "".join(f"<p>{html.escape(p.replace('**', ''), quote=False)}</p>" for p in paragraphs if p.strip())
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _patient() -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "text": narrative([_("Identity not exported. The receiving clinician links this record to the patient.")]),
    }


def _composition(data: ExportData, patient: str | None, by_domain: dict[Domain, list[str]]) -> dict[str, Any]:
    notice = export_notice().split("\n\n")
    sections: list[dict[str, Any]] = [{"title": _("About this export"), "text": narrative(notice)}]
    sections += [{"title": d.label, "entry": [{"reference": r} for r in refs]} for d, refs in by_domain.items()]
    composition: dict[str, Any] = {
        "resourceType": "Composition",
        "text": narrative([short_notice()]),
        "status": "preliminary",
        "type": {"coding": [{"system": "http://loinc.org", "code": "60591-5", "display": "Patient summary Document"}],
                 "text": _("Patient summary (AI-extracted, not clinically validated)")},
        "date": aware(data.generated_at).isoformat(),
        "author": [{"type": "Device", "display": f"Coheara {data.app_version}"}],
        "title": _("Health record summary extracted by Coheara"),
        "section": sections,
    }
    if patient:
        composition["subject"] = {"reference": patient}
    return composition


def _document_reference(doc: DocumentSummary, patient: str) -> dict[str, Any]:
    label = doc_label(doc)
    attachment: dict[str, Any] = {"contentType": doc.kind.mime, "size": doc.size, "title": label}
    if doc.language and _LANGUAGE.match(doc.language):
        attachment["language"] = doc.language
    out: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "identifier": [{"system": "urn:coheara:document-sha256", "value": doc.sha256}],
        "status": "current",
        "type": {"text": doc_type_label(doc)},
        "subject": {"reference": patient},
        "date": aware(doc.imported_at).isoformat(),
        "description": ngettext("{label}, {count} page. Values in this export were read from it by an AI model; "
                                "check them against the document.",
                                "{label}, {count} pages. Values in this export were read from it by an AI model; "
                                "check them against the document.", doc.pages).format(label=label, count=doc.pages),
        "content": [{"attachment": attachment}],
    }
    if doc.issuer:
        out["author"] = [{"display": doc.issuer}]
    if iso_date(doc.doc_date):
        out["context"] = {"period": {"start": iso_date(doc.doc_date)}}
    return out


def _provenance(data: ExportData, attempt_id: int, targets: list[str], doc_urns: dict[int, str]) -> dict[str, Any]:
    attempt = data.attempts[attempt_id]
    start = aware(attempt.started_at)
    end = start + timedelta(seconds=max(attempt.seconds, 0.0))
    model = f"{attempt.model} ({attempt.variant})" if attempt.variant and attempt.variant not in attempt.model \
        else attempt.model
    out: dict[str, Any] = {
        "resourceType": "Provenance",
        "target": [{"reference": t} for t in targets],
        "occurredPeriod": {"start": start.isoformat(), "end": end.isoformat()},
        "recorded": end.isoformat(),
        "activity": {"text": _("AI extraction of page {page} (strategy {strategy}, prompt {prompt})").format(
            page=attempt.page_index + 1, strategy=attempt.strategy, prompt=attempt.prompt_version)},
        "agent": [{
            "type": {"coding": [{"system": PARTICIPANT_TYPE, "code": "assembler", "display": "Assembler"}]},
            "who": {"type": "Device", "display": model},
        }],
    }
    if attempt.document_id in doc_urns:
        out["entity"] = [{"role": "source", "what": {"reference": doc_urns[attempt.document_id]}}]
    return out

