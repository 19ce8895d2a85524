"""Exports for the doctor, written only where the patient chose, atomically.

The file leaves the vault's protection: the CLI and the GUI say so every time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coheara import __version__
from coheara.errors import ExportError, UsageError
from coheara.export import EXPORT_FORMATS, render
from coheara.export.data import ExportData
from coheara.fileio import atomic_write_bytes
from coheara.services.vault import Vault
from coheara.storage import attempts as attempt_store
from coheara.storage import documents as docs
from coheara.storage import items as item_store

log = logging.getLogger(__name__)

NOT_ENCRYPTED_WARNING = (
    "The exported file is not encrypted: anyone who can open it can read your health data. "
    "Keep it safe and delete it when it is no longer needed."
)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    count: int


def gather(vault: Vault) -> ExportData:
    with vault.reading() as conn:
        documents = docs.list_documents(conn)
        items = item_store.all_items(conn)
        attempts = {a.id: a for a in attempt_store.all_attempts(conn) if a.id is not None}
    return ExportData(
        documents=documents,
        items=items,
        attempts=attempts,
        generated_at=datetime.now(UTC),
        app_version=__version__,
    )


def export_to_file(vault: Vault, fmt: str, output: Path) -> ExportResult:
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    output = Path(output).expanduser()
    if output.is_dir():
        raise ExportError("The export path is a folder; give a file name.")
    if not output.parent.is_dir():
        raise ExportError("The folder for the export file does not exist.")
    data = gather(vault)
    payload = render(fmt, data)
    try:
        atomic_write_bytes(output, payload, mode=0o600)
    except OSError:
        raise ExportError("The export file could not be written there (no permission, or the disk is full).") from None
    log.info("exported %d items as %s", len(data.items), fmt)
    return ExportResult(output, len(data.items))
