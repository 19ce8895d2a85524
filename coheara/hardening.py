"""What a process of ours does first so that a crash cannot leave health data behind."""

from __future__ import annotations

import sys


def no_core_dumps() -> None:
    """A crash must not write the process's memory (decrypted documents, keys) to disk: no core file,
    and on Linux not dumpable at all (which also keeps other processes of this user from ptrace)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_dumpable = 4
            ctypes.CDLL(None).prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
