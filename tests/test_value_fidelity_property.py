"""Property: a stored or exported lab value is never shorter than the printed one.

Whatever shape a value cell has (comparator, separators, glued flag, unit, a second number after a
stray comma or colon), the display re-rendered from what we store holds every printed digit and
comparator, the FHIR value keeps the comparator, and a number is exported only where it is the whole of
what was printed. Items also survive the vault unchanged, including from a vault of schema version 1.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from export_support import GENERATED_AT, _doc
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coheara.domain import Domain, ExtractedItem, FileKind
from coheara.domain.lab_value import faithful, lab_value, shows_everything
from coheara.export.data import ExportData
from coheara.export.fhir import build_bundle
from coheara.storage.connection import connect, transaction
from coheara.storage.documents import list_documents
from coheara.storage.items import all_items, get_item, insert_items
from coheara.storage.migrations import migrate
from coheara.validation.context import PageContext
from coheara.validation.normalize_lab import normalize_lab

COMPARATORS = st.sampled_from(["", "<", ">", "<=", ">=", "≤", "≥", "< ", "> ", "<\u00a0"])
NUMBERS = st.from_regex(r"\A(0|[1-9][0-9]{0,4})([.,][0-9]{1,4})?\Z")
# What may follow the first number: nothing, a second number after a stray separator, or a titer.
JOINS = st.sampled_from(["", "", ", ", " ,", "\u00a0,", ":", " : ", " ", "/"])
SECOND = st.from_regex(r"\A[0-9]{1,3}\Z")
SUFFIXES = st.sampled_from(["", " H", "H", "*", " ↑", "↓", " mg/dl", " g/dl L", " (x)", " U/l", " n", " pos",
                            " x 10^9/l", " × 10³/µl", "e3"])
LEADING = st.sampled_from(["", "", "↑ ", "*", " "])
CONTEXTS = st.sampled_from([("de", ","), ("fr", ","), ("en", "."), ("de", None), (None, None)])


@st.composite
def printed_values(draw: st.DrawFn) -> str:
    join = draw(JOINS)
    second = draw(SECOND) if join else ""
    return draw(LEADING) + draw(COMPARATORS) + draw(NUMBERS) + join + second + draw(SUFFIXES)


def read(printed: str, context: tuple[str | None, str | None]) -> ExtractedItem:
    language, decimal = context
    ctx = PageContext(language=language, decimal=decimal, decimal_from_page=decimal is not None)
    fields: dict[str, str | None] = {"test": "Kreatinin", "value": printed, "unit": None,
                                     "reference_range": "0,7 - 1,2", "flag": None, "date": None}
    normalized, _ = normalize_lab(fields, ctx)
    return ExtractedItem(domain=Domain.LAB_RESULTS, fields=fields, normalized=normalized, id=1, document_id=1)


def _signs(text: str) -> set[str]:
    folded = text.replace("<=", "≤").replace(">=", "≥")
    return {s for s in "<>≤≥" if s in folded}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed=printed_values(), context=CONTEXTS)
def test_never_shorter_than_printed(printed: str, context: tuple[str | None, str | None]) -> None:
    item = read(printed, context)
    n = item.normalized
    value = lab_value(item.fields, n)
    shown = f"{value.display} {n.get('unit') or ''}"
    assert shows_everything(printed, shown), (printed, shown)
    if n["value_num"] is not None:
        # A number is stored only when it is all the cell printed (besides a unit and a flag).
        assert faithful(printed, n["value_num"]), (printed, n["value_num"])
        assert bool(_signs(printed)) == (n["comparator"] is not None), (printed, n["comparator"])
    if re.search(r"\d\s*(,\s|\s,|\u00a0,|:|/\d)", printed.replace(" : ", ":")):
        assert n["value_num"] is None, (printed, n["value_num"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed=printed_values(), context=CONTEXTS)
def test_fhir_value_keeps_every_digit_and_comparator(printed: str, context: tuple[str | None, str | None]) -> None:
    item = read(printed, context)
    doc = _doc(1, "befund.pdf", FileKind.PDF, "lab_report", "2025-03-14", None, language=context[0] or "de")
    bundle = build_bundle(ExportData([doc], [item], {}, GENERATED_AT, "0.1.0"))
    Bundle.model_validate(bundle)
    (obs,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    if "valueQuantity" in obs:
        quantity: dict[str, Any] = obs["valueQuantity"]
        assert faithful(printed, quantity["value"])
        assert bool(_signs(printed)) == ("comparator" in quantity)
    elif "valueRatio" in obs:
        ratio = obs["valueRatio"]
        assert re.sub(r"\D", "", printed) == f"{ratio['numerator']['value']}{ratio['denominator']['value']}"
    else:
        shown = obs.get("valueString") or obs["valueCodeableConcept"]["text"]
        assert shows_everything(printed, shown)


KEY = bytes(range(32))
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_KEY = bytes.fromhex("c0ffee00" * 8)


def test_new_value_fields_survive_the_vault(tmp_path: Path) -> None:
    conn = connect(tmp_path / "vault.db", KEY, create=True)
    migrate(conn)
    items = [read(v, ("de", ",")) for v in ("< 0,5", "1:160", "13, 5", "12,1 H", "negativ")]
    with transaction(conn):
        conn.execute("INSERT INTO documents (sha256, filename, kind, size, page_count, imported_at)"
                     " VALUES ('x', 'b.pdf', 'pdf', 1, 1, '2026-01-01T00:00:00+00:00')")
        ids = insert_items(conn, 1, items)
    for item_id, item in zip(ids, items, strict=True):
        back = get_item(conn, item_id)
        assert back is not None and back.normalized == item.normalized and back.fields == item.fields
    conn.close()


def test_items_from_a_version_1_vault_still_export(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copy(GOLDEN / "vault_v1.db", path)
    conn = connect(path, GOLDEN_KEY)
    migrate(conn)
    data = ExportData(list_documents(conn), all_items(conn), {}, GENERATED_AT, "0.1.0")
    conn.close()
    labs = data.items_in(Domain.LAB_RESULTS)
    assert labs, "the golden vault holds a lab value"
    Bundle.model_validate(build_bundle(data))
    for item in labs:
        assert item.normalized["value_kind"]  # re-read by the current reader for export
        assert shows_everything(item.fields["value"] or "", lab_value(item.fields, item.normalized).display)
