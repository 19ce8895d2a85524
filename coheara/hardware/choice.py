"""Which model variant to run, on which device, and one plain sentence saying why.

Rules (DESIGN.md, Model): prefer the largest variant that fits entirely on one graphics card. A
model that only partly fits runs its vision part on the processor (minutes per image), so partial
offload is never chosen: such a machine takes the processor path instead. On the processor, q8 is
preferred (f16 halves decode speed for no measured gain), q4 when RAM is short, nothing below the
q4 floor. After the first load, Ollama's ``/api/ps`` is the truth: ``correct_after_load`` steps
down when the model spilled off the card.
"""

from __future__ import annotations

from dataclasses import dataclass

from coheara.errors import UsageError
from coheara.hardware.budget import (
    FILE_BYTES,
    RAM_FLOOR,
    VARIANTS,
    Variant,
    cpu_fits,
    cpu_need,
    floor_text,
    gib,
    gpu_fits,
    is_variant,
    smaller,
)
from coheara.hardware.detect import Gpu, Hardware, detect
from coheara.i18n import N_, _


@dataclass(frozen=True)
class VariantChoice:
    """The variant to run (None: this computer cannot run the model), where, and why."""

    variant: str | None  # "q4" | "q8" | "f16" | None
    device: str  # "gpu" | "cpu"
    reason: str  # one sentence for a patient
    gpu_name: str | None


def choose_variant(hw: Hardware, requested: str = "auto") -> VariantChoice:
    """Choose automatically, or honour ``requested`` ("q4", "q8", "f16") with a warning when it will
    not fit. Raises UsageError for any other value."""
    wanted = requested.strip().lower()
    if wanted == "auto":
        found = _best_gpu(hw)
        if found is not None:
            gpu, variant = found
            return VariantChoice(variant, "gpu", _gpu_sentence(gpu, variant), gpu.name)
        return _cpu_choice(hw, _why_not_gpu(hw))
    if not is_variant(wanted):
        raise UsageError(_("Unknown model variant {name}.").format(name=repr(requested)), hint=_("Use auto, q4, q8 or f16."))
    return _manual(hw, wanted)


def correct_after_load(
    choice: VariantChoice, size: int, size_vram: int, *, hw: Hardware | None = None
) -> VariantChoice | None:
    """Given ``/api/ps`` ``size`` and ``size_vram`` after the first load, return a better choice
    when a GPU choice spilled into RAM (next smaller variant that fits, else the processor), or
    None when the load is fine. ``hw`` should be the Hardware detected before loading; without
    it the machine is detected again, with the model still occupying memory."""
    if choice.device != "gpu" or not is_variant(choice.variant) or size <= 0 or size_vram >= size:
        return None
    current: Variant = choice.variant
    card = choice.gpu_name or _("graphics card")
    # What does not scale with the weights (KV cache, graphs, reserve) stays the same: a smaller
    # variant needs the measured size minus the difference in file size.
    candidate = smaller(current)
    while candidate is not None:
        if size - (FILE_BYTES[current] - FILE_BYTES[candidate]) <= size_vram:
            reason = _("The {current} build did not fit entirely on your {card} ({loaded} of {size} loaded "
                       "there), so Coheara switches to the {candidate} build.").format(
                current=current, card=card, loaded=gib(size_vram), size=gib(size), candidate=candidate)
            return VariantChoice(candidate, "gpu", reason, choice.gpu_name)
        candidate = smaller(candidate)
    if size_vram <= 0:
        clause = _("Ollama did not use your {card}").format(card=card)
    else:
        clause = _("Even the smallest build does not fit entirely on your {card}").format(card=card)
    return _cpu_choice(hw if hw is not None else detect(), clause)


def _usable_gpus(hw: Hardware) -> list[Gpu]:
    # An AMD APU's tiny carve-out is not where the model would live: it shares system RAM, which
    # the processor path already sizes. Apple's unified memory is what Metal really uses.
    return [gpu for gpu in hw.gpus if not gpu.unified or gpu.vendor == "apple"]


def _best_gpu(hw: Hardware) -> tuple[Gpu, Variant] | None:
    best: tuple[int, int, Gpu, Variant] | None = None
    for gpu in _usable_gpus(hw):
        fitting = [v for v in VARIANTS if gpu_fits(v, gpu.free_bytes)]
        if fitting:
            rank = (VARIANTS.index(fitting[-1]), gpu.free_bytes, gpu, fitting[-1])
            if best is None or rank[:2] > best[:2]:
                best = rank
    return None if best is None else (best[2], best[3])


def _gpu_sentence(gpu: Gpu, variant: Variant) -> str:
    if gpu.vendor == "apple":
        return _("Your {gpu} can give the model about {memory} of its shared memory: the {variant} build fits "
                 "entirely on its graphics processor.").format(gpu=gpu.name, memory=gib(gpu.free_bytes), variant=variant)
    return _("Your {gpu} has {memory} of free memory: the {variant} build fits entirely on it.").format(
        gpu=gpu.name, memory=gib(gpu.free_bytes), variant=variant)


def _why_not_gpu(hw: Hardware) -> str:
    usable = _usable_gpus(hw)
    if not usable:
        return _("No suitable graphics card found")
    gpu = max(usable, key=lambda g: g.free_bytes)
    return _("Your {gpu} has only {memory} of free memory, too little to hold the whole model").format(
        gpu=gpu.name, memory=gib(gpu.free_bytes))


def _cpu_choice(hw: Hardware, clause: str) -> VariantChoice:
    total, available = hw.ram_total, hw.ram_available
    if total <= 0:
        reason = _("Coheara could not read how much memory this computer has, so it cannot choose "
                   "a local model.")
        return VariantChoice(None, "cpu", reason, None)
    if total < RAM_FLOOR["q4"]:
        reason = _("This computer has {memory} of memory; the smallest model needs {floor}, so it cannot run "
                   "the local model.").format(memory=gib(total), floor=floor_text("q4"))
        return VariantChoice(None, "cpu", reason, None)
    # The clause before the semicolon says why not the graphics card.
    cpu_variants: tuple[tuple[Variant, str], ...] = (
        ("q8", N_("{clause}; with {memory} of memory the {variant} build runs well on the processor.")),
        ("q4", N_("{clause}; with {memory} of memory the {variant} build runs on the processor.")),
    )
    for variant, sentence in cpu_variants:
        if cpu_fits(variant, total, available):
            reason = _(sentence).format(clause=clause, memory=gib(total), variant=variant)
            return VariantChoice(variant, "cpu", reason, None)
    # Big enough, but busy right now: the machine can run q4 once other programs make room.
    reason = _("{clause}; the q4 build can run on the processor, but only {memory} of memory is free now: "
               "close other programs first.").format(clause=clause, memory=gib(available))
    return VariantChoice("q4", "cpu", reason, None)


def _manual(hw: Hardware, variant: Variant) -> VariantChoice:
    fitting = [gpu for gpu in _usable_gpus(hw) if gpu_fits(variant, gpu.free_bytes)]
    if fitting:
        gpu = max(fitting, key=lambda g: g.free_bytes)
        reason = _("You chose the {variant} build; it fits entirely on your {gpu} ({memory} free).").format(
            variant=variant, gpu=gpu.name, memory=gib(gpu.free_bytes))
        return VariantChoice(variant, "gpu", reason, gpu.name)
    usable = _usable_gpus(hw)
    if cpu_fits(variant, hw.ram_total, hw.ram_available):
        if usable:
            gpu = max(usable, key=lambda g: g.free_bytes)
            chosen = _("You chose the {variant} build; it does not fit entirely on your {gpu} ({memory} free), so it "
                       "runs on the processor.").format(variant=variant, gpu=gpu.name, memory=gib(gpu.free_bytes))
        else:
            chosen = _("You chose the {variant} build; it runs on the processor.").format(variant=variant)
        return VariantChoice(variant, "cpu", chosen, None)
    reason = _("You chose the {variant} build, but it needs {floor} of memory with {need} free and this computer "
               "has {total} ({available} free): it may fail or be very slow.").format(
        variant=variant, floor=floor_text(variant), need=gib(cpu_need(variant)), total=gib(hw.ram_total),
        available=gib(hw.ram_available))
    return VariantChoice(variant, "cpu", reason, None)
