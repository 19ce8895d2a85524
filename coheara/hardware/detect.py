"""Read the machine's RAM and graphics memory without ever failing.

Sources, one per vendor (as Ollama finds them, reference/ollama-api.md section 5):

- RAM: psutil (on macOS its total is ``sysctl hw.memsize``).
- NVIDIA: NVML through nvidia-ml-py, imported only when asked; no driver means no NVIDIA GPU.
- AMD on Linux: ``/sys/class/drm/card*/device/mem_info_vram_{total,used}`` for vendor 0x1002.
- Apple Silicon: unified memory; the GPU can wire only about 0.65 of RAM, which is what we count.

Every source is guarded: a failure in one (a broken driver, an unreadable file) drops that source
and is logged, so ``detect()`` always returns, in well under a second.
"""

from __future__ import annotations

import logging
import platform
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import psutil

log = logging.getLogger(__name__)

AMD_VENDOR_ID = "0x1002"
#: Below this an AMD "VRAM" is a BIOS carve-out of an APU: the real graphics memory is system RAM.
APU_CARVEOUT_LIMIT = 2 << 30
#: Share of an Apple Silicon Mac's RAM the GPU may wire (recommendedMaxWorkingSetSize is 2/3-3/4).
APPLE_GPU_SHARE = 0.65

_T = TypeVar("_T")
_CARD_DIR = re.compile(r"card\d+")


@dataclass(frozen=True)
class Gpu:
    """One graphics processor. ``unified`` means it shares system RAM instead of its own memory."""

    vendor: str  # "nvidia" | "amd" | "apple" | "intel" | "other"
    name: str
    total_bytes: int
    free_bytes: int
    unified: bool


@dataclass(frozen=True)
class Hardware:
    """What the variant choice needs to know about this computer."""

    ram_total: int
    ram_available: int
    gpus: tuple[Gpu, ...]
    platform: str  # platform.system(): "Linux", "Darwin", "Windows"
    machine: str  # platform.machine(): "x86_64", "arm64", "AMD64"


def detect(
    *, sysfs_root: Path = Path("/sys"), nvml: object | None = None, system: str | None = None
) -> Hardware:
    """Detect RAM and GPUs. ``sysfs_root``, ``nvml`` (a pynvml-like module) and ``system`` are
    injectable for tests; by default the real ones are used. Never raises."""
    system = system or platform.system()
    machine = platform.machine()
    ram_total, ram_available = _guarded("RAM", _read_ram, (0, 0))
    gpus: list[Gpu] = []
    if system == "Darwin":
        if machine in ("arm64", "aarch64"):
            gpus.append(_apple_gpu(ram_total))
    else:
        gpus.extend(_guarded("NVIDIA", lambda: _nvidia_gpus(nvml), ()))
        if system == "Linux":
            gpus.extend(_guarded("AMD", lambda: _amd_gpus(sysfs_root), ()))
    return Hardware(ram_total, ram_available, tuple(gpus), system, machine)


def _guarded(source: str, read: Callable[[], _T], fallback: _T) -> _T:
    # Detection feeds a recommendation: a source that breaks must cost that source, not the app.
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 - any driver or file failure means "not detected"
        log.warning("%s detection failed: %s", source, type(exc).__name__)
        return fallback


def _read_ram() -> tuple[int, int]:
    memory = psutil.virtual_memory()
    return int(memory.total), int(memory.available)


def _nvidia_gpus(nvml: Any) -> tuple[Gpu, ...]:
    if nvml is None:
        try:
            import pynvml  # imported here: NVML costs time only when detection runs
        except ImportError:
            return ()
        nvml = pynvml
    try:
        nvml.nvmlInit()
    except nvml.NVMLError as exc:
        log.info("no NVIDIA driver: %s", type(exc).__name__)
        return ()
    try:
        gpus = []
        for index in range(nvml.nvmlDeviceGetCount()):
            try:
                handle = nvml.nvmlDeviceGetHandleByIndex(index)
                name = nvml.nvmlDeviceGetName(handle)
                memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            except nvml.NVMLError as exc:
                # One unusable card (lost from the bus, no memory figures) must not hide others.
                log.info("NVIDIA GPU %d skipped: %s", index, type(exc).__name__)
                continue
            if isinstance(name, bytes):  # nvidia-ml-py before 11.515 returned bytes
                name = name.decode("utf-8", "replace")
            gpus.append(Gpu("nvidia", str(name), int(memory.total), int(memory.free), False))
        return tuple(gpus)
    finally:
        try:
            nvml.nvmlShutdown()
        except nvml.NVMLError:
            pass


def _amd_gpus(sysfs_root: Path) -> tuple[Gpu, ...]:
    drm = sysfs_root / "class" / "drm"
    if not drm.is_dir():
        return ()
    gpus = []
    for card in sorted(drm.iterdir(), key=lambda p: p.name):
        if not _CARD_DIR.fullmatch(card.name):  # card0-DP-1 and renderD128 are not devices
            continue
        device = card / "device"
        try:
            if _read_text(device / "vendor").lower() != AMD_VENDOR_ID:
                continue
            total = int(_read_text(device / "mem_info_vram_total"))
            used = int(_read_text(device / "mem_info_vram_used"))
        except (OSError, ValueError) as exc:
            log.info("AMD card %s skipped: %s", card.name, type(exc).__name__)
            continue
        gpus.append(Gpu("amd", _amd_name(device), total, max(total - used, 0),
                        unified=total < APU_CARVEOUT_LIMIT))
    return tuple(gpus)


def _amd_name(device: Path) -> str:
    # product_name exists only on boards with a FRU EEPROM; the PCI id still tells cards apart.
    try:
        return _read_text(device / "product_name") or "AMD Radeon graphics"
    except OSError:
        pass
    try:
        return f"AMD Radeon graphics ({_read_text(device / 'device')})"
    except OSError:
        return "AMD Radeon graphics"


def _read_text(path: Path) -> str:
    return path.read_text(encoding="ascii", errors="replace").strip()


def _apple_gpu(ram_total: int) -> Gpu:
    usable = int(ram_total * APPLE_GPU_SHARE)
    # Ollama's Metal backend reports free == total: the budget is a share of RAM, not a live figure.
    return Gpu("apple", _apple_chip_name(), usable, usable, unified=True)


def _apple_chip_name() -> str:
    if sys.platform != "darwin":  # a simulated Mac in tests has no sysctl to ask
        return "Apple Silicon"
    try:
        done = subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True,
                              text=True, timeout=0.5, check=True)
    except (OSError, subprocess.SubprocessError):
        return "Apple Silicon"
    return done.stdout.strip() or "Apple Silicon"
