"""Documents, their original bytes and their pages."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from coheara.domain.documents import DocumentStatus, DocumentSummary, FileKind, PageImage, TextWord
from coheara.domain.items import Finding
from coheara.domain.wording import shown
from coheara.storage.connection import Connection, inserted_id

# Originals are stored in parts of this size (schema 6): memory while storing is bounded by it.
ORIGINAL_PART_BYTES = 4 * 1024 * 1024

_COLUMNS = (
    "id, filename, sha256, kind, size, page_count, status, imported_at, doc_type, doc_date, issuer,"
    " language, failure, notes, findings_json"
)


def _summary(row: tuple[Any, ...]) -> DocumentSummary:
    return DocumentSummary(
        id=row[0],
        filename=row[1],
        sha256=row[2],
        kind=FileKind(row[3]),
        size=row[4],
        pages=row[5],
        status=DocumentStatus(row[6]),
        imported_at=datetime.fromisoformat(row[7]),
        doc_type=row[8],
        doc_date=row[9],
        issuer=row[10],
        language=row[11],
        failure=shown(row[12]),  # stored as templates: in the language of now
        notes=tuple(n for n in row[13].split("\n") if n),
        findings=tuple(Finding.from_json(f) for f in json.loads(row[14])),
    )


def find_by_sha256(conn: Connection, sha256: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def insert_document(
    conn: Connection,
    *,
    filename: str,
    sha256: str,
    kind: FileKind,
    data: bytes,
    page_count: int,
    notes: Iterable[str] = (),
) -> int:
    """Insert a document and its original bytes (call inside a transaction with its pages)."""
    cur = conn.execute(
        "INSERT INTO documents (sha256, filename, kind, size, page_count, status, imported_at, notes)"
        " VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)",
        (sha256, filename, kind.value, len(data), page_count, datetime.now(UTC).isoformat(), "\n".join(notes)),
    )
    doc_id = inserted_id(cur)
    conn.execute("INSERT INTO originals (document_id, data) VALUES (?, X'')", (doc_id,))
    # In parts, bound as views of ``data``: SQLite copies a bound blob and then builds its record from
    # the copy, so one row would hold the file three times over in memory at once.
    whole = memoryview(data)
    for part, start in enumerate(range(0, len(data), ORIGINAL_PART_BYTES)):
        conn.execute(
            "INSERT INTO original_parts (document_id, part, data) VALUES (?, ?, ?)",
            (doc_id, part, whole[start : start + ORIGINAL_PART_BYTES]),
        )
    return doc_id


def insert_page(conn: Connection, document_id: int, page: PageImage) -> None:
    words = [[w.text, w.x0, w.y0, w.x1, w.y1] for w in page.words]
    conn.execute(
        "INSERT INTO pages (document_id, page_index, image_png, text_layer, words_json, source_width,"
        " source_height, content_box) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            page.index,
            page.png,
            page.text,
            json.dumps(words, separators=(",", ":")),
            page.source_width,
            page.source_height,
            json.dumps(list(page.content_box)),
        ),
    )


def set_page_count(conn: Connection, document_id: int, count: int) -> None:
    conn.execute("UPDATE documents SET page_count = ? WHERE id = ?", (count, document_id))


def list_documents(conn: Connection) -> list[DocumentSummary]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM documents ORDER BY imported_at DESC, id DESC")
    return [_summary(r) for r in rows]


def get_document(conn: Connection, document_id: int) -> DocumentSummary | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,)).fetchone()
    return None if row is None else _summary(row)


def document_ids_with_status(conn: Connection, *statuses: DocumentStatus) -> list[int]:
    marks = ",".join("?" for _ in statuses)
    rows = conn.execute(f"SELECT id FROM documents WHERE status IN ({marks}) ORDER BY id", [s.value for s in statuses])
    return [int(r[0]) for r in rows]


def set_status(conn: Connection, document_id: int, status: DocumentStatus, failure: str | None = None) -> None:
    """``failure``: why reading failed, a sentence or ``coheara.domain.wording.stored`` sentences."""
    conn.execute("UPDATE documents SET status = ?, failure = ? WHERE id = ?", (status.value, failure, document_id))


def set_metadata(conn: Connection, document_id: int, meta: dict[str, str | None]) -> None:
    conn.execute(
        "UPDATE documents SET doc_type = ?, doc_date = ?, issuer = ?, language = ? WHERE id = ?",
        (meta.get("type"), meta.get("date"), meta.get("issuer"), meta.get("language"), document_id),
    )


def set_findings(conn: Connection, document_id: int, findings: list[Finding]) -> None:
    payload = [f.as_json() for f in findings]
    conn.execute("UPDATE documents SET findings_json = ? WHERE id = ?", (json.dumps(payload), document_id))


def original_bytes(conn: Connection, document_id: int) -> bytes | None:
    """The file as imported: its parts in order (or, stored before schema 6, the one blob)."""
    row = conn.execute("SELECT data FROM originals WHERE document_id = ?", (document_id,)).fetchone()
    if row is None:
        return None
    whole = io.BytesIO()
    whole.write(row[0])
    parts = conn.execute("SELECT data FROM original_parts WHERE document_id = ? ORDER BY part", (document_id,))
    for (part,) in parts:
        whole.write(part)
    return whole.getvalue()


def get_page(conn: Connection, document_id: int, page_index: int) -> PageImage | None:
    row = conn.execute(
        "SELECT page_index, image_png, text_layer, words_json, source_width, source_height, content_box"
        " FROM pages WHERE document_id = ? AND page_index = ?",
        (document_id, page_index),
    ).fetchone()
    if row is None:
        return None
    words = tuple(TextWord(w[0], w[1], w[2], w[3], w[4]) for w in json.loads(row[3]))
    box = tuple(json.loads(row[6]))
    return PageImage(
        index=row[0],
        png=bytes(row[1]),
        text=row[2],
        words=words,
        source_width=row[4],
        source_height=row[5],
        content_box=(box[0], box[1], box[2], box[3]),
    )


def page_count(conn: Connection, document_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM pages WHERE document_id = ?", (document_id,)).fetchone()[0])


def delete_document(conn: Connection, document_id: int) -> bool:
    """Remove the document and everything derived from it (cascades: pages, items, attempts, edits)."""
    cur = conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    return cur.rowcount > 0


def record_event(conn: Connection, document_id: int, action: str) -> None:
    """Keep what the patient did to the whole document (``reviewed``/``needs_review``) for History."""
    conn.execute("INSERT INTO document_events (document_id, at, action) VALUES (?, ?, ?)",
                 (document_id, datetime.now(UTC).isoformat(), action))


def events_for_document(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT id, at, action FROM document_events WHERE document_id = ? ORDER BY id",
                        (document_id,))
    return [{"event": r[0], "at": r[1], "action": r[2]} for r in rows]
