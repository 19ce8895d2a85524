"""Every request series against the model, per page: the data for choosing strategies later, and
the reason of each attempt that ``coheara documents --json`` shows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coheara.domain.provenance import AttemptRecord
from coheara.storage.connection import Connection, inserted_id

_COLUMNS = (
    "document_id, page_index, strategy, model, variant, prompt_version, started_at, seconds, tokens,"
    " requests, image_encodes, outcome, stop_reason, raw_output"
)


def insert_attempt(conn: Connection, record: AttemptRecord) -> int:
    cur = conn.execute(
        f"INSERT INTO attempts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.document_id,
            record.page_index,
            record.strategy,
            record.model,
            record.variant,
            record.prompt_version,
            record.started_at.isoformat(),
            record.seconds,
            record.tokens,
            record.requests,
            record.image_encodes,
            record.outcome,
            record.stop_reason,
            record.raw_output,
        ),
    )
    return inserted_id(cur)


def _record(row: tuple[Any, ...]) -> AttemptRecord:
    return AttemptRecord(
        id=row[0],
        document_id=row[1],
        page_index=row[2],
        strategy=row[3],
        model=row[4],
        variant=row[5],
        prompt_version=row[6],
        started_at=datetime.fromisoformat(row[7]),
        seconds=row[8],
        tokens=row[9],
        requests=row[10],
        image_encodes=row[11],
        outcome=row[12],
        stop_reason=row[13],
        raw_output=row[14],
    )


def attempts_for_document(conn: Connection, document_id: int) -> list[AttemptRecord]:
    rows = conn.execute(f"SELECT id, {_COLUMNS} FROM attempts WHERE document_id = ? ORDER BY id", (document_id,))
    return [_record(r) for r in rows]


def attempts_by_document(conn: Connection) -> dict[int, list[AttemptRecord]]:
    """Every attempt, grouped by document, oldest first (for ``coheara documents --json``)."""
    grouped: dict[int, list[AttemptRecord]] = {}
    for record in all_attempts(conn):
        grouped.setdefault(record.document_id, []).append(record)
    return grouped


def attempt_json(record: AttemptRecord, reason: str) -> dict[str, Any]:
    """One attempt for machine-readable output: what ran, how it ended and why (``reason``, a sentence).

    The raw output is left out: it is health data, and it is shown where the patient reviews it.
    """
    return {
        "page": record.page_index + 1,
        "strategy": record.strategy,
        "model": record.model,
        "started_at": record.started_at.isoformat(),
        "seconds": record.seconds,
        "requests": record.requests,
        "tokens": record.tokens,
        "outcome": record.outcome,
        "stop_reason": record.stop_reason,
        "reason": reason,
    }


def all_attempts(conn: Connection) -> list[AttemptRecord]:
    return [_record(r) for r in conn.execute(f"SELECT id, {_COLUMNS} FROM attempts ORDER BY id")]
