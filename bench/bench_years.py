"""Years of records: a vault of ~1,400 documents and ~50,000 lab values, opened, browsed and exported.

Builds (once, cached in the temp folder by its parameters) a real SQLCipher vault through the storage
layer: lab reports of four pages and 45 values each, medication plans, doctors' letters (diagnoses,
allergies, procedures, referrals, instructions), spread over 15 years, with real page images and text
layers, every value validated against its page by the real pipeline, one model attempt per page, most
documents reviewed and some values confirmed, a few documents queued or failed.

Then prints, on this machine:
  1. unlock → library shown (the real window, offscreen): rows in the table, and every thumbnail in;
  2. the longest event-loop stall while each view loads: Library (from the unlock click), Medications,
     Lab results (with the chart of the busiest test), Review of a four-page lab report, its history —
     measured as bench_gui_stall.py does, with a 5 ms timer on the GUI thread;
  3. exports, each in a fresh process: the PDF summary at several sizes (seconds and ms per value, to
     show whether it grows linearly), Markdown, CSV and FHIR at full size, with each process's peak RSS
     and the file size.
Targets (issue #9): library within 1 s; no stall over 50 ms; PDF of the full vault under 30 s, linear;
FHIR export under 300 MB.

Run: .venv/bin/python bench/bench_years.py [--docs N] [--pdf-sizes 100,400,all] [--skip-gui] [--skip-exports]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

from review_health_data import lab_pdf  # noqa: E402

from coheara.config import AppPaths  # noqa: E402
from coheara.domain import DocumentStatus, FileKind  # noqa: E402
from coheara.domain.items import Domain, ExtractedItem, ReviewState  # noqa: E402
from coheara.domain.provenance import AttemptRecord  # noqa: E402
from coheara.raster import iter_pages  # noqa: E402
from coheara.schemas.extraction import (  # noqa: E402
    Allergy, Diagnosis, DocumentInfo, Extraction, Instruction, LabResult, Medication, Procedure, Referral,
)
from coheara.notice import NOTICE_VERSION  # noqa: E402
from coheara.security.keys import KeyStore  # noqa: E402
from coheara.services import settings as settings_service  # noqa: E402
from coheara.services.vault import Credentials, Vault, create_vault, unlock_vault  # noqa: E402
from coheara.storage import attempts as attempt_store  # noqa: E402
from coheara.storage import documents as doc_store  # noqa: E402
from coheara.storage import items as item_store  # noqa: E402
from coheara.validation.pipeline import validate_page  # noqa: E402

PASSPHRASE = "bench passphrase for years of records"
BUILD_VERSION = 1  # bump when the vault's content changes, so a cached one is rebuilt
DEFAULT_DOCS = 1400
TARGET_STALL_MS = 50.0

# (test as printed, unit, low, high, range as printed): a large German panel, 45 values.
PANEL: list[tuple[str, str, float, float, str]] = [
    ("Hämoglobin", "g/dl", 12.0, 16.0, ""), ("Hämatokrit", "%", 37, 47, ""), ("Erythrozyten", "/pl", 4.2, 5.4, ""),
    ("Leukozyten", "/nl", 4.0, 10.0, ""), ("Thrombozyten", "/nl", 150, 400, ""), ("MCV", "fl", 80, 96, ""),
    ("MCH", "pg", 27, 33, ""), ("MCHC", "g/dl", 32, 36, ""), ("Natrium", "mmol/l", 135, 145, ""),
    ("Kalium", "mmol/l", 3.5, 5.1, ""), ("Calcium", "mmol/l", 2.1, 2.6, ""), ("Chlorid", "mmol/l", 98, 107, ""),
    ("Kreatinin", "mg/dl", 0.5, 1.0, ""), ("Harnstoff", "mg/dl", 17, 43, ""), ("Harnsäure", "mg/dl", 2.4, 5.7, ""),
    ("GOT (AST)", "U/l", 10, 35, ""), ("GPT (ALT)", "U/l", 10, 35, ""), ("Gamma-GT", "U/l", 5, 39, ""),
    ("Alkalische Phosphatase", "U/l", 35, 105, ""), ("Bilirubin gesamt", "mg/dl", 0.1, 1.2, ""),
    ("LDH", "U/l", 135, 214, ""), ("CK", "U/l", 10, 170, ""), ("Lipase", "U/l", 13, 60, ""),
    ("CRP", "mg/l", 0, 5, "< 5,0"), ("TSH", "mU/l", 0.4, 4.0, ""), ("fT4", "ng/dl", 0.9, 1.7, ""),
    ("Glukose nüchtern", "mg/dl", 70, 100, ""), ("HbA1c", "%", 4.0, 5.7, "< 5,7"),
    ("Cholesterin", "mg/dl", 120, 200, "< 200"), ("HDL-Cholesterin", "mg/dl", 45, 90, "> 45"),
    ("LDL-Cholesterin", "mg/dl", 60, 116, "< 116"), ("Triglyceride", "mg/dl", 50, 150, "< 150"),
    ("Ferritin", "ng/ml", 15, 150, ""), ("Eisen", "µg/dl", 50, 170, ""), ("Transferrin", "mg/dl", 200, 360, ""),
    ("Vitamin B12", "pg/ml", 197, 771, ""), ("Folsäure", "ng/ml", 3.9, 26.8, ""),
    ("Vitamin D (25-OH)", "ng/ml", 30, 100, ""), ("Albumin", "g/dl", 3.5, 5.2, ""),
    ("Gesamteiweiß", "g/dl", 6.4, 8.3, ""), ("Quick", "%", 70, 120, ""), ("INR", "", 0.85, 1.15, ""),
    ("PTT", "s", 25, 37, ""), ("eGFR", "ml/min", 60, 120, "> 60"), ("Magnesium", "mmol/l", 0.66, 1.07, ""),
]
PAGE_SPLIT = (11, 11, 12, 11)  # rows per page of a lab report
LAB_VARIANTS = 8
PLANS = [
    [("Metformin", "500 mg", "1-0-1-0", "zu den Mahlzeiten"), ("Ramipril", "2,5 mg", "1-0-0-0", ""),
     ("Simvastatin", "20 mg", "0-0-1-0", "")],
    [("Metformin", "850 mg", "1-0-1-0", "zu den Mahlzeiten"), ("Ramipril", "5 mg", "1-0-0-0", ""),
     ("Simvastatin", "20 mg", "0-0-1-0", ""), ("Pantoprazol", "20 mg", "1-0-0-0", "vor dem Frühstück")],
    [("Metformin", "1000 mg", "1-0-1-0", "zu den Mahlzeiten"), ("Ramipril", "5 mg", "1-0-0-0", ""),
     ("Atorvastatin", "40 mg", "0-0-1-0", ""), ("L-Thyroxin", "50 µg", "1-0-0-0", "nüchtern"),
     ("ASS", "100 mg", "1-0-0-0", "")],
    [("Metformin", "1000 mg", "1-0-1-0", "zu den Mahlzeiten"), ("Ramipril", "10 mg", "1-0-0-0", ""),
     ("Atorvastatin", "40 mg", "0-0-1-0", ""), ("L-Thyroxin", "75 µg", "1-0-0-0", "nüchtern"),
     ("Bisoprolol", "2,5 mg", "1-0-0-0", ""), ("ASS", "100 mg", "1-0-0-0", "")],
]
LETTER_ROWS = [("Diabetes mellitus Typ 2", "E11.9", "", ""), ("Arterielle Hypertonie", "I10", "", ""),
               ("Penicillin", "Exanthem", "", ""), ("Koloskopie", "12.01.2020", "unauffällig", ""),
               ("Kardiologie", "Belastungs-EKG", "", ""), ("Blutzucker täglich messen", "", "", "")]


# -- building the vault -------------------------------------------------------------------------------

def _german(value: float) -> str:
    return (f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}").replace(".", ",")


def _lab_rows(variant: int) -> list[tuple[str, str, str, str]]:
    rows = []
    for number, (test, unit, low, high, printed_range) in enumerate(PANEL):
        # Values wander through and a little beyond the reference range over the variants.
        swing = ((variant * 5 + number * 3) % LAB_VARIANTS) / (LAB_VARIANTS - 1) * 1.3 - 0.15
        value = low + (high - low) * swing
        rows.append((test, _german(max(value, 0.01)), unit, printed_range or f"{_german(low)} - {_german(high)}"))
    return rows


def _split(rows: list[Any], sizes: tuple[int, ...]) -> list[list[Any]]:
    out, start = [], 0
    for size in sizes:
        out.append(rows[start:start + size])
        start += size
    return out


class Template:
    """One kind of document as imported and read: its bytes, pages and validated items per page."""

    def __init__(self, doc_type: str, header: list[str], pages: list[list[tuple[str, str, str, str]]],
                 extractions: list[Extraction]) -> None:
        self.doc_type = doc_type
        self.pdf = lab_pdf(header, pages)
        self.pages = list(iter_pages(self.pdf, FileKind.PDF))
        self.issuer = header[0]
        self.items: list[list[ExtractedItem]] = []
        self.raw: list[str] = []
        for index, extraction in enumerate(extractions):
            validated = validate_page(extraction, self.pages[index], page_index=index, language="de")
            self.items.append(validated.items)
            self.raw.append(extraction.model_dump_json(exclude_none=True))


def _templates() -> dict[str, list[Template]]:
    labs = []
    for variant in range(LAB_VARIANTS):
        printed = _lab_rows(variant)
        read = list(printed)
        # As a model reads: one value misread per report (unverified), an impossible one now and then.
        test, value, unit, ref = read[(variant * 7) % len(read)]
        read[(variant * 7) % len(read)] = (test, value + "1", unit, ref)
        if variant % 4 == 1:
            read[26] = (read[26][0], "7400", read[26][2], read[26][3])
        extractions = [Extraction(document=DocumentInfo(type="lab_report", date="01.01.2020", language="de"),
                                  lab_results=[LabResult(test=t, value=v, unit=u or None, reference_range=r)
                                               for t, v, u, r in rows]) for rows in _split(read, PAGE_SPLIT)]
        pages = _split(printed, PAGE_SPLIT)
        header = [f"Labor Dr. Wagner · Befund {variant + 1}", "Patientin: Anna Muster (fiktiv)", "Eingang: 01.01.2020"]
        labs.append(Template("lab_report", header, pages, extractions))
    plans = []
    for variant, rows in enumerate(PLANS):
        extraction = Extraction(document=DocumentInfo(type="prescription", language="de"),
                                medications=[Medication(name=n, strength=s, dose=d, instructions=i or None)
                                             for n, s, d, i in rows])
        plans.append(Template("prescription", [f"Medikationsplan {variant + 1} · Anna Muster (fiktiv)",
                                               "Praxis Dr. Keller", "Stand: 01.01.2020"], [rows], [extraction]))
    letter = Extraction(
        document=DocumentInfo(type="letter", language="de"),
        diagnoses=[Diagnosis(text="Diabetes mellitus Typ 2", code="E11.9"), Diagnosis(text="Arterielle Hypertonie",
                                                                                     code="I10")],
        allergies=[Allergy(substance="Penicillin", reaction="Exanthem")],
        procedures=[Procedure(text="Koloskopie", date="12.01.2020", findings="unauffällig")],
        referrals=[Referral(to="Kardiologie", reason="Belastungs-EKG")],
        instructions=[Instruction(text="Blutzucker täglich messen")],
    )
    letters = [Template("letter", ["Arztbrief · Klinikum Nord", "Anna Muster (fiktiv)", "Datum: 01.01.2020"],
                        [LETTER_ROWS], [letter])]
    return {"lab_report": labs, "prescription": plans, "letter": letters}


def _kind(number: int) -> str:
    slot = number % 50
    return "lab_report" if slot < 41 else "prescription" if slot < 47 else "letter"


def build_vault(home: Path, docs: int) -> None:
    """A vault of ``docs`` documents at ``home`` (see the module docstring)."""
    started = time.perf_counter()
    paths = AppPaths(home)
    paths.ensure()
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    templates = _templates()
    first_day, span = date(2011, 1, 1), 15 * 365
    for start in range(0, docs, 100):
        with vault.writing() as conn:
            for number in range(start, min(start + 100, docs)):
                _add_document(conn, templates, number, first_day + timedelta(days=span * number // max(docs, 1)))
    print(f"built the vault in {time.perf_counter() - started:.1f} s", flush=True)


def _add_document(conn: Any, templates: dict[str, list[Template]], number: int, day: date) -> None:
    kind = _kind(number)
    choices = templates[kind]
    template = choices[number % len(choices)]
    data = template.pdf + f"\n%bench document {number}\n".encode()
    doc_id = doc_store.insert_document(conn, filename=f"{kind}_{day.isoformat()}_{number}.pdf",
                                       sha256=f"{number:064x}", kind=FileKind.PDF, data=data,
                                       page_count=len(template.pages))
    for page in template.pages:
        doc_store.insert_page(conn, doc_id, page)
    if number % 97 == 5:
        return  # still queued: never read
    if number % 131 == 7:
        doc_store.set_status(conn, doc_id, DocumentStatus.FAILED, "The local AI engine stopped answering.")
        return
    doc_store.set_metadata(conn, doc_id, {"type": template.doc_type, "date": day.isoformat(),
                                          "issuer": template.issuer, "language": "de"})
    reviewed = number % 4 != 0
    confirmed = reviewed and number % 3 == 0
    for index, page_items in enumerate(template.items):
        attempt = attempt_store.insert_attempt(conn, AttemptRecord(
            document_id=doc_id, page_index=index, strategy="A", model="coheara-medgemma-4b-q8", variant="q8",
            prompt_version="3", started_at=_moment(day), seconds=41.5, tokens=900, requests=1, image_encodes=1,
            outcome="ok", stop_reason="done", raw_output=template.raw[index]))
        state = ReviewState.CONFIRMED if confirmed else ReviewState.PENDING
        item_store.insert_items(conn, doc_id, [replace(i, attempt_id=attempt, review_state=state) for i in page_items])
    doc_store.set_status(conn, doc_id, DocumentStatus.REVIEWED if reviewed else DocumentStatus.NEEDS_REVIEW)


def _moment(day: date) -> Any:
    from datetime import UTC, datetime

    return datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC)


def vault_home(docs: int) -> Path:
    """The cached vault for these parameters (built when missing)."""
    home = Path(tempfile.gettempdir()) / f"coheara-bench-years-v{BUILD_VERSION}-{docs}" / "home"
    done = home.parent / "built"
    if not done.exists():
        if home.parent.exists():
            import shutil

            shutil.rmtree(home.parent)
        build_vault(home, docs)
        done.write_text("ok")
    paths = AppPaths(home)
    settings = settings_service.load(paths)
    if settings.terms_accepted != NOTICE_VERSION:  # the window opens on the library, not on the terms
        settings.terms_accepted = NOTICE_VERSION
        settings_service.save(paths, settings)
    return home


def open_vault(home: Path) -> Vault:
    paths = AppPaths(home)
    keystore = KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14)
    return unlock_vault(paths, keystore, Credentials(passphrase=PASSPHRASE, use_keyring=False))


def counts(vault: Vault) -> dict[str, int]:
    with vault.reading() as conn:
        out = {"documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0]}
        for domain, count in conn.execute("SELECT domain, count(*) FROM items WHERE deleted = 0 GROUP BY domain"):
            out[domain] = count
    return out


# -- the window ---------------------------------------------------------------------------------------

class Figures(list[tuple[str, float, float]]):
    """(what, seconds until settled, worst stall in ms), printed as each is measured."""

    def append(self, figure: tuple[str, float, float]) -> None:
        super().append(figure)
        what, seconds, stall = figure
        verdict = "met" if stall < TARGET_STALL_MS else "NOT met"
        print(f"{what}: settled in {seconds:.2f} s; worst stall {stall:.0f} ms (< {TARGET_STALL_MS:.0f} ms: "
              f"{verdict})", flush=True)


def gui_figures(home: Path, expected_docs: int) -> list[tuple[str, float, float]]:
    """(what, seconds until settled, worst stall in ms) for unlocking and each view."""
    from bench_gui_stall import StallMeter

    from coheara.gui.context import GuiContext
    from coheara.gui.main import application
    from coheara.gui.views.unlock import KeyOptions
    from coheara.gui.window import MainWindow

    application()
    ctx = GuiContext(AppPaths(home), {"OLLAMA_HOST": "http://127.0.0.1:9", "COHEARA_MODEL": "q8"})
    window = MainWindow(ctx, KeyOptions(keyring_backend=None, kdf_n=2**14))
    window.resize(1200, 800)
    window.show()
    window.start()
    wait_until(lambda: window.pages.currentWidget() is window.unlock and not ctx.runner.busy())
    figures = Figures()

    def settled(view: Any) -> bool:
        reloader = getattr(view, "reloader", None)
        return (not ctx.runner.busy() and not getattr(view, "_loading", False)
                and not (reloader is not None and reloader.pending()) and not _filling(view))

    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    window.unlock.passphrase.setText(PASSPHRASE)
    window.unlock.unlock_button.click()
    shown = wait_until(lambda: window.pages.currentWidget() is window.shell
                       and window.library.model.rowCount() == expected_docs)
    complete = wait_until(lambda: settled(window.library)) + shown
    meter.stop()
    print(f"unlock → library shown ({expected_docs} rows): {shown:.2f} s; every thumbnail in: "
          f"{time.perf_counter() - started:.2f} s", flush=True)
    figures.append(("Library (unlock → settled)", complete, max(meter.gaps_ms, default=0.0)))
    _culprits("Library", meter)

    for name, view in (("Medications", window.medications), ("Lab results", window.labs)):
        meter = StallMeter()
        meter.start()
        started = time.perf_counter()
        window.show_view(name)
        wait_until(lambda v=view: settled(v))
        meter.stop()
        figures.append((name, time.perf_counter() - started, max(meter.gaps_ms, default=0.0)))
        _culprits(name, meter)

    with ctx.require_vault().reading() as conn:
        review_id = conn.execute("SELECT d.id FROM documents d JOIN items i ON i.document_id = d.id"
                                 " WHERE d.doc_type = 'lab_report' GROUP BY d.id ORDER BY count(*) DESC, d.id DESC"
                                 " LIMIT 1").fetchone()[0]
    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    window.open_review(review_id)
    wait_until(lambda: settled(window.review) and window.review.pages.is_sharp())
    meter.stop()
    figures.append(("Review (4 pages, 45 values)", time.perf_counter() - started, max(meter.gaps_ms, default=0.0)))
    _culprits("Review", meter)

    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    window.review.show_history()
    wait_until(lambda: not ctx.runner.busy())
    meter.stop()
    figures.append(("Review history", time.perf_counter() - started, max(meter.gaps_ms, default=0.0)))

    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    window.show_view("Lab results")
    wait_until(lambda: settled(window.labs))
    longest = 0.0
    for typed in ("kalium", ""):  # typing runs the filter at once, on the GUI thread
        before = time.perf_counter()
        window.labs.filter_edit.setText(typed)
        longest = max(longest, (time.perf_counter() - before) * 1000)
        wait_until(lambda: settled(window.labs))
    meter.stop()
    figures.append(("Lab results: filter typed, cleared", time.perf_counter() - started,
                    max([longest, *meter.gaps_ms])))
    _culprits("Lab filter", meter)

    window.shutdown()
    ctx.runner.wait_idle()
    window.close()
    return figures


def wait_until(condition: Any, timeout_s: float = 600) -> float:
    """Run the event loop (as the app does, waiting for events) until ``condition()``; the seconds."""
    from coheara.gui.qt import QtCore

    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout_s:
            raise SystemExit("timed out")
        loop = QtCore.QEventLoop()
        QtCore.QTimer.singleShot(20, loop.quit)
        loop.exec()
    return time.perf_counter() - started


def _filling(view: Any) -> bool:
    """A view still filling its tables in chunks (views without chunks are never filling)."""
    filling = getattr(view, "filling", None)
    return bool(filling()) if callable(filling) else False


def _culprits(name: str, meter: Any) -> None:
    if meter.culprits:
        seen = ", ".join(f"{where} ({samples})" for where, samples in meter.culprits.most_common(4))
        print(f"  {name}: GUI-thread code seen in stalls > 40 ms (samples every 10 ms): {seen}", flush=True)


# -- exports ------------------------------------------------------------------------------------------

def export_child(home: Path, fmt: str, limit: int | None, output: Path) -> None:
    """Runs in a fresh process: one export, then its figures as one JSON line."""
    from coheara.services.exporting import EVERYTHING, ExportScope, export_to_file

    vault = open_vault(home)
    with vault.reading() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    scope = EVERYTHING if limit is None else ExportScope(documents=set(ids[:limit]))
    if fmt == "pdf":
        import pymupdf  # noqa: F401 - loaded before the baseline, as the app has it loaded

    base = peak_rss_mb()
    started = time.perf_counter()
    result = export_to_file(vault, fmt, output, scope)
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    documents = len(ids) if limit is None else min(limit, len(ids))
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "base_mb": base, "items": result.count,
                      "bytes": output.stat().st_size, "documents": documents}))


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM where Linux has it: ``ru_maxrss`` carries the peak of
    the parent across fork and exec (after the window's measurements, that of the window)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_export(home: Path, fmt: str, limit: int | None, folder: Path) -> dict[str, Any]:
    output = folder / f"export-{fmt}-{limit or 'all'}.out"
    command = [sys.executable, str(Path(__file__).resolve()), "--export-child", str(home), fmt,
               str(limit or 0), str(output)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the {fmt} export failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    output.unlink(missing_ok=True)
    return figures


def export_figures(home: Path, docs: int, pdf_sizes: list[int | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for limit in pdf_sizes:
            f = run_export(home, "pdf", limit, folder)
            print(f"PDF summary, {f['documents']} documents, {f['items']} values: {f['seconds']:.1f} s, "
                  f"{1000 * f['seconds'] / max(f['items'], 1):.2f} ms per value, peak RSS {f['peak_mb']:.0f} MB, "
                  f"{f['bytes'] / 1e6:.1f} MB file", flush=True)
        for fmt in ("md", "csv", "fhir"):
            f = run_export(home, fmt, None, folder)
            print(f"{fmt.upper()} export, {f['documents']} documents, {f['items']} values: {f['seconds']:.1f} s, "
                  f"peak RSS {f['peak_mb']:.0f} MB (before the export: {f['base_mb']:.0f} MB), "
                  f"{f['bytes'] / 1e6:.1f} MB file", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help="documents in the vault (default 1400)")
    parser.add_argument("--pdf-sizes", default="100,400,all", help="documents per PDF export, 'all' for every one")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--skip-exports", action="store_true")
    parser.add_argument("--export-child", nargs=4, metavar=("HOME", "FORMAT", "LIMIT", "OUTPUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        home, fmt, limit, output = args.export_child
        export_child(Path(home), fmt, int(limit) or None, Path(output))
        return 0

    home = vault_home(args.docs)
    vault = open_vault(home)
    numbers = counts(vault)
    print(f"vault: {numbers['documents']} documents, {numbers.get('lab_results', 0)} lab values, "
          f"{numbers.get('medications', 0)} medications, {sum(v for k, v in numbers.items() if k != 'documents')} "
          f"values in all; {os.cpu_count()} CPU cores; {home}", flush=True)
    if not args.skip_gui:
        gui_figures(home, numbers["documents"])
    if not args.skip_exports:
        sizes = [None if s.strip() == "all" else int(s) for s in args.pdf_sizes.split(",") if s.strip()]
        export_figures(home, args.docs, [s if s is None or s < args.docs else None for s in sizes])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
