"""Atomic file writes (the QSaveFile pattern): a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``target`` through a temp file in the same folder, fsync, rename, fsync dir.

    If anything fails the old ``target`` is untouched and the temp file is removed.
    """
    atomic_write(target, lambda handle: handle.write(data), mode)


def atomic_write(target: Path, write: Callable[[BinaryIO], object], mode: int = 0o600) -> None:
    """``atomic_write_bytes`` for content written piece by piece: ``write(handle)`` writes it to the temp
    file (and may raise, to write nothing: the old ``target`` stays and the temp file is removed)."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
