"""Extracted items and the audit trail of every change a patient makes to them.

Items are never physically changed without an ``item_edits`` row holding the old and new value, and a
deleted item is only marked deleted, so the model's original output can always be shown and restored.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from coheara.domain.items import Domain, ExtractedItem, Finding, ReviewState, Verification
from coheara.storage.connection import Connection, inserted_id

_COLUMNS = (
    "id, document_id, page_index, domain, fields_json, normalized_json, verification, field_verification,"
    " findings_json, boxes_json, review_state, attempt_id"
)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _item(row: tuple[Any, ...]) -> ExtractedItem:
    boxes = {k: [tuple(b) for b in v] for k, v in json.loads(row[9]).items()}
    return ExtractedItem(
        id=row[0],
        document_id=row[1],
        page_index=row[2],
        domain=Domain(row[3]),
        fields=json.loads(row[4]),
        normalized=json.loads(row[5]),
        verification=Verification(row[6]),
        field_verification=json.loads(row[7]),
        findings=tuple(Finding.from_json(f) for f in json.loads(row[8])),
        boxes=boxes,
        review_state=ReviewState(row[10]),
        attempt_id=row[11],
    )


def _snapshot(item: ExtractedItem) -> dict[str, Any]:
    return {
        "fields": item.fields,
        "normalized": item.normalized,
        "verification": item.verification.value,
        "field_verification": item.field_verification,
        "findings": [_finding(f) for f in item.findings],
        "review_state": item.review_state.value,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return f.as_json()


def insert_items(conn: Connection, document_id: int, items: Iterable[ExtractedItem]) -> list[int]:
    ids = []
    stamp = _now()
    for item in items:
        cur = conn.execute(
            f"INSERT INTO items ({_COLUMNS.replace('id, ', '', 1)}, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                item.page_index,
                item.domain.value,
                _dump(item.fields),
                _dump(item.normalized),
                item.verification.value,
                _dump(item.field_verification),
                _dump([_finding(f) for f in item.findings]),
                _dump({k: [list(b) for b in v] for k, v in item.boxes.items()}),
                item.review_state.value,
                item.attempt_id,
                stamp,
                stamp,
            ),
        )
        ids.append(inserted_id(cur))
    return ids


def get_item(conn: Connection, item_id: int) -> ExtractedItem | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else _item(row)


def items_for_document(conn: Connection, document_id: int) -> list[ExtractedItem]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM items WHERE document_id = ? AND deleted = 0 ORDER BY page_index, id", (document_id,)
    )
    return [_item(r) for r in rows]


def items_in_domain(conn: Connection, domain: Domain) -> list[ExtractedItem]:
    return list(iter_items_in_domain(conn, domain))


def iter_items_in_domain(conn: Connection, domain: Domain) -> Iterator[ExtractedItem]:
    """The items of ``domain`` in id order, read one at a time (years of lab values are never all
    held at once for nothing)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE domain = ? AND deleted = 0 ORDER BY id", (domain.value,))
    for row in rows:
        yield _item(row)


def all_items(conn: Connection) -> list[ExtractedItem]:
    return list(iter_items(conn))


def iter_items(conn: Connection, documents: Container[int] | None = None) -> Iterator[ExtractedItem]:
    """Every item (of ``documents`` only, when given), in id order, read from the vault one at a time:
    an export of years of values never holds them all. Items of other documents are not even parsed."""
    for row in conn.execute(f"SELECT {_COLUMNS} FROM items WHERE deleted = 0 ORDER BY id"):
        if documents is None or row[1] in documents:
            yield _item(row)


def item_counts(conn: Connection) -> dict[int, int]:
    """How many items (not deleted) each document has."""
    rows = conn.execute("SELECT document_id, count(*) FROM items WHERE deleted = 0 GROUP BY document_id")
    return {int(r[0]): int(r[1]) for r in rows}


def replace_document_items(conn: Connection, document_id: int, items: Iterable[ExtractedItem]) -> list[int]:
    """A fresh extraction replaces unreviewed model items; the patient's edits and additions stay."""
    conn.execute(
        "DELETE FROM items WHERE document_id = ? AND review_state = 'pending'"
        " AND id NOT IN (SELECT item_id FROM item_edits)",
        (document_id,),
    )
    return insert_items(conn, document_id, items)


def _record_edit(
    conn: Connection, item: ExtractedItem, action: str, old: dict[str, Any] | None, new: dict[str, Any] | None,
    batch: int | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO item_edits (item_id, document_id, at, action, old_json, new_json, batch)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (item.id, item.document_id, _now(), action, None if old is None else _dump(old),
         None if new is None else _dump(new), batch),
    )
    return inserted_id(cur)


def new_batch(conn: Connection) -> int:
    """A number for the changes of one action, so that one Undo reverses all of them."""
    row = conn.execute("SELECT COALESCE(MAX(batch), 0) + 1 FROM item_edits").fetchone()
    return int(row[0])


def _write(conn: Connection, item: ExtractedItem, deleted: bool = False) -> None:
    conn.execute(
        "UPDATE items SET fields_json = ?, normalized_json = ?, verification = ?, field_verification = ?,"
        " findings_json = ?, review_state = ?, deleted = ?, updated_at = ? WHERE id = ?",
        (
            _dump(item.fields),
            _dump(item.normalized),
            item.verification.value,
            _dump(item.field_verification),
            _dump([_finding(f) for f in item.findings]),
            item.review_state.value,
            int(deleted),
            _now(),
            item.id,
        ),
    )


def update_item(conn: Connection, before: ExtractedItem, after: ExtractedItem, action: str = "edit",
                batch: int | None = None) -> int:
    """Store ``after`` over ``before`` and record both in the audit trail. Returns the edit id."""
    _write(conn, after)
    return _record_edit(conn, before, action, _snapshot(before), _snapshot(after), batch)


def add_item(conn: Connection, document_id: int, item: ExtractedItem) -> int:
    (item_id,) = insert_items(conn, document_id, [item])
    stored = replace(item, id=item_id, document_id=document_id)
    _record_edit(conn, stored, "add", None, _snapshot(stored))
    return item_id


def delete_item(conn: Connection, item: ExtractedItem, batch: int | None = None) -> int:
    _write(conn, item, deleted=True)
    return _record_edit(conn, item, "delete", _snapshot(item), None, batch)


def edits_for_document(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, item_id, at, action, old_json, new_json, undone FROM item_edits WHERE document_id = ? ORDER BY id",
        (document_id,),
    )
    return [
        {
            "id": r[0],
            "item_id": r[1],
            "at": r[2],
            "action": r[3],
            "old": None if r[4] is None else json.loads(r[4]),
            "new": None if r[5] is None else json.loads(r[5]),
            "undone": bool(r[6]),
        }
        for r in rows
    ]


def undo_last_edit(conn: Connection, document_id: int) -> int | None:
    """Revert the newest not-yet-undone change of a document, with every change of the same batch
    (one action of the patient); each reversal is recorded too. Returns an item it touched, or None."""
    newest = conn.execute(
        "SELECT id, batch FROM item_edits WHERE document_id = ? AND undone = 0 AND action != 'undo'"
        " ORDER BY id DESC LIMIT 1",
        (document_id,),
    ).fetchone()
    if newest is None:
        return None
    edit_id, batch = newest
    rows = conn.execute(
        "SELECT id, item_id, action, old_json FROM item_edits WHERE document_id = ? AND undone = 0"
        " AND action != 'undo' AND batch = ? ORDER BY id DESC",
        (document_id, batch),
    ).fetchall() if batch is not None else conn.execute(
        "SELECT id, item_id, action, old_json FROM item_edits WHERE id = ?", (edit_id,)).fetchall()
    item_id = 0
    for edit_id, item_id, action, old_json in rows:
        _revert(conn, int(edit_id), int(item_id), str(action), old_json)
    return int(item_id)


def _revert(conn: Connection, edit_id: int, item_id: int, action: str, old_json: str | None) -> None:
    current_row = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE id = ?", (item_id,)).fetchone()
    current = _item(current_row)
    if action == "add" or old_json is None:
        _write(conn, current, deleted=True)
    else:
        old = json.loads(old_json)
        restored = replace(
            current,
            fields=old["fields"],
            normalized=old["normalized"],
            verification=Verification(old["verification"]),
            field_verification=old["field_verification"],
            findings=tuple(Finding.from_json(f) for f in old["findings"]),
            review_state=ReviewState(old["review_state"]),
        )
        _write(conn, restored, deleted=False)
    conn.execute("UPDATE item_edits SET undone = 1 WHERE id = ?", (edit_id,))
    _record_edit(conn, current, "undo", _snapshot(current), {"undid": edit_id})
