"""Time ``validate_page`` on a dense lab page: 60 result rows, a real PDF text layer, German spelling.

Builds the page with pymupdf in memory (nothing is written to disk), the way the raster stage does:
words from ``page.get_text("words")`` with boxes in 0..1 of the page. Each round uses a fresh
``PageImage`` so the text index is rebuilt every time, as it is for a new page. Target: well under
20 ms per page. Run: ``.venv/bin/python bench/bench_validation.py``.
"""

from __future__ import annotations

import statistics
import time

import pymupdf

from coheara.domain import PageImage, TextWord
from coheara.schemas.extraction import Extraction
from coheara.validation.ground import PageIndex, ground
from coheara.validation.pipeline import validate_page

ROWS = [
    ("Hämoglobin", "13,2", "g/dl", "12,0 - 16,0", ""),
    ("Hämatokrit", "39,5", "%", "37 - 47", ""),
    ("Erythrozyten", "4,41", "T/l", "4,0 - 5,2", ""),
    ("Leukozyten", "11,8", "G/l", "4,0 - 10,0", "H"),
    ("Thrombozyten", "262", "G/l", "150 - 400", ""),
    ("MCV", "89,6", "fl", "80 - 96", ""),
    ("MCH", "29,9", "pg", "27 - 33", ""),
    ("MCHC", "33,4", "g/dl", "32 - 36", ""),
    ("RDW", "13,1", "%", "11,5 - 14,5", ""),
    ("Neutrophile", "72", "%", "40 - 75", ""),
    ("Lymphozyten", "19", "%", "20 - 45", "L"),
    ("Monozyten", "6", "%", "2 - 10", ""),
    ("Eosinophile", "2", "%", "1 - 5", ""),
    ("Basophile", "1", "%", "0 - 1", ""),
    ("Natrium", "139", "mmol/l", "135 - 145", ""),
    ("Kalium", "4,6", "mmol/l", "3,5 - 5,1", ""),
    ("Chlorid", "101", "mmol/l", "98 - 107", ""),
    ("Calcium", "2,31", "mmol/l", "2,15 - 2,55", ""),
    ("Magnesium", "0,82", "mmol/l", "0,66 - 1,07", ""),
    ("Phosphat", "1,12", "mmol/l", "0,81 - 1,45", ""),
    ("Glucose nüchtern", "112", "mg/dl", "70 - 100", "H"),
    ("HbA1c", "6,1", "%", "< 5,7", "H"),
    ("Kreatinin", "1,08", "mg/dl", "0,5 - 0,9", "H"),
    ("eGFR (CKD-EPI)", "58", "ml/min/1,73m²", "> 60", "L"),
    ("Harnstoff", "41", "mg/dl", "17 - 43", ""),
    ("Harnsäure", "6,9", "mg/dl", "2,4 - 5,7", "H"),
    ("GOT (AST)", "24", "U/l", "< 35", ""),
    ("GPT (ALT)", "31", "U/l", "< 35", ""),
    ("Gamma-GT", "48", "U/l", "< 40", "H"),
    ("Alkalische Phosphatase", "77", "U/l", "35 - 105", ""),
    ("Bilirubin gesamt", "0,7", "mg/dl", "< 1,2", ""),
    ("Bilirubin direkt", "0,2", "mg/dl", "< 0,3", ""),
    ("Albumin", "4,2", "g/dl", "3,5 - 5,2", ""),
    ("Gesamteiweiß", "7,1", "g/dl", "6,6 - 8,7", ""),
    ("CRP", "12,4", "mg/l", "< 5,0", "H"),
    ("Ferritin", "28", "ng/ml", "13 - 150", ""),
    ("Eisen", "61", "µg/dl", "37 - 145", ""),
    ("Transferrin", "2,9", "g/l", "2,0 - 3,6", ""),
    ("Transferrinsättigung", "15", "%", "16 - 45", "L"),
    ("TSH basal", "2,14", "mU/l", "0,27 - 4,2", ""),
    ("fT4", "1,21", "ng/dl", "0,93 - 1,7", ""),
    ("fT3", "3,1", "pg/ml", "2,0 - 4,4", ""),
    ("Cholesterin gesamt", "231", "mg/dl", "< 200", "H"),
    ("LDL-Cholesterin", "152", "mg/dl", "< 116", "H"),
    ("HDL-Cholesterin", "48", "mg/dl", "> 45", ""),
    ("Triglyceride", "164", "mg/dl", "< 150", "H"),
    ("LDH", "212", "U/l", "135 - 214", ""),
    ("CK", "98", "U/l", "< 170", ""),
    ("Lipase", "34", "U/l", "13 - 60", ""),
    ("Quick", "92", "%", "70 - 120", ""),
    ("INR", "1,04", "", "0,85 - 1,15", ""),
    ("aPTT", "29", "s", "25 - 37", ""),
    ("Fibrinogen", "3,4", "g/l", "2,0 - 4,0", ""),
    ("25-OH-Vitamin D", "18", "ng/ml", "30 - 100", "L"),
    ("Vitamin B12", "312", "pg/ml", "197 - 771", ""),
    ("Folsäure", "6,2", "ng/ml", "3,9 - 26,8", ""),
    ("PSA", "1,2", "ng/ml", "< 4,0", ""),
    ("NT-proBNP", "96", "pg/ml", "< 125", ""),
    ("Troponin T hs", "9", "ng/l", "< 14", ""),
    ("Amylase", "61", "U/l", "28 - 100", ""),
]


def dense_page() -> PageImage:
    """A one-page German lab report with the 60 rows above, as the raster stage would hand it over."""
    doc = pymupdf.open()
    pdf_page = doc.new_page(width=595, height=842)
    pdf_page.insert_text(
        (40, 40), "Laborbefund vom 02.06.2025 - Praxis Dr. Muster, Referenzbereich und Einheit", fontsize=8
    )
    for row, (test, value, unit, ref, flag) in enumerate(ROWS):
        y = 60 + row * 12.5
        for x, text in ((40, test), (230, value), (290, flag), (320, unit), (420, ref)):
            if text:
                pdf_page.insert_text((x, y), text, fontsize=8)
    rect = pdf_page.rect
    words = tuple(
        TextWord(w[4], w[0] / rect.width, w[1] / rect.height, w[2] / rect.width, w[3] / rect.height)
        for w in pdf_page.get_text("words")
    )
    return PageImage(0, b"", pdf_page.get_text(), words, int(rect.width), int(rect.height), (0, 0, 896, 896))


def extraction() -> Extraction:
    rows = [
        {"test": t, "value": v, "unit": u or None, "reference_range": r, "flag": f or None} for t, v, u, r, f in ROWS
    ]
    return Extraction.model_validate(
        {"document": {"type": "lab_report", "date": "02.06.2025", "language": "de"}, "lab_results": rows}
    )


def main() -> None:
    base = dense_page()
    data = extraction()
    result = validate_page(data, base, page_index=0)
    verified = sum(item.verification.value == "verified" for item in result.items)
    print(f"page: {len(base.words)} words, {len(result.items)} items, {verified} verified")
    values = [v for row in ROWS for v in row if v]
    index_times, ground_times, page_times = [], [], []
    for _ in range(200):
        page = PageImage(0, b"", base.text, base.words, base.source_width, base.source_height, base.content_box)
        start = time.perf_counter()
        PageIndex(page.words)
        index_times.append(time.perf_counter() - start)
        page = PageImage(0, b"", base.text, base.words, base.source_width, base.source_height, base.content_box)
        start = time.perf_counter()
        for value in values:
            ground(value, page)
        ground_times.append(time.perf_counter() - start)
        page = PageImage(0, b"", base.text, base.words, base.source_width, base.source_height, base.content_box)
        start = time.perf_counter()
        validate_page(data, page, page_index=0)
        page_times.append(time.perf_counter() - start)
    print(f"{len(values)} printed values grounded per round")
    rows = (
        ("index build", index_times),
        ("ground all values (index incl.)", ground_times),
        ("validate_page (index incl.)", page_times),
    )
    for label, times in rows:
        ms = sorted(t * 1000 for t in times)
        # The minimum is what a quiet machine gives; median and p95 include other processes' noise.
        median, p95 = statistics.median(ms), ms[int(len(ms) * 0.95)]
        print(f"{label:32s} min {ms[0]:6.2f} ms  median {median:6.2f} ms  p95 {p95:6.2f} ms")


if __name__ == "__main__":
    main()
