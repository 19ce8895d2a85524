"""Exports of years of records: the FHIR Bundle is written resource by resource and is the same text as
the whole Bundle dumped at once; an export to a file reads the vault as it writes; the PDF layout lays
out about a page of rows at a time, however long a table is."""

from __future__ import annotations

import io
import json
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from export_support import empty_data, sample_data
from review_health_data import build_sample_vault
from test_export_pdf import many_creatinine_values, page_texts

import coheara.export.pdf_layout as pdf_layout
import coheara.services.exporting as exporting
from coheara.domain import ExtractedItem
from coheara.export import render
from coheara.export.data import ExportData
from coheara.export.fhir import build_bundle, write_bundle
from coheara.export.pdf import render_pdf


def dumped(data: ExportData) -> str:
    return json.dumps(build_bundle(data), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("make", [sample_data, empty_data])
def test_the_streamed_bundle_is_the_whole_bundle_dumped(make: Any) -> None:
    out = io.StringIO()
    write_bundle(make(), out)
    assert out.getvalue() == dumped(make())
    assert render("fhir", make()) == dumped(make()).encode("utf-8")


class Watched(Collection[ExtractedItem]):
    """Items that note how much of the export was written each time one of them is read."""

    def __init__(self, items: list[ExtractedItem], out: io.StringIO) -> None:
        self.items, self.out, self.written_at_read = items, out, []

    def __iter__(self) -> Iterator[ExtractedItem]:
        for item in self.items:
            self.written_at_read.append(len(self.out.getvalue()))
            yield item

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: object) -> bool:
        return item in self.items


def test_resources_are_written_while_the_items_are_read_never_all_held() -> None:
    data = sample_data()
    out = io.StringIO()
    items = Watched(list(data.items), out)
    write_bundle(ExportData(data.documents, items, data.attempts, data.generated_at, data.app_version), out)
    count = len(items)
    first, second = items.written_at_read[:count], items.written_at_read[count:]
    # One pass for the references (nothing written yet but the head), one that writes as it reads.
    assert len(second) == count and max(first) == 0
    assert all(a < b for a, b in zip(second, second[1:], strict=False))
    assert out.getvalue() == dumped(data)


def test_a_fhir_export_to_a_file_is_the_bundle_of_the_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = build_sample_vault(tmp_path)
    moment = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Clock:
            return moment  # type: ignore[return-value]

    monkeypatch.setattr(exporting, "datetime", Clock)
    target = tmp_path / "out.fhir.json"
    result = exporting.export_to_file(sample.vault, "fhir", target)
    expected = exporting.gather(sample.vault)
    assert target.read_text("utf-8") == dumped(expected)
    assert result.count == len(expected.items) > 0
    assert list(tmp_path.glob(".out.fhir.json.*")) == []  # no temp file left beside it


def test_the_pdf_layout_measures_about_a_page_of_rows_however_long_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[int] = []
    real = pdf_layout.Layout._fits

    def counting(self: pdf_layout.Layout, markup: str, room: float) -> pdf_layout.Placed | None:
        measured.append(markup.count("<tr>"))
        return real(self, markup, room)

    monkeypatch.setattr(pdf_layout.Layout, "_fits", counting)
    pages = page_texts(render_pdf(many_creatinine_values(1500)))
    # A page holds a few dozen rows; laying out all the rows left on every page was quadratic.
    assert len(pages) > 20
    assert max(measured) < 200
    assert len(measured) < 6 * len(pages)
