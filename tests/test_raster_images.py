"""Photos and scans become upright, white-letterboxed 896x896 RGB pages the model can read."""

from __future__ import annotations

import io

import pytest
from PIL import Image

import docs_factory as make
from coheara.domain import FileKind, PageImage
from coheara.errors import ImageTooLargeError
from coheara.raster import iter_pages, render_page, thumbnail
from docs_factory import open_png

WHITE = (255, 255, 255)


def only_page(data: bytes, kind: FileKind) -> PageImage:
    pages = list(iter_pages(data, kind))
    assert len(pages) == 1
    return pages[0]


def close_to(pixel: tuple[int, ...], color: tuple[int, int, int], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, color, strict=True))


def test_a_wide_image_gets_white_bands_above_and_below_and_is_centred() -> None:
    page = only_page(make.image_bytes("PNG", (800, 400), (200, 30, 30)), FileKind.PNG)
    square = open_png(page.png)
    assert (square.size, square.mode) == ((896, 896), "RGB")
    assert page.content_box == (0, 224, 896, 448)
    assert square.getpixel((448, 100)) == WHITE and square.getpixel((448, 795)) == WHITE
    assert square.getpixel((448, 448)) == (200, 30, 30)
    assert square.getpixel((448, 224)) == (200, 30, 30) and square.getpixel((448, 223)) == WHITE


def test_a_tall_image_gets_white_bands_left_and_right() -> None:
    page = only_page(make.image_bytes("PNG", (300, 600), (30, 30, 200)), FileKind.PNG)
    square = open_png(page.png)
    assert page.content_box == (224, 0, 448, 896)
    assert square.getpixel((100, 448)) == WHITE and square.getpixel((448, 448)) == (30, 30, 200)
    assert (page.source_width, page.source_height) == (300, 600)


@pytest.mark.parametrize(
    ("orientation", "size", "block_corner"),
    [
        (None, (400, 200), "top-left"),
        (1, (400, 200), "top-left"),
        (3, (400, 200), "bottom-right"),
        (6, (200, 400), "top-right"),
        (8, (200, 400), "bottom-left"),
    ],
)
def test_exif_orientation_is_applied(orientation: int | None, size: tuple[int, int], block_corner: str) -> None:
    page = only_page(make.marked_jpeg(orientation), FileKind.JPEG)
    assert (page.source_width, page.source_height) == size
    x, y, w, h = page.content_box
    assert (w > h) is (size[0] > size[1])
    square = open_png(page.png).convert("L")
    corners = {
        "top-left": (x + w * 0.08, y + h * 0.08),
        "top-right": (x + w * 0.92, y + h * 0.08),
        "bottom-left": (x + w * 0.08, y + h * 0.92),
        "bottom-right": (x + w * 0.92, y + h * 0.92),
    }
    dark = {name for name, (px, py) in corners.items() if square.getpixel((int(px), int(py))) < 64}
    assert dark == {block_corner}


def test_an_impossible_orientation_value_leaves_the_picture_as_stored() -> None:
    page = only_page(make.marked_jpeg(9), FileKind.JPEG)
    assert (page.source_width, page.source_height) == (400, 200)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF", "HEIF"])
def test_every_format_becomes_one_square_rgb_page(fmt: str) -> None:
    data = make.image_bytes(fmt, (640, 480), (20, 160, 60))
    kind = {"JPEG": FileKind.JPEG, "HEIF": FileKind.HEIF}.get(fmt, FileKind(fmt.lower()))
    page = only_page(data, kind)
    square = open_png(page.png)
    assert (square.size, square.mode) == ((896, 896), "RGB")
    assert page.content_box == (0, 112, 896, 672)
    assert close_to(square.getpixel((448, 448)), (20, 160, 60))
    assert (page.text, page.words) == ("", ())


def test_every_tiff_page_is_read_in_order() -> None:
    colors = [(220, 0, 0), (0, 220, 0), (0, 0, 220)]
    pages = list(iter_pages(make.multipage_tiff(["#dc0000", "#00dc00", "#0000dc"]), FileKind.TIFF))
    assert [page.index for page in pages] == [0, 1, 2]
    assert [open_png(page.png).getpixel((448, 448)) for page in pages] == colors


def test_an_animated_gif_gives_its_first_frame_only() -> None:
    page = only_page(make.animated_gif(["#dc0000", "#0000dc"]), FileKind.GIF)
    assert close_to(open_png(page.png).getpixel((448, 448)), (220, 0, 0))


def test_transparent_parts_become_white_paper_not_black() -> None:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((10, 10, 10, 255), (50, 50, 150, 150))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    square = open_png(only_page(buffer.getvalue(), FileKind.PNG).png)
    assert square.getpixel((20, 20)) == WHITE
    assert close_to(square.getpixel((448, 448)), (10, 10, 10))


def test_a_16_bit_grey_scan_keeps_its_grey() -> None:
    data = make.image_bytes("PNG", (64, 64), 32768, mode="I;16")
    assert close_to(open_png(only_page(data, FileKind.PNG).png).getpixel((448, 448)), (128, 128, 128))


def test_a_cmyk_jpeg_is_converted_to_rgb() -> None:
    data = make.image_bytes("JPEG", (64, 64), (0, 0, 0, 255), mode="CMYK")
    square = open_png(only_page(data, FileKind.JPEG).png)
    assert square.mode == "RGB" and close_to(square.getpixel((448, 448)), (0, 0, 0), 40)


def test_a_photo_is_reduced_while_decoding_and_keeps_its_full_size_on_record() -> None:
    page = only_page(make.photo_jpeg(2400, 1800), FileKind.JPEG)
    assert (page.source_width, page.source_height) == (2400, 1800)
    assert page.content_box == (0, 112, 896, 672)


def test_a_png_bomb_is_refused_by_the_rasterizer_as_well() -> None:
    with pytest.raises(ImageTooLargeError, match=r"^This image is too large to open safely\.$"):
        list(iter_pages(make.png_bomb(), FileKind.PNG))


class TestReviewImages:
    def test_review_page_is_upright_and_not_letterboxed(self) -> None:
        image = open_png(render_page(make.marked_jpeg(6), FileKind.JPEG, 0))
        assert image.size == (200, 400)  # never enlarged
        assert image.convert("L").getpixel((190, 10)) < 64

    def test_review_page_of_a_large_photo_fits_max_side(self) -> None:
        image = open_png(render_page(make.photo_jpeg(2400, 1800), FileKind.JPEG, 0, max_side=1000))
        assert image.size == (1000, 750)

    def test_review_page_picks_the_requested_tiff_page(self) -> None:
        data = make.multipage_tiff(["#dc0000", "#00dc00", "#0000dc"])
        assert open_png(render_page(data, FileKind.TIFF, 2)).getpixel((5, 5)) == (0, 0, 220)
        with pytest.raises(IndexError):
            render_page(data, FileKind.TIFF, 3)

    def test_thumbnail_is_small(self) -> None:
        assert open_png(thumbnail(make.image_bytes("PNG", (400, 200)), FileKind.PNG)).size == (160, 80)

    def test_an_absurd_size_request_is_a_programming_error(self) -> None:
        with pytest.raises(ValueError):
            render_page(make.image_bytes("PNG"), FileKind.PNG, 0, max_side=100_000)
