"""Each value's check, and why a reading failed, read in the language shown, not the one read in (#11).

A document read while English was active is opened later in German or French: its findings and its
failure reason are stored as templates and made into sentences when shown. Findings and reasons
stored by earlier versions (finished sentences) still load and show as they were stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, Reply

from coheara import i18n
from coheara.config import AppPaths, Settings
from coheara.domain import Domain, ExtractedItem, Finding
from coheara.domain.wording import shown
from coheara.hardware import Hardware
from coheara.security.keys import KeyStore
from coheara.services import review as review_service
from coheara.services.engine import prepare_engine
from coheara.services.extraction import extract_documents
from coheara.services.importing import import_files
from coheara.services.vault import Vault, create_vault
from coheara.storage import documents as doc_store
from coheara.storage import items as item_store
from coheara.validation import reasons

GIB = 2**30
CPU_16 = Hardware(ram_total=16 * GIB, ram_available=12 * GIB, gpus=(), platform="Linux", machine="x86_64")
FOUND_ON_PAGE_2 = {
    "en": "Value “0,9”: found on page 2, not on this page.",
    "de": "Wert „0,9“: auf Seite 2 gefunden, nicht auf dieser Seite.",
    "fr": "Valeur «\u00a00,9\u00a0»\u00a0: trouvé à la page 2, pas sur cette page.",
}
# How an earlier version stored a finding: the sentence in the language it was read in, no template.
OLD_FINDING = {"code": "unverified_not_found", "message": "Wert „7,1“: in diesem Dokument nicht gefunden.",
               "field": "value", "severity": "warning"}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def two_page_report() -> bytes:
    """Page 1 prints Hämoglobin, page 2 Kreatinin; both as table rows."""
    doc = pymupdf.open()
    for row in (("Hämoglobin", "13,2", "g/dl", "12,0 - 16,0"), ("Kreatinin", "0,9", "mg/dl", "0,5 - 1,2")):
        page = doc.new_page(width=595, height=842)
        page.insert_text((40, 60), "Laborbefund", fontsize=10)
        for x, text in zip((40, 200, 280, 370), row, strict=True):
            page.insert_text((x, 110), text, fontsize=9)
    return doc.tobytes()


def _vault(tmp_path: Path) -> tuple[Vault, int]:
    paths = AppPaths(tmp_path / "home")
    vault, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "pw")
    pdf = tmp_path / "labor.pdf"
    pdf.write_bytes(two_page_report())
    (outcome,) = import_files(vault, [pdf])
    assert outcome.document_id is not None
    return vault, outcome.document_id


def _read(vault: Vault, doc_id: int, fake_ollama: FakeOllama) -> None:
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        extract_documents(vault, engine, [doc_id])
    finally:
        engine.client.close()


@pytest.fixture
def read_in_english(tmp_path: Path, fake_ollama: FakeOllama) -> tuple[Vault, int]:
    """A two-page report read with English active; the model reports page 2's row under page 1 too, and a
    document date that is not a date on each page (a page finding, "Page 1: …")."""
    vault, doc_id = _vault(tmp_path)
    truth = {"document": {"type": "lab_report", "language": "de", "date": "bald"},
             "lab_results": [{"test": "Kreatinin", "value": "0,9", "unit": "mg/dl", "reference_range": "0,5 - 1,2"}]}
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder(truth))
    _read(vault, doc_id, fake_ollama)
    return vault, doc_id


@pytest.mark.parametrize("language", ["de", "fr"])
def test_a_value_read_in_english_explains_itself_in_the_language_shown(
    read_in_english: tuple[Vault, int], language: str
) -> None:
    vault, doc_id = read_in_english
    i18n.set_language(language)
    items = review_service.items_for_document(vault, doc_id)
    misplaced = next(i for i in items if i.page_index == 0)
    (why,) = [f for f in misplaced.findings if reasons.is_reason(f)]
    assert why.text == FOUND_ON_PAGE_2[language]
    assert why.message == FOUND_ON_PAGE_2["en"]  # kept in English, for older versions and logs
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, doc_id)
    assert summary is not None
    pages = [f for f in summary.findings if f.code == "date_unreadable"]
    assert [f.message for f in pages] == ["Page 1: 'bald' was not recognized as a date; kept as printed.",
                                           "Page 2: 'bald' was not recognized as a date; kept as printed."]
    expected = {"de": "Seite 1: „bald“ wurde nicht als Datum erkannt; es bleibt so, wie es gedruckt ist.",
                "fr": "Page 1\u00a0: «\u00a0bald\u00a0» n'a pas été reconnu comme une date\u00a0; conservé tel "
                      "qu'imprimé."}[language]
    assert pages[0].text == expected
    assert summary.as_json()["findings"] == [f.text for f in summary.findings]
    i18n.set_language("en")
    assert [f.text for f in pages] == [f.message for f in pages]


def test_every_finding_of_a_reading_has_a_german_and_a_french_sentence(read_in_english: tuple[Vault, int]) -> None:
    vault, doc_id = read_in_english
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, doc_id)
    assert summary is not None
    findings = [f for i in review_service.items_for_document(vault, doc_id) for f in i.findings]
    findings += summary.findings
    assert findings and all(f.template for f in findings)
    for language in ("de", "fr"):
        i18n.set_language(language)
        assert all(f.text != f.message for f in findings), [f.text for f in findings if f.text == f.message]


def test_findings_stored_by_an_earlier_version_still_load_and_read_as_stored(
    read_in_english: tuple[Vault, int]
) -> None:
    vault, doc_id = read_in_english
    with vault.writing() as conn:
        item_id = item_store.items_for_document(conn, doc_id)[0].id
        conn.execute("UPDATE items SET findings_json = ? WHERE id = ?", (json.dumps([OLD_FINDING]), item_id))
        conn.execute("UPDATE documents SET findings_json = ?, failure = ? WHERE id = ?",
                     (json.dumps([OLD_FINDING]), "Die lokale KI-Engine antwortet nicht.", doc_id))
    i18n.set_language("fr")
    item = next(i for i in review_service.items_for_document(vault, doc_id) if i.id == item_id)
    assert item.findings == (Finding("unverified_not_found", OLD_FINDING["message"], "value", "warning"),)
    assert item.findings[0].template is None and item.findings[0].text == OLD_FINDING["message"]
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, doc_id)
    assert summary is not None
    assert [f.text for f in summary.findings] == [OLD_FINDING["message"]]
    assert summary.failure == "Die lokale KI-Engine antwortet nicht."
    # Saved again (an edit, a confirmation), an old finding keeps the format it came in.
    assert item.findings[0].as_json() == OLD_FINDING


def test_why_reading_failed_reads_in_the_language_shown(tmp_path: Path, fake_ollama: FakeOllama) -> None:
    vault, doc_id = _vault(tmp_path)
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=lambda body: Reply("- Kalium 3,2\n", loop="- Kalium 3,2\n"))
    _read(vault, doc_id, fake_ollama)
    with vault.reading() as conn:
        english = doc_store.get_document(conn, doc_id)
        stored = conn.execute("SELECT failure FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    assert english is not None and english.failure is not None
    assert english.failure.startswith("Page 1 could not be read: the AI model kept repeating itself")
    assert english.failure == json.loads(stored)["english"]
    i18n.set_language("de")
    with vault.reading() as conn:
        german = doc_store.get_document(conn, doc_id)
    assert german is not None and german.failure is not None
    assert german.failure.startswith("Seite 1 konnte nicht gelesen werden"), german.failure
    assert german.failure != english.failure and "Try again" not in german.failure
    assert shown("Ein älterer Grund.") == "Ein älterer Grund."


def test_a_page_finding_and_a_nested_count_keep_their_form_in_every_language() -> None:
    inner = Finding.of("duplicate_item", ("This item appeared {count} time on the page; it is kept once.",
                                          "This item appeared {count} times on the page; it is kept once."),
                       {"count": 3}, None, "info")
    outer = Finding.of(inner.code, "Page {number}: {message}", {"number": 2, "message": inner.as_param()})
    stored = Finding.from_json(json.loads(json.dumps(outer.as_json())))
    assert stored == outer
    assert stored.text == "Page 2: This item appeared 3 times on the page; it is kept once."
    i18n.set_language("de")
    assert stored.text.startswith("Seite 2: ") and "3" in stored.text and "Page" not in stored.text


@pytest.mark.gui
def test_the_review_table_tooltip_follows_the_language(qapp: object) -> None:
    from coheara.gui.i18n import install
    from coheara.gui.main import application
    from coheara.gui.models.items import ItemsTableModel
    from coheara.gui.qt import Qt

    finding = reasons.not_found("value", "7400")
    item = ExtractedItem(domain=Domain.LAB_RESULTS, id=1, document_id=1, findings=(finding,),
                         fields={"test": "Glucose", "value": "7400", "unit": "mg/dl"})
    model = ItemsTableModel(Domain.LAB_RESULTS)
    model.set_items([item], show_page=False)
    cell = model.index(0, model.column_of("value"))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Value “7400”: not found in this document."
    install(application(), "de", {})
    try:
        assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Wert „7400“: in diesem Dokument nicht gefunden."
        assert "Wert „7400“: in diesem Dokument nicht gefunden." in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        install(application(), "en", {})


def test_an_impossible_value_names_its_test_in_the_language_shown() -> None:
    """The test's name inside the sentence is ours (the analyte table's), so it follows the language too."""
    from coheara.validation.analytes import resolve_analyte
    from coheara.validation.checks import check_lab
    from coheara.validation.numbers import parse_number
    from coheara.validation.units import normalize_unit

    analyte = resolve_analyte("Hämoglobin", "g/dl")
    assert analyte is not None
    (finding,) = [f for f in check_lab(analyte, parse_number("740", "de"), normalize_unit("g/dl"), None)
                  if f.code == "implausible_value"]
    shown_as = {}
    for language in ("en", "de", "fr"):
        i18n.set_language(language)
        shown_as[language] = finding.text
    i18n.set_language("en")
    assert shown_as["en"].startswith(analyte.name) and finding.message == shown_as["en"]
    assert shown_as["de"].startswith("Hämoglobin") and shown_as["fr"].startswith("Hémoglobine")
    # Stored and read back, it still knows the names in every language.
    again = Finding.from_json(json.loads(json.dumps(finding.as_json())))
    i18n.set_language("fr")
    assert again is not None and again.text == shown_as["fr"]
