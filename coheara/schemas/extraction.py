"""Extraction contract v1 (DESIGN.md §2): the seven domains and the document metadata.

Every field is a string copied as printed (or null): the model copies, the code normalizes. Extra
properties are allowed on input and ignored. ``extraction_json_schema()`` is what goes into Ollama's
``format``: derived from these models, stripped of titles and defaults so it stays near 300 tokens.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from coheara.domain.items import DOMAIN_FIELDS, Domain, Finding

SCHEMA_VERSION = 1
# Bump when a prompt text changes: stored with every attempt so results can be compared later.
PROMPT_VERSION = "2026-12-06.1"

Text = str | None


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class DocumentInfo(_Item):
    type: Literal["lab_report", "prescription", "letter", "radiology", "other"] | None = None
    date: Text = None
    language: Text = None
    issuer: Text = None


class Medication(_Item):
    name: Text = None
    strength: Text = None
    dose: Text = None
    frequency: Text = None
    route: Text = None
    duration: Text = None
    instructions: Text = None


class LabResult(_Item):
    test: Text = None
    value: Text = None
    unit: Text = None
    reference_range: Text = None
    flag: Text = None
    date: Text = None


class Diagnosis(_Item):
    text: Text = None
    code: Text = None
    date: Text = None


class Allergy(_Item):
    substance: Text = None
    reaction: Text = None


class Procedure(_Item):
    text: Text = None
    date: Text = None
    findings: Text = None


class Referral(_Item):
    to: Text = None
    reason: Text = None
    date: Text = None


class Instruction(_Item):
    text: Text = None


class Extraction(_Item):
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    medications: list[Medication] = Field(default_factory=list)
    lab_results: list[LabResult] = Field(default_factory=list)
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    allergies: list[Allergy] = Field(default_factory=list)
    procedures: list[Procedure] = Field(default_factory=list)
    referrals: list[Referral] = Field(default_factory=list)
    instructions: list[Instruction] = Field(default_factory=list)
    # What the reader could not place, or moved to another domain: page findings. Private, so it is
    # never part of the JSON schema sent to the model.
    _reader_findings: tuple[Finding, ...] = PrivateAttr(default=())

    @property
    def reader_findings(self) -> tuple[Finding, ...]:
        return self._reader_findings

    def add_reader_findings(self, findings: tuple[Finding, ...]) -> None:
        self._reader_findings += findings

    def items(self, domain: Domain) -> list[dict[str, str | None]]:
        """The items of one domain as plain dicts with every canonical key present."""
        keys = DOMAIN_FIELDS[domain]
        return [{k: getattr(item, k) for k in keys} for item in getattr(self, domain.value)]


ITEM_MODELS: dict[Domain, type[_Item]] = {
    Domain.MEDICATIONS: Medication,
    Domain.LAB_RESULTS: LabResult,
    Domain.DIAGNOSES: Diagnosis,
    Domain.ALLERGIES: Allergy,
    Domain.PROCEDURES: Procedure,
    Domain.REFERRALS: Referral,
    Domain.INSTRUCTIONS: Instruction,
}


def _compact(node: Any) -> Any:
    """Drop titles and defaults; ``anyOf[string, null]`` becomes plain ``string``.

    Leaving a property out is how the model says "not printed", so null adds tokens and nothing else.
    """
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("title", "default", "description"):
                continue
            out[key] = _compact(value)
        any_of = out.get("anyOf")
        if isinstance(any_of, list) and all(isinstance(a, dict) and set(a) <= {"type", "enum"} for a in any_of):
            types = [a["type"] for a in any_of if a.get("type") not in (None, "null")]
            enum = [e for a in any_of for e in a.get("enum", [])]
            del out["anyOf"]
            out["type"] = types[0] if types else "string"
            if enum:
                out["enum"] = enum
        return out
    if isinstance(node, list):
        return [_compact(v) for v in node]
    return node


@cache
def extraction_json_schema() -> dict[str, Any]:
    """The JSON schema for Ollama's ``format``, inlined (no $refs) and compact."""
    raw = Extraction.model_json_schema()
    defs = raw.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(defs[node["$ref"].split("/")[-1]])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    schema: dict[str, Any] = _compact(inline(raw))  # a dict in, a dict out
    for prop in schema["properties"].values():
        prop.pop("default", None)
    schema["required"] = list(schema["properties"])
    return schema


def schema_text() -> str:
    """The schema as compact JSON text, for the prompt (Ollama's docs advise sending it in both)."""
    return json.dumps(extraction_json_schema(), separators=(",", ":"))
