"""An empty answer is not believed for a page whose printed rows hold values, even when the PDF's text
layer lists every table cell on a line of its own."""

from __future__ import annotations

from validation_support import page_from_cells, page_from_lines

from coheara.domain import PageImage
from coheara.inference.emptiness import page_looks_like_values

ROWS = [["Hämoglobin", "13,5", "g/dl", "12,0 - 16,0"], ["Kalium", "3,2", "mmol/l", "3,5 - 5,1"],
        ["Kreatinin", "0,9", "mg/dl", "0,5 - 1,2"]]


def test_a_table_whose_text_layer_lists_one_cell_per_line_looks_like_values() -> None:
    page = page_from_cells(ROWS)
    cell_per_line = PageImage(0, b"", "\n".join(c for row in ROWS for c in row), page.words, 595, 842,
                              (0, 0, 896, 896))
    assert page_looks_like_values(cell_per_line)


def test_prose_without_numbers_and_a_photo_do_not() -> None:
    assert not page_looks_like_values(page_from_lines(["Dear colleague,", "thank you for seeing", "our patient."]))
    assert not page_looks_like_values(PageImage(0, b"", "", (), 896, 896, (0, 0, 896, 896)))
