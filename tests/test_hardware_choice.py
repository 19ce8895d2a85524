"""The variant choice: what a patient's computer gets, and the one sentence that explains it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coheara.errors import UsageError
from coheara.hardware import Gpu, Hardware, VariantChoice, choose_variant, correct_after_load

GIB = 1 << 30


def machine(ram: float, available: float | None = None, *gpus: Gpu) -> Hardware:
    """A computer with ``ram`` GiB (``available`` GiB free, by default all but 3 GiB)."""
    free = ram - 3 if available is None else available
    return Hardware(int(ram * GIB), int(max(free, 0.5) * GIB), gpus, "Linux", "x86_64")


def nvidia(name: str, total: float, free: float) -> Gpu:
    return Gpu("nvidia", name, int(total * GIB), int(free * GIB), False)


RTX_3060 = nvidia("NVIDIA GeForce RTX 3060", 12, 11)


def test_a_card_that_holds_f16_gets_f16() -> None:
    assert choose_variant(machine(16, 12, RTX_3060)) == VariantChoice(
        "f16", "gpu", "Your NVIDIA GeForce RTX 3060 has 11 GiB of free memory: the f16 build fits "
        "entirely on it.", "NVIDIA GeForce RTX 3060")


@pytest.mark.parametrize(("free", "variant"), [(10.8, "f16"), (10.7, "q8"), (7.4, "q8"),
                                               (7.3, "q4"), (5.9, "q4")])
def test_the_largest_variant_that_fits_entirely_wins(free: float, variant: str) -> None:
    choice = choose_variant(machine(32, 28, nvidia("NVIDIA RTX A4000", 16, free)))
    assert (choice.variant, choice.device) == (variant, "gpu")


def test_a_card_too_small_for_the_whole_model_is_not_used() -> None:
    choice = choose_variant(machine(16, 12, nvidia("NVIDIA GeForce GTX 1650", 4, 3.8)))
    assert (choice.variant, choice.device, choice.gpu_name) == ("q8", "cpu", None)
    assert choice.reason == (
        "Your NVIDIA GeForce GTX 1650 has only 3.8 GiB of free memory, too little to hold the "
        "whole model; with 16 GiB of memory the q8 build runs well on the processor.")


def test_the_card_with_room_for_the_largest_variant_is_chosen() -> None:
    small, big = nvidia("NVIDIA T400", 4, 3.9), nvidia("NVIDIA RTX A4500", 20, 19)
    choice = choose_variant(machine(64, 60, small, big))
    assert (choice.variant, choice.gpu_name) == ("f16", "NVIDIA RTX A4500")


@pytest.mark.parametrize(("ram", "available", "variant"), [
    (32, 28, "q8"),   # never f16 on a processor: half the speed, no measured gain
    (16, 12, "q8"),
    (12, 9, "q8"),
    (7.7, 5.8, "q4"),  # a laptop sold with "8 GB" still counts as one
    (8, 6, "q4"),
    (16, 6, "q4"),    # q8 needs about 7 GiB free right now
])
def test_without_a_graphics_card_q8_is_preferred_when_ram_allows(ram: float, available: float,
                                                                  variant: str) -> None:
    choice = choose_variant(machine(ram, available))
    assert (choice.variant, choice.device, choice.gpu_name) == (variant, "cpu", None)
    assert choice.reason.startswith("No suitable graphics card found; with ")


def test_sixteen_gib_without_gpu_reads_plainly() -> None:
    assert choose_variant(machine(16, 12)).reason == (
        "No suitable graphics card found; with 16 GiB of memory the q8 build runs well on the "
        "processor.")


def test_below_the_smallest_floor_nothing_runs() -> None:
    assert choose_variant(machine(6, 4)) == VariantChoice(
        None, "cpu", "This computer has 6 GiB of memory; the smallest model needs 8 GB, so it "
        "cannot run the local model.", None)


def test_a_busy_machine_is_told_to_make_room() -> None:
    choice = choose_variant(machine(8, 3))
    assert (choice.variant, choice.device) == ("q4", "cpu")
    assert "only 3 GiB of memory is free now: close other programs first." in choice.reason


def test_unreadable_memory_is_said_plainly() -> None:
    choice = choose_variant(Hardware(0, 0, (), "Linux", "x86_64"))
    assert choice.variant is None and "could not read how much memory" in choice.reason


def test_a_manual_choice_that_fits_runs_on_the_card() -> None:
    choice = choose_variant(machine(16, 12, RTX_3060), " Q4 ")
    assert (choice.variant, choice.device, choice.gpu_name) == ("q4", "gpu", RTX_3060.name)
    assert choice.reason == ("You chose the q4 build; it fits entirely on your NVIDIA GeForce RTX "
                             "3060 (11 GiB free).")


def test_a_manual_choice_too_big_for_the_card_runs_on_the_processor() -> None:
    choice = choose_variant(machine(32, 28, nvidia("NVIDIA GeForce RTX 4060", 8, 7.5)), "f16")
    assert (choice.variant, choice.device) == ("f16", "cpu")
    assert choice.reason == ("You chose the f16 build; it does not fit entirely on your NVIDIA "
                             "GeForce RTX 4060 (7.5 GiB free), so it runs on the processor.")


def test_a_manual_choice_too_big_for_the_computer_is_warned_about() -> None:
    choice = choose_variant(machine(8, 6), "f16")
    assert (choice.variant, choice.device) == ("f16", "cpu")
    assert choice.reason.startswith("You chose the f16 build, but it needs 16 GB of memory")
    assert choice.reason.endswith("it may fail or be very slow.")


def test_an_unknown_variant_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Unknown model variant 'q5'"):
        choose_variant(machine(16), "q5")


def test_a_spilled_f16_steps_down_to_the_variant_that_fits() -> None:
    chosen = choose_variant(machine(16, 12, RTX_3060))
    corrected = correct_after_load(chosen, size=int(10.3 * GIB), size_vram=int(7.5 * GIB))
    assert corrected is not None
    assert (corrected.variant, corrected.device, corrected.gpu_name) == ("q8", "gpu", RTX_3060.name)
    assert corrected.reason == (
        "The f16 build did not fit entirely on your NVIDIA GeForce RTX 3060 (7.5 GiB of 10.3 GiB "
        "loaded there), so Coheara switches to the q8 build.")
    # f16 minus 5.3 GB of weights needs about 5.4 GiB: q4 fits where q8 does not.
    smaller = correct_after_load(chosen, int(10.3 * GIB), int(5.8 * GIB))
    assert smaller is not None and smaller.variant == "q4"


def test_when_nothing_fits_the_card_the_processor_takes_over() -> None:
    hw = machine(16, 12, RTX_3060)
    chosen = VariantChoice("q4", "gpu", "", "NVIDIA GeForce RTX 3060")
    corrected = correct_after_load(chosen, int(5.4 * GIB), int(3 * GIB), hw=hw)
    assert corrected is not None and (corrected.variant, corrected.device) == ("q8", "cpu")
    assert corrected.reason.startswith("Even the smallest build does not fit entirely on your "
                                       "NVIDIA GeForce RTX 3060; with 16 GiB of memory")
    unused = correct_after_load(chosen, int(5.4 * GIB), 0, hw=hw)
    assert unused is not None and unused.reason.startswith("Ollama did not use your NVIDIA")


def test_a_full_load_or_a_processor_choice_needs_no_correction() -> None:
    on_card = choose_variant(machine(16, 12, RTX_3060))
    assert correct_after_load(on_card, int(10.3 * GIB), int(10.3 * GIB)) is None
    assert correct_after_load(choose_variant(machine(16, 12)), int(6.5 * GIB), 0) is None


def test_without_hardware_the_correction_detects_this_machine() -> None:
    chosen = VariantChoice("q4", "gpu", "", None)
    corrected = correct_after_load(chosen, int(5.4 * GIB), int(GIB))
    assert corrected is not None and corrected.device == "cpu"
    assert "graphics card" in corrected.reason


@settings(max_examples=200, deadline=None)
@given(ram=st.floats(1, 256), share=st.floats(0, 1), vram=st.floats(0, 48), used=st.floats(0, 1))
def test_every_choice_is_one_plain_sentence_and_never_partial(ram: float, share: float, vram: float,
                                                               used: float) -> None:
    hw = machine(ram, ram * share, nvidia("NVIDIA GPU", vram, vram * (1 - used)))
    choice = choose_variant(hw)
    assert choice.reason.endswith(".") and "\n" not in choice.reason and ". " not in choice.reason
    if choice.device == "gpu":
        assert choice.variant is not None and hw.gpus[0].free_bytes >= (5.4 + 0.5) * GIB
    else:
        assert choice.variant in ("q4", "q8", None)  # never f16 on a processor by itself
    assert (choice.variant is None) == (choice.device == "cpu" and hw.ram_total < 8e9)
