"""Damaged variants of real files never crash the import: they are read, or refused with a reason."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docs_factory as make
from coheara.errors import BadInputError
from coheara.ingest import check_file
from coheara.raster import iter_pages

SAMPLES: dict[str, bytes] = {
    "jpeg": make.marked_jpeg(6, (64, 48)),
    "png": make.image_bytes("PNG", (40, 30)),
    "webp": make.image_bytes("WEBP", (40, 30)),
    "tiff": make.multipage_tiff(["red", "blue"], (40, 30)),
    "gif": make.animated_gif(["red", "blue"], (40, 30)),
    "bmp": make.image_bytes("BMP", (40, 30)),
    "heic": make.image_bytes("HEIF", (40, 30)),
    "pdf": make.text_pdf(pages=2, body_lines=2),
}


def damage(data: bytes, cut: float, flips: list[tuple[float, int]]) -> bytes:
    """``data`` cut to a fraction of its length, with some bytes overwritten (keeping the magic)."""
    damaged = bytearray(data[: max(16, int(len(data) * cut))])
    for where, value in flips:
        damaged[12 + int(where * (len(damaged) - 13))] = value
    return bytes(damaged)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(
    cut=st.floats(0.0, 1.0),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=6),
)
def test_damaged_file_is_read_or_refused_never_crashes(name: str, cut: float, flips: list[tuple[float, int]]) -> None:
    data = damage(SAMPLES[name], cut, flips)
    try:
        checked = check_file(data)
        pages = list(iter_pages(data, checked.kind))
    except BadInputError as refused:
        assert refused.message and "\n" not in refused.message
        return
    assert len(pages) == checked.page_count
