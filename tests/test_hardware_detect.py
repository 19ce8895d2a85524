"""Hardware detection on real code paths: fake sysfs trees, a fake NVML, real pynvml and psutil."""

from __future__ import annotations

import platform
from pathlib import Path
from types import SimpleNamespace

import psutil
import pynvml
import pytest

from coheara.hardware import Gpu, choose_variant, detect

GIB = 1 << 30
MIB = 1 << 20


class FakeNvml:
    """The few NVML calls detection makes, over a list of (name, total, free) cards."""

    class NVMLError(Exception):
        pass

    def __init__(self, cards: list[tuple[str | bytes | None, int, int]], *,
                 no_driver: bool = False) -> None:
        self.cards = cards
        self.no_driver = no_driver
        self.shutdowns = 0

    def nvmlInit(self) -> None:
        if self.no_driver:
            raise self.NVMLError("Driver Not Loaded")

    def nvmlShutdown(self) -> None:
        self.shutdowns += 1

    def nvmlDeviceGetCount(self) -> int:
        return len(self.cards)

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:
        return index

    def nvmlDeviceGetName(self, handle: int) -> str | bytes:
        name = self.cards[handle][0]
        if name is None:  # a card that fell off the bus
            raise self.NVMLError("GPU is lost")
        return name

    def nvmlDeviceGetMemoryInfo(self, handle: int) -> SimpleNamespace:
        _, total, free = self.cards[handle]
        return SimpleNamespace(total=total, free=free, used=total - free)


def amd_card(root: Path, card: str, *, vendor: str = "0x1002", total: int, used: int,
             product: str | None = None) -> None:
    """Write one /sys/class/drm/cardN/device as the amdgpu driver lays it out."""
    device = root / "class" / "drm" / card / "device"
    device.mkdir(parents=True)
    (device / "vendor").write_text(f"{vendor}\n")
    (device / "device").write_text("0x73bf\n")
    (device / "mem_info_vram_total").write_text(f"{total}\n")
    (device / "mem_info_vram_used").write_text(f"{used}\n")
    if product:
        (device / "product_name").write_text(f"{product}\n")


@pytest.fixture
def no_nvidia() -> FakeNvml:
    return FakeNvml([])


def test_amd_discrete_card_is_read_from_sysfs(tmp_path: Path, no_nvidia: FakeNvml) -> None:
    amd_card(tmp_path, "card0", total=8 * GIB, used=GIB // 2, product="AMD Radeon RX 6600")
    (tmp_path / "class" / "drm" / "card0-DP-1").mkdir()  # a connector, not a device

    hw = detect(sysfs_root=tmp_path, nvml=no_nvidia, system="Linux")

    assert hw.gpus == (Gpu("amd", "AMD Radeon RX 6600", 8 * GIB, 7 * GIB + GIB // 2, False),)
    choice = choose_variant(hw)
    assert (choice.variant, choice.device, choice.gpu_name) == ("q8", "gpu", "AMD Radeon RX 6600")


def test_amd_apu_carve_out_counts_as_shared_memory(tmp_path: Path, no_nvidia: FakeNvml) -> None:
    amd_card(tmp_path, "card0", total=512 * MIB, used=100 * MIB)

    hw = detect(sysfs_root=tmp_path, nvml=no_nvidia, system="Linux")

    assert len(hw.gpus) == 1 and hw.gpus[0].unified and hw.gpus[0].vendor == "amd"
    assert "0x73bf" in hw.gpus[0].name  # no product_name file: the PCI id tells cards apart
    assert choose_variant(hw).device == "cpu"


def test_other_vendors_and_broken_cards_in_sysfs_are_ignored(tmp_path: Path,
                                                             no_nvidia: FakeNvml) -> None:
    amd_card(tmp_path, "card0", vendor="0x8086", total=GIB, used=0)  # Intel
    amd_card(tmp_path, "card1", vendor="0x10de", total=8 * GIB, used=0)  # NVIDIA seen by DRM
    amd_card(tmp_path, "card2", total=8 * GIB, used=0)
    (tmp_path / "class" / "drm" / "card2" / "device" / "mem_info_vram_used").write_text("garbage")

    assert detect(sysfs_root=tmp_path, nvml=no_nvidia, system="Linux").gpus == ()


def test_sysfs_is_read_only_on_linux(tmp_path: Path, no_nvidia: FakeNvml) -> None:
    amd_card(tmp_path, "card0", total=8 * GIB, used=0)
    assert detect(sysfs_root=tmp_path, nvml=no_nvidia, system="Windows").gpus == ()


@pytest.mark.parametrize(("total", "free", "variant", "device"), [
    (12 * GIB, 11 * GIB, "f16", "gpu"),   # 10.3 + 0.5 <= 11
    (8 * GIB, 7.5 * GIB, "q8", "gpu"),    # 6.9 + 0.5 <= 7.5 < 10.8
    (6 * GIB, 5.8 * GIB, "q8", "cpu"),    # 5.4 + 0.5 > 5.8: the processor path instead
    (4 * GIB, 3.8 * GIB, "q8", "cpu"),
])
def test_nvidia_card_decides_the_variant(tmp_path: Path, total: int, free: float, variant: str,
                                         device: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(psutil, "virtual_memory",
                        lambda: SimpleNamespace(total=16 * GIB, available=12 * GIB))
    nvml = FakeNvml([("NVIDIA GeForce RTX 3060", total, int(free))])

    choice = choose_variant(detect(sysfs_root=tmp_path, nvml=nvml, system="Linux"))

    assert (choice.variant, choice.device) == (variant, device)
    assert "NVIDIA GeForce RTX 3060" in choice.reason
    assert nvml.shutdowns == 1


def test_nvml_without_driver_means_no_nvidia_gpu(tmp_path: Path) -> None:
    hw = detect(sysfs_root=tmp_path, nvml=FakeNvml([], no_driver=True), system="Linux")
    assert hw.gpus == () and hw.ram_total > 0


def test_a_lost_card_does_not_hide_the_others(tmp_path: Path) -> None:
    nvml = FakeNvml([(None, 8 * GIB, 8 * GIB), (b"NVIDIA RTX A2000", 12 * GIB, 11 * GIB)])
    hw = detect(sysfs_root=tmp_path, nvml=nvml, system="Linux")
    assert hw.gpus == (Gpu("nvidia", "NVIDIA RTX A2000", 12 * GIB, 11 * GIB, False),)


def test_an_unexpected_driver_failure_never_escapes(tmp_path: Path) -> None:
    nvml = FakeNvml([("NVIDIA GeForce RTX 4090", 24 * GIB, 23 * GIB)])
    nvml.nvmlDeviceGetCount = lambda: 1 / 0  # type: ignore[method-assign]
    (tmp_path / "class").write_text("not a directory")

    hw = detect(sysfs_root=tmp_path, nvml=nvml, system="Linux")

    assert hw.gpus == () and hw.ram_total > 0


def test_real_pynvml_on_this_machine_never_raises(tmp_path: Path) -> None:
    try:
        pynvml.nvmlInit()
    except pynvml.NVMLError:
        driver = False
    else:
        driver = True
        pynvml.nvmlShutdown()

    nvidia = [g for g in detect(sysfs_root=tmp_path).gpus if g.vendor == "nvidia"]

    if driver:
        assert nvidia and all(0 < g.free_bytes <= g.total_bytes for g in nvidia)
    else:
        assert nvidia == []


def test_this_machine_reports_sane_memory() -> None:
    hw = detect()
    assert 512 * MIB < hw.ram_total < 64 * 1024 * GIB
    assert 0 < hw.ram_available <= hw.ram_total
    assert (hw.platform, hw.machine) == (platform.system(), platform.machine())
    assert choose_variant(hw).reason.endswith(".")


@pytest.mark.parametrize(("ram", "variant", "device"), [
    (16 * GIB, "q8", "gpu"),   # 10.4 GiB usable: f16 needs 10.8
    (24 * GIB, "f16", "gpu"),
    (8 * GIB, "q4", "cpu"),    # 5.2 GiB usable: too little for the whole q4 model
])
def test_apple_silicon_uses_a_share_of_unified_memory(ram: int, variant: str, device: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "machine", lambda: "arm64")
    monkeypatch.setattr(psutil, "virtual_memory",
                        lambda: SimpleNamespace(total=ram, available=ram * 3 // 4))
    untouched = FakeNvml([], no_driver=True)

    hw = detect(nvml=untouched, system="Darwin")

    assert hw.platform == "Darwin" and len(hw.gpus) == 1
    gpu = hw.gpus[0]
    assert gpu.vendor == "apple" and gpu.unified and gpu.total_bytes == int(ram * 0.65)
    choice = choose_variant(hw)
    assert (choice.variant, choice.device) == (variant, device)
    assert untouched.shutdowns == 0


def test_intel_mac_has_no_usable_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    assert detect(system="Darwin").gpus == ()
