"""Secrets given through the environment, taken out of it at once.

``COHEARA_PASSPHRASE``, ``COHEARA_RECOVERY_KEY`` and ``COHEARA_NEW_PASSPHRASE`` let scripts and tests
unlock without a prompt. Left in ``os.environ`` they would be inherited by every child process
(a file manager opened from the app, a helper a library starts) and readable in its
``/proc/<pid>/environ``. They are moved into this process's memory before anything else runs.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

SECRET_VARIABLES = ("COHEARA_PASSPHRASE", "COHEARA_RECOVERY_KEY", "COHEARA_NEW_PASSPHRASE")
_taken: dict[str, str] = {}


def take_secrets(environ: MutableMapping[str, str] = os.environ) -> None:
    """Move the secret variables out of ``environ`` (idempotent: later calls take what is new)."""
    for name in SECRET_VARIABLES:
        value = environ.pop(name, None)
        if value is not None:
            _taken[name] = value


def secret(name: str) -> str | None:
    """A secret given through the environment, once taken (None when it was not given)."""
    take_secrets()
    return _taken.get(name)
