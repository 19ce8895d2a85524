"""Real photos with EXIF orientations 3, 6 and 8 come out upright (sky at the top)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from coheara.domain import FileKind, PageImage
from coheara.raster import iter_pages, render_page
from docs_factory import open_png


def page_of(corpus_dir: Path, name: str) -> PageImage:
    (page,) = iter_pages((corpus_dir / "hostile" / name).read_bytes(), FileKind.JPEG)
    return page


def content(page: PageImage) -> Image.Image:
    x, y, w, h = page.content_box
    return open_png(page.png).convert("L").crop((x, y, x + w, y + h))


def sky_above_ground(picture: Image.Image) -> bool:
    band = picture.height // 5
    top = ImageStat.Stat(picture.crop((0, 0, picture.width, band))).mean[0]
    bottom = ImageStat.Stat(picture.crop((0, picture.height - band, picture.width, picture.height))).mean[0]
    return top > bottom + 20


def test_orientation_3_landscape_is_turned_right_way_up(corpus_dir: Path) -> None:
    page = page_of(corpus_dir, "exif_orient_Landscape_3.jpg")
    assert (page.source_width, page.source_height) == (1800, 1200)
    assert sky_above_ground(content(page))


def test_orientations_6_and_8_give_the_same_upright_portrait(corpus_dir: Path) -> None:
    six, eight = page_of(corpus_dir, "exif_orient_Portrait_6.jpg"), page_of(corpus_dir, "exif_orient_Portrait_8.jpg")
    for page in (six, eight):
        assert (page.source_width, page.source_height) == (1200, 1800)
        assert sky_above_ground(content(page))
    # The two files store their pixels turned opposite ways; upright, they are the same photo
    # (apart from the digit printed in the middle).
    difference = ImageStat.Stat(ImageChops.difference(content(six), content(eight))).mean[0]
    assert difference < 5  # turned the wrong way, the difference is about 60


def test_a_photo_with_broken_exif_is_read_as_stored(corpus_dir: Path) -> None:
    page = page_of(corpus_dir, "jpeg_broken_exif.jpg")
    assert (page.source_width, page.source_height) == (500, 500)


def test_review_page_of_an_exif_photo_is_upright_too(corpus_dir: Path) -> None:
    data = (corpus_dir / "hostile" / "exif_orient_Portrait_6.jpg").read_bytes()
    image = open_png(render_page(data, FileKind.JPEG, 0, max_side=900)).convert("L")
    assert image.size == (600, 900)
    assert sky_above_ground(image)


def test_a_scan_with_page_rotation_is_shown_as_the_page_says(corpus_dir: Path) -> None:
    # /Rotate 90 on a landscape media box: the page is displayed portrait.
    (page,) = iter_pages((corpus_dir / "other" / "scan_rotated_skew.pdf").read_bytes(), FileKind.PDF)
    _, _, w, h = page.content_box
    assert h == 896 and w < h
    assert (page.source_width, page.source_height) == (612, 792)
