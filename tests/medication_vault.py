"""A real vault whose medications change across documents, for the reconciliation tests (GUI, service,
PDF and Markdown).

Documents are generated (pymupdf, with a text layer) and imported through ``services.importing``; the
model's answers go through the real ``validation.pipeline.validate_page`` and are stored as extraction
does (``review_health_data._store``). What each document says:

- 2022-01-10 prescription: simvastatin (never named again: "not seen since");
- 2024-11-20 discharge letter after a heart attack: aspirin, atorvastatin, metoprolol, ramipril 2.5 mg;
- 2025-03-05 prescription from the GP, two pages: metformin only, on both pages (a repeated line);
- 2025-06-12 cardiology letter: metoprolol "abgesetzt" (stopped), ramipril 5 mg (a dose change);
- 2025-08-01 medication plan from the GP: metformin again, the same line (collapses with the one before).

The newest document is 2025-08-01, so anything last named before 2024-08-01 is "not seen since".
"""

from __future__ import annotations

from pathlib import Path

from review_health_data import PASSPHRASE, SampleVault, _import, _store, lab_pdf, meds_read

from coheara.config import AppPaths
from coheara.schemas.extraction import DocumentInfo, Extraction
from coheara.security.keys import KeyStore
from coheara.services.vault import create_vault

Rows = list[tuple[str, str, str, str]]

OLD_RX: Rows = [("Simvastatin", "20 mg", "0-0-1-0", "")]
DISCHARGE: Rows = [("Aspirin cardio", "100 mg", "1-0-0-0", "lebenslang"), ("Atorvastatin", "40 mg", "0-0-1-0", ""),
                   ("Metoprolol", "50 mg", "1-0-1-0", ""), ("Ramipril", "2,5 mg", "1-0-0-0", "")]
GP_RX: Rows = [("Metformin", "500 mg", "1-0-1-0", "zu den Mahlzeiten")]
CARDIO: Rows = [("Metoprolol", "50 mg", "", "abgesetzt"), ("Ramipril", "5 mg", "1-0-0-0", "")]
PLAN: Rows = [("Metformin", "500 mg", "1-0-1-0", "zu den Mahlzeiten")]

# role: (file name, header printed on each page, rows of each page, document type, printed date, issuer)
DOCUMENTS: dict[str, tuple[str, list[str], list[Rows], str, str, str]] = {
    "old_rx": ("Rezept_2022.pdf", ["Rezept", "Dr. Huber, Bern", "Datum: 10.01.2022"], [OLD_RX],
               "prescription", "10.01.2022", "Dr. Huber, Bern"),
    "discharge": ("Austrittsbericht_Herzinfarkt.pdf",
                  ["Austrittsbericht Kardiologie", "Universitätsspital Zürich", "Datum: 20.11.2024"], [DISCHARGE],
                  "letter", "20.11.2024", "Universitätsspital Zürich, Kardiologie"),
    "gp_rx": ("Rezept_Hausarzt_Maerz.pdf", ["Rezept", "Praxis Dr. Keller, Zürich", "Datum: 05.03.2025"],
              [GP_RX, GP_RX],
              "prescription", "05.03.2025", "Praxis Dr. Keller, Zürich"),
    "cardio": ("Kontrolle_Kardiologie_Juni.pdf", ["Sprechstundenbericht", "Kardiologie Zürich", "Datum: 12.06.2025"],
               [CARDIO], "letter", "12.06.2025", "Kardiologie Zürich"),
    "plan": ("Medikationsplan_August.pdf", ["Medikationsplan", "Praxis Dr. Keller, Zürich", "Stand: 01.08.2025"],
             [PLAN], "prescription", "01.08.2025", "Praxis Dr. Keller, Zürich"),
}


def build_medication_vault(tmp_path: Path) -> SampleVault:
    """The vault above; ``docs`` holds the document ids by role."""
    paths = AppPaths(tmp_path / "home")
    vault, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    sample = SampleVault(paths, vault)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for role, (filename, header, pages, _type, _date, _issuer) in DOCUMENTS.items():
        sample.docs[role] = _import(vault, incoming, filename, lab_pdf(header, pages))
    for role, (_filename, _header, pages, doc_type, printed, issuer) in DOCUMENTS.items():
        info = DocumentInfo(type=doc_type, date=printed, language="de", issuer=issuer)
        _store(sample, role, [Extraction(document=info if index == 0 else DocumentInfo(), medications=meds_read(rows))
                              for index, rows in enumerate(pages)], {})
    return sample
