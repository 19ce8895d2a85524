"""Every request series against the model, kept as the data for choosing strategies later."""

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


def all_attempts(conn: Connection) -> list[AttemptRecord]:
    return [_record(r) for r in conn.execute(f"SELECT id, {_COLUMNS} FROM attempts ORDER BY id")]
