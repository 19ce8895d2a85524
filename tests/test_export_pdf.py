"""The PDF summary: the notice on every page, the values readable, the layout holding up when long."""

from __future__ import annotations

from dataclasses import replace

import pymupdf
import pytest
from export_support import PATIENT_FILE_NAME, empty_data, lab, sample_data

from coheara.export.data import ExportData
from coheara.export.pdf import render_pdf
from coheara.notice import SHORT_NOTICE

# Expand ligatures ("ﬁ" → "fi") so the text reads as a doctor would copy it.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES


def page_texts(pdf: bytes) -> list[str]:
    with pymupdf.open("pdf", pdf) as doc:
        return [" ".join(page.get_text(flags=TEXT_FLAGS).split()) for page in doc]


def many_creatinine_values(count: int) -> ExportData:
    data = sample_data()
    extra = [lab(1000 + i, 1, "Kreatinin", f"{0.80 + i / 100:.2f}".replace(".", ","), "mg/dl", "0,5 - 1,0",
                 num=round(0.80 + i / 100, 2), canonical="mg/dL", ucum="mg/dL", low=0.5, high=1.0, flag="N",
                 analyte="creatinine", display="Creatinine", loinc="2160-0",
                 date=f"{2010 + i // 12}-{i % 12 + 1:02d}-01") for i in range(count)]
    return replace(data, items=data.items + extra)


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_data())


@pytest.fixture(scope="module")
def long_pdf_texts() -> list[str]:
    return page_texts(render_pdf(many_creatinine_values(150)))


def test_page_one_shows_the_notice_and_the_values(sample_pdf: bytes) -> None:
    with pymupdf.open("pdf", sample_pdf) as doc:
        page = doc[0]
        pixmap = page.get_pixmap(dpi=60)
        png = pixmap.tobytes("png")
        # The notice box is drawn in amber: a patient sees it before any value.
        samples = pixmap.samples
        amber = sum(1 for i in range(0, len(samples), 3 * 7) if samples[i:i + 3] == b"\xff\xf4\xd6")
    assert png.startswith(b"\x89PNG") and amber > 100
    text = page_texts(sample_pdf)[0]
    assert text.count(SHORT_NOTICE) == 2  # the header band and the notice box
    assert "Health AI Developer Foundations Terms of Use" in text
    assert "Metformin Mepha" in text and "1-0-1-0" in text
    assert "7400 mg/dL" in text and "implausible" in text


def test_every_page_carries_the_notice_and_a_page_number(long_pdf_texts: list[str]) -> None:
    texts = long_pdf_texts
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert SHORT_NOTICE in text
        assert f"page {number} of {len(texts)}" in text


def test_long_tables_repeat_their_header_on_the_next_page(long_pdf_texts: list[str]) -> None:
    texts = long_pdf_texts
    continued = [t for t in texts if "Creatinine (LOINC 2160-0) (continued)" in t]
    assert continued and all("Date Result Reference Flag As printed Verification Source" in t for t in continued)
    everything = " ".join(texts)
    assert "Kreatinin 0,80 mg/dl" in everything and "Kreatinin 2,29 mg/dl" in everything


def test_later_values_are_on_page_two(sample_pdf: bytes) -> None:
    texts = page_texts(sample_pdf)
    assert len(texts) == 3  # the medications not seen for a year have their own section
    assert "5.7 mmol/L 3.5–5.1 high Kalium 5,7 mmol/l confirmed" in texts[1]
    everything = " ".join(texts)
    assert "5.7 mmol/L 3.5–5.1 high Kalium 5,7 mmol/l confirmed" in everything
    assert "Penicillin Exanthem verified" in everything


def test_no_file_name_and_document_metadata(sample_pdf: bytes) -> None:
    everything = " ".join(page_texts(sample_pdf))
    assert PATIENT_FILE_NAME not in everything and "raw model output" not in everything
    with pymupdf.open("pdf", sample_pdf) as doc:
        assert doc.metadata["title"] == "Health record summary (AI-extracted)"
        assert doc.metadata["subject"] == SHORT_NOTICE
        assert PATIENT_FILE_NAME not in str(doc.metadata)


def test_empty_vault_gives_one_page_with_the_notice() -> None:
    texts = page_texts(render_pdf(empty_data()))
    assert len(texts) == 1
    assert SHORT_NOTICE in texts[0]
    assert "None extracted from the documents" in texts[0]


def test_hostile_text_is_shown_not_interpreted() -> None:
    hostile = lab(1, 1, "<b>bold</b> & <script>x</script>", "1", "mg", "", num=1.0, canonical="mg", ucum="mg",
                  low=None, high=None, flag=None, analyte="h", display="", loinc=None, date="2025-03-14")
    text = " ".join(page_texts(render_pdf(replace(sample_data(), items=[hostile]))))
    assert "<b>bold</b> & <script>x</script>" in text
