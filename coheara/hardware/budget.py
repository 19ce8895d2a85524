"""How much memory each model variant really needs, on a graphics card and on the processor.

Numbers come from Ollama's own estimate for MedGemma 1.5 4B at ``num_ctx`` 8192 with one parallel
slot (reference/ollama-api.md section 5.3): weights + KV cache + text and vision compute graphs +
the runtime's reserve. The model card's 4/8/12 GB are floors, not fits.
"""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from coheara.i18n import _, number

GIB = 1 << 30
GB = 1_000_000_000

Variant = Literal["q4", "q8", "f16"]
#: Smallest first; the choice walks this list up and down.
VARIANTS: tuple[Variant, ...] = get_args(Variant)


def is_variant(name: str | None) -> TypeGuard[Variant]:
    """Whether ``name`` is one of VARIANTS (a settings value or a choice's variant, checked once)."""
    return name in VARIANTS

#: Size of the Ollama model file (text weights + the F16 vision tower Ollama never quantizes).
FILE_BYTES: dict[Variant, int] = {"q4": int(3.3 * GB), "q8": int(5.0 * GB), "f16": int(8.6 * GB)}

#: Ollama's full-GPU estimate: file + KV (0.33 GiB) + graphs (1.5 GiB) + CUDA/ROCm reserve.
GPU_NEED: dict[Variant, int] = {"q4": int(5.4 * GIB), "q8": int(6.9 * GIB), "f16": int(10.3 * GIB)}

#: Kept free for the desktop and compositor: Ollama's measured use is close to its estimate.
HEADROOM = GIB // 2

#: Total RAM a variant needs to run on the processor. Decimal GB on purpose: a laptop sold with
#: "8 GB" reports about 7.7 GiB, and must still count as an 8 GB machine.
RAM_FLOOR: dict[Variant, int] = {"q4": 8 * GB, "q8": 12 * GB, "f16": 16 * GB}

#: Working memory beside the file on the processor path: KV cache 0.33 + text graph 0.5 +
#: vision graph 1.01 GiB.
_CPU_BUFFERS = int(1.84 * GIB)


def gpu_fits(variant: Variant, free_bytes: int) -> bool:
    """True when the whole model, vision included, fits in this much free graphics memory."""
    return GPU_NEED[variant] + HEADROOM <= free_bytes


def cpu_need(variant: Variant) -> int:
    """Available RAM the processor path needs now: the file, its buffers and some headroom."""
    return FILE_BYTES[variant] + _CPU_BUFFERS + HEADROOM


def cpu_fits(variant: Variant, ram_total: int, ram_available: int) -> bool:
    """True when the machine is big enough for the variant and has the room free right now."""
    return ram_total >= RAM_FLOOR[variant] and ram_available >= cpu_need(variant)


def smaller(variant: Variant) -> Variant | None:
    """The next smaller variant, or None below q4."""
    index = VARIANTS.index(variant)
    return VARIANTS[index - 1] if index > 0 else None


def gib(n: int | float) -> str:
    """Bytes as a short GiB figure for a sentence: 12 GiB, 7.5 GiB (7,5 GiB in German and French)."""
    return _("{number} GiB").format(number=number(round(n / GIB, 1), 1))


def floor_text(variant: Variant) -> str:
    """A RAM floor as printed on a shop label: 8 GB."""
    return _("{number} GB").format(number=RAM_FLOOR[variant] // GB)
