"""Logging to a rotating file under COHEARA_HOME; log lines name documents by id, never by name."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from coheara.config import AppPaths

# Third-party clients log request URLs and sometimes bodies at DEBUG/INFO.
_QUIET = ("httpx", "httpcore", "ollama", "PIL", "keyring")


def configure_logging(paths: AppPaths) -> None:
    paths.logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = RotatingFileHandler(paths.logs / "coheara.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
