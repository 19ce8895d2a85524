"""PDF pages are rendered straight at 896 px, letterboxed, and keep their words where they are drawn."""

from __future__ import annotations

import pymupdf
import pytest

import docs_factory as make
from coheara.domain import FileKind, PageImage, TextWord
from coheara.errors import CorruptFileError, ImageTooLargeError, PdfPasswordError
from coheara.raster import iter_pages, render_page, thumbnail
from docs_factory import A4, KNOWN_WORD, KNOWN_WORD_ORIGIN, open_png


def known_word(page: PageImage) -> TextWord:
    (word,) = [word for word in page.words if word.text == KNOWN_WORD]
    return word


def dark_share(page: PageImage, word: TextWord) -> float:
    """The share of dark pixels inside the word's box, mapped onto the 896x896 square."""
    x, y, w, h = page.content_box
    box = (int(x + word.x0 * w), int(y + word.y0 * h), int(x + word.x1 * w) + 1, int(y + word.y1 * h) + 1)
    crop = open_png(page.png).convert("L").crop(box)
    return sum(crop.histogram()[:128]) / (crop.width * crop.height)


def test_every_page_becomes_a_square_png_with_its_text_layer() -> None:
    pages = list(iter_pages(make.text_pdf(pages=3), FileKind.PDF))
    assert [page.index for page in pages] == [0, 1, 2]
    for number, page in enumerate(pages, start=1):
        image = open_png(page.png)
        assert (image.size, image.mode) == ((896, 896), "RGB")
        assert KNOWN_WORD in page.text and f"p{number}" in page.text
        assert (page.source_width, page.source_height) == (595, 842)


def test_an_a4_page_is_centred_between_white_bands() -> None:
    page = next(iter_pages(make.text_pdf(), FileKind.PDF))
    x, y, w, h = page.content_box
    assert (y, h) == (0, 896)
    assert w == pytest.approx(896 * A4[0] / A4[1], abs=1.5)
    assert x == pytest.approx((896 - w) / 2, abs=1)
    image = open_png(page.png)
    assert image.getpixel((x // 2, 448)) == (255, 255, 255)


def test_iter_pages_streams_one_page_at_a_time() -> None:
    pages = iter_pages(make.text_pdf(pages=5), FileKind.PDF)
    first = next(pages)
    assert first.index == 0
    pages.close()  # stopping early closes the document without rendering the rest


def test_word_boxes_are_fractions_of_the_page_and_the_known_word_is_where_it_was_drawn() -> None:
    page = next(iter_pages(make.text_pdf(), FileKind.PDF))
    assert page.words and all(0 <= word.x0 < word.x1 <= 1 and 0 <= word.y0 < word.y1 <= 1 for word in page.words)
    word = known_word(page)
    left, baseline = KNOWN_WORD_ORIGIN[0] / A4[0], KNOWN_WORD_ORIGIN[1] / A4[1]
    assert word.x0 == pytest.approx(left, abs=0.01)
    assert word.y0 < baseline < word.y1
    assert dark_share(page, word) > 0.15


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_on_a_rotated_page_words_follow_the_page_as_displayed(rotation: int) -> None:
    page = next(iter_pages(make.text_pdf(rotation=rotation), FileKind.PDF))
    _, _, w, h = page.content_box
    assert (w > h) is (rotation in (90, 270))
    word = known_word(page)
    shown_width = A4[1] if rotation in (90, 270) else A4[0]
    assert word.x0 == pytest.approx(KNOWN_WORD_ORIGIN[0] / shown_width, abs=0.01)
    assert dark_share(page, word) > 0.15


def test_a_page_with_a_crop_box_reports_words_inside_the_visible_part() -> None:
    doc = pymupdf.open(stream=make.text_pdf(), filetype="pdf")
    doc[0].set_cropbox(pymupdf.Rect(36, 36, 559, 806))
    page = next(iter_pages(doc.tobytes(), FileKind.PDF))
    word = known_word(page)
    assert word.x0 == pytest.approx((KNOWN_WORD_ORIGIN[0] - 36) / 523, abs=0.01)
    assert dark_share(page, word) > 0.15


def test_a_scan_pdf_has_no_words() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_image(pymupdf.Rect(0, 0, 595, 842), stream=make.image_bytes("PNG", (60, 80)))
    (page,) = iter_pages(doc.tobytes(), FileKind.PDF)
    assert (page.text.strip(), page.words) == ("", ())


class TestPassword:
    def test_no_password_is_refused_with_the_hint(self) -> None:
        with pytest.raises(PdfPasswordError) as caught:
            list(iter_pages(make.encrypted_pdf("s3cret"), FileKind.PDF))
        assert caught.value.message == "This PDF is protected by a password."
        assert "--pdf-password" in (caught.value.hint or "")

    def test_wrong_password_is_refused(self) -> None:
        with pytest.raises(PdfPasswordError, match=r"^The PDF password is not correct\.$"):
            list(iter_pages(make.encrypted_pdf("s3cret"), FileKind.PDF, pdf_password="S3CRET"))

    def test_right_password_renders_the_text(self) -> None:
        (page,) = iter_pages(make.encrypted_pdf("s3cret"), FileKind.PDF, pdf_password="s3cret")
        assert KNOWN_WORD in page.text

    def test_review_page_needs_the_password_too(self) -> None:
        with pytest.raises(PdfPasswordError):
            render_page(make.encrypted_pdf("s3cret"), FileKind.PDF, 0)
        assert open_png(render_page(make.encrypted_pdf("s3cret"), FileKind.PDF, 0, pdf_password="s3cret"))


class TestHostile:
    def test_a_page_drawing_a_gigantic_image_is_refused_before_rendering(self) -> None:
        data = make.pdf_declaring_image(40_000, 40_000)
        with pytest.raises(ImageTooLargeError, match="image too large to open safely"):
            list(iter_pages(data, FileKind.PDF))
        with pytest.raises(ImageTooLargeError):
            thumbnail(data, FileKind.PDF)

    def test_an_enormous_page_is_rendered_at_896_px(self) -> None:
        doc = pymupdf.open()
        doc.new_page(width=14_000, height=7_000).insert_text((500, 1000), "Big", fontsize=800)
        (page,) = iter_pages(doc.tobytes(), FileKind.PDF)
        assert page.content_box == (0, 224, 896, 448)

    def test_a_page_beyond_the_pdf_size_limit_is_refused_as_damaged(self) -> None:
        doc = pymupdf.open()
        doc.new_page(width=200, height=200)
        doc.xref_set_key(doc[0].xref, "MediaBox", "[0 0 100000 100]")
        with pytest.raises(CorruptFileError, match="A page of this PDF is damaged"):
            list(iter_pages(doc.tobytes(), FileKind.PDF))

    def test_a_repaired_pdf_still_gives_its_pages(self) -> None:
        pages = list(iter_pages(make.truncated_pdf(0.9), FileKind.PDF))
        assert len(pages) == 3 and KNOWN_WORD in pages[0].text


class TestReviewImages:
    def test_review_page_is_rendered_at_the_size_asked_and_not_letterboxed(self) -> None:
        image = open_png(render_page(make.text_pdf(pages=2), FileKind.PDF, 1, max_side=2000))
        assert image.height == 2000
        assert image.width == pytest.approx(2000 * A4[0] / A4[1], abs=1.5)

    def test_review_page_of_a_rotated_page_is_landscape(self) -> None:
        image = open_png(render_page(make.text_pdf(rotation=90), FileKind.PDF, 0, max_side=1000))
        assert image.width == 1000 and image.height < image.width

    def test_thumbnail_is_the_first_page_at_160_px(self) -> None:
        image = open_png(thumbnail(make.text_pdf(pages=3), FileKind.PDF))
        assert max(image.size) == 160

    def test_a_page_that_does_not_exist_is_a_programming_error(self) -> None:
        with pytest.raises(IndexError):
            render_page(make.text_pdf(pages=2), FileKind.PDF, 2)
