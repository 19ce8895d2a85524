"""A real vault with realistic documents for the review and health-overview GUI tests.

Documents are generated here (pymupdf) and imported through ``services.importing``: a two-page German
lab report with a text layer, two earlier/later lab reports in English and German (hemoglobin in
g/L and mmol/L, ferritin in an unconvertible unit), a medication plan photographed (no text layer)
and an older prescription. The model is the only thing faked: its answers (``Extraction`` objects, a
misread value among them) go through the real ``validation.pipeline.validate_page`` against the imported
pages' text layers and are stored with ``storage.items.insert_items``, as extraction does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from coheara.config import AppPaths
from coheara.domain import DocumentStatus
from coheara.schemas.extraction import DocumentInfo, Extraction, LabResult, Medication
from coheara.security.keys import KeyStore
from coheara.services import documents as documents_service
from coheara.services.importing import import_files
from coheara.services.vault import Vault, create_vault
from coheara.storage import documents as docs_store
from coheara.storage import items as items_store
from coheara.validation.pipeline import merge_document_meta, validate_page

PASSPHRASE = "test passphrase"
FONT = "helv"


def _pdf_page(doc: pymupdf.Document, header: list[str], rows: list[tuple[str, str, str, str]]) -> None:
    page = doc.new_page(width=595, height=842)
    y = 70.0
    for number, line in enumerate(header):
        page.insert_text((60, y), line, fontsize=15 if number == 0 else 10.5, fontname="hebo" if number == 0 else FONT)
        y += 24 if number == 0 else 16
    y += 18
    columns = (60, 250, 330, 410)
    if header[-1].startswith("Received"):
        titles = ("Test", "Result", "Unit", "Reference range")
    elif "Labor" in header[0] or "Labor" in header[1]:
        titles = ("Untersuchung", "Ergebnis", "Einheit", "Referenzbereich")
    else:
        titles = ("Medikament", "Stärke", "Dosierung", "Hinweise")
    for x, title in zip(columns, titles, strict=True):
        page.insert_text((x, y), title, fontsize=10.5, fontname="hebo")
    page.draw_line((60, y + 6), (535, y + 6), width=0.6)
    y += 24
    for row in rows:
        for x, text in zip(columns, row, strict=True):
            page.insert_text((x, y), text, fontsize=10.5, fontname=FONT)
        y += 20


def lab_pdf(header: list[str], pages: list[list[tuple[str, str, str, str]]]) -> bytes:
    doc = pymupdf.open()
    for rows in pages:
        _pdf_page(doc, header, rows)
    return doc.tobytes()


def photo_png(header: list[str], rows: list[tuple[str, str, str, str]]) -> bytes:
    """A medication plan as a picture: the same layout, but no text layer (as a phone photo)."""
    doc = pymupdf.open(stream=lab_pdf(header, [rows]), filetype="pdf")
    return doc[0].get_pixmap(dpi=110).tobytes("png")


IMPLAUSIBLE_GLUCOSE = "7400"  # the model misread "74": impossible, and not on the page

BERLIN = ["Labor Dr. Wagner · Berlin", "Befundbericht · Patientin: Anna Muster (fiktiv), geb. 02.04.1968",
          "Eingang: 14.03.2025"]
BERLIN_P1 = [("Hämoglobin", "13,2", "g/dl", "12,0 - 16,0"), ("Kalium", "5,7", "mmol/l", "3,5 - 5,1"),
             ("Glucose nüchtern", "74", "mg/dl", "70 - 100"), ("Kreatinin", "0,9", "mg/dl", "0,5 - 1,0")]
BERLIN_P2 = [("Ferritin", "45", "ng/ml", "15 - 150"), ("LDL-Cholesterin", "166", "mg/dl", "< 116"),
             ("TSH basal", "2,1", "mU/l", "0,4 - 4,0")]
LONDON = ["City Hospital Laboratory · London", "Patient: Anna Muster (fictitious)", "Received: 02 Sep 2024"]
LONDON_ROWS = [("Hemoglobin", "114", "g/L", "120 - 160"), ("Ferritin", "101", "pmol/L", "34 - 337"),
               ("Potassium", "4.4", "mmol/L", "3.5 - 5.1")]
MUNICH = ["Labor Dr. Keller · München", "Laborbefund · Anna Muster (fiktiv)", "Eingang: 20.06.2025"]
MUNICH_ROWS = [("Hb", "8,6", "mmol/l", "7,4 - 9,9"), ("Kalium", "4,8", "mmol/l", "3,5 - 5,1")]
PLAN = ["Medikationsplan · Anna Muster (fiktiv)", "Praxis Dr. Keller, Zürich", "Stand: 01.02.2025"]
PLAN_ROWS = [("Metformin", "850 mg", "1-0-1-0", "zu den Mahlzeiten"), ("Ramipril", "5 mg", "1-0-0-0", ""),
             ("Simvastatin", "20 mg", "0-0-1-0", "")]
OLD_RX = ["Rezept · Dr. Keller", "Anna Muster (fiktiv)", "Datum: 10.05.2023"]
OLD_RX_ROWS = [("Metformin", "500 mg", "1-0-1-0", ""), ("Simvastatin", "20 mg", "0-0-1-0", "")]


def labs_read(rows: list[tuple[str, str, str, str]], misread: dict[str, str] | None = None) -> list[LabResult]:
    """What the model answers for a lab table: the rows as printed, except where it misread a value."""
    misread = misread or {}
    return [LabResult(test=t, value=misread.get(t, v), unit=u, reference_range=r) for t, v, u, r in rows]


def meds_read(rows: list[tuple[str, str, str, str]]) -> list[Medication]:
    return [Medication(name=n, strength=s, dose=d, instructions=i or None) for n, s, d, i in rows]


@dataclass
class SampleVault:
    """The vault and the ids tests refer to."""

    paths: AppPaths
    vault: Vault
    docs: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)


def _import(vault: Vault, folder: Path, name: str, data: bytes) -> int:
    path = folder / name
    path.write_bytes(data)
    (outcome,) = import_files(vault, [path])
    assert outcome.status == "imported", outcome.reason
    path.unlink()
    return int(outcome.document_id or 0)


def _store(sample: SampleVault, doc: str, pages: list[Extraction], names: dict[str, str]) -> None:
    """Validate the fake model's answer against the real imported pages, then store it.

    ``names`` maps an item's title (drug or test as printed) to the name tests use for its id.
    """
    doc_id = sample.docs[doc]
    metas, items = [], []
    for index, extraction in enumerate(pages):
        validated = validate_page(extraction, documents_service.get_page(sample.vault, doc_id, index),
                                  page_index=index)
        metas.append(validated.document)
        items += validated.items
    with sample.vault.writing() as conn:
        docs_store.set_metadata(conn, doc_id, merge_document_meta(metas))
        docs_store.set_status(conn, doc_id, DocumentStatus.NEEDS_REVIEW)
        ids = items_store.insert_items(conn, doc_id, items)
    for item, item_id in zip(items, ids, strict=True):
        if item.title() in names:
            sample.items[names[item.title()]] = item_id


def build_sample_vault(tmp_path: Path) -> SampleVault:
    paths = AppPaths(tmp_path / "home")
    vault, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    sample = SampleVault(paths, vault)
    files = tmp_path / "incoming"
    files.mkdir()
    berlin = lab_pdf(BERLIN, [BERLIN_P1, BERLIN_P2])
    sample.docs["berlin"] = _import(vault, files, "Blutbild_Wagner_2025-03.pdf", berlin)
    sample.docs["london"] = _import(vault, files, "bloods_sept_2024.pdf", lab_pdf(LONDON, [LONDON_ROWS]))
    sample.docs["munich"] = _import(vault, files, "Labor_Keller_Juni.pdf", lab_pdf(MUNICH, [MUNICH_ROWS]))
    sample.docs["plan"] = _import(vault, files, "Medikationsplan.png", photo_png(PLAN, PLAN_ROWS))
    sample.docs["old_rx"] = _import(vault, files, "Rezept_2023.pdf", lab_pdf(OLD_RX, [OLD_RX_ROWS]))

    _store(sample, "berlin", [
        Extraction(document=DocumentInfo(type="lab_report", date="14.03.2025", language="de",
                                         issuer="Labor Dr. Wagner, Berlin"),
                   lab_results=labs_read(BERLIN_P1, {"Glucose nüchtern": IMPLAUSIBLE_GLUCOSE})),
        # The model read 160 where the page says 166: not found in the text, so unverified.
        Extraction(lab_results=labs_read(BERLIN_P2, {"LDL-Cholesterin": "160"})),
    ], {"Hämoglobin": "hb_berlin", "Kalium": "potassium", "Glucose nüchtern": "glucose", "Kreatinin": "creatinine",
        "Ferritin": "ferritin_berlin", "LDL-Cholesterin": "ldl", "TSH basal": "tsh"})
    _store(sample, "london", [
        Extraction(document=DocumentInfo(type="lab_report", date="02 Sep 2024", language="en",
                                         issuer="City Hospital Laboratory"), lab_results=labs_read(LONDON_ROWS)),
    ], {"Hemoglobin": "hb_london", "Ferritin": "ferritin_london", "Potassium": "potassium_london"})
    _store(sample, "munich", [
        Extraction(document=DocumentInfo(type="lab_report", date="20.06.2025", language="de",
                                         issuer="Labor Dr. Keller"), lab_results=labs_read(MUNICH_ROWS)),
    ], {"Hb": "hb_munich", "Kalium": "potassium_munich"})
    _store(sample, "plan", [
        Extraction(document=DocumentInfo(type="prescription", date="01.02.2025", language="de",
                                         issuer="Praxis Dr. Keller, Zürich"), medications=meds_read(PLAN_ROWS)),
    ], {"Metformin": "metformin_new", "Ramipril": "ramipril", "Simvastatin": "simvastatin_new"})
    _store(sample, "old_rx", [
        Extraction(document=DocumentInfo(type="prescription", date="10.05.2023", language="de",
                                         issuer="Dr. Keller"), medications=meds_read(OLD_RX_ROWS)),
    ], {"Metformin": "metformin_old", "Simvastatin": "simvastatin_old"})
    return sample
