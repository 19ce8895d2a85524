"""The page PNG writer produces files every decoder reads back pixel for pixel."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from coheara.raster.png import encode_rgb


@pytest.mark.parametrize("size", [(1, 1), (896, 896), (37, 5)])
def test_round_trip_is_exact(size: tuple[int, int]) -> None:
    width, height = size
    rng = random.Random(width * 1000 + height)
    samples = bytes(rng.randrange(256) for _ in range(width * height * 3))
    decoded = Image.open(io.BytesIO(encode_rgb(width, height, samples)))
    decoded.load()
    assert decoded.mode == "RGB" and decoded.size == size
    assert decoded.tobytes() == samples


def test_wrong_sample_length_is_refused() -> None:
    with pytest.raises(ValueError):
        encode_rgb(2, 2, b"\x00" * 11)
