"""Original files are stored in parts (schema 6) and read back whole, old vaults' originals too."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coheara.domain import FileKind
from coheara.storage import documents as docs
from coheara.storage.connection import Connection, connect, integrity_problems, transaction
from coheara.storage.migrations import migrate

KEY = bytes(range(32))
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_KEY = bytes.fromhex("c0ffee00" * 8)


def _vault(tmp_path: Path) -> Connection:
    conn = connect(tmp_path / "vault.db", KEY, create=True)
    migrate(conn)
    return conn


def _insert(conn: Connection, data: bytes, sha: str = "s1") -> int:
    with transaction(conn):
        return docs.insert_document(conn, filename="scan.pdf", sha256=sha, kind=FileKind.PDF, data=data,
                                    page_count=1)


@pytest.mark.parametrize("size", [1, 1000, 1024, 1025, 5 * 1024 + 7])
def test_original_is_stored_in_bounded_parts_and_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(docs, "ORIGINAL_PART_BYTES", 1024)
    conn = _vault(tmp_path)
    data = os.urandom(size)
    doc_id = _insert(conn, data)
    parts = conn.execute("SELECT length(data) FROM original_parts WHERE document_id = ? ORDER BY part",
                         (doc_id,)).fetchall()
    assert len(parts) == -(-size // 1024) and all(length <= 1024 for (length,) in parts)
    assert docs.original_bytes(conn, doc_id) == data
    assert integrity_problems(conn) == []


def test_deleting_a_document_removes_its_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "ORIGINAL_PART_BYTES", 100)
    conn = _vault(tmp_path)
    kept, gone = _insert(conn, b"k" * 250, "keep"), _insert(conn, b"g" * 250, "gone")
    with transaction(conn):
        assert docs.delete_document(conn, gone)
    assert conn.execute("SELECT count(*) FROM original_parts WHERE document_id = ?", (gone,)).fetchone()[0] == 0
    assert docs.original_bytes(conn, gone) is None
    assert docs.original_bytes(conn, kept) == b"k" * 250


def test_an_original_stored_before_parts_still_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copy(GOLDEN / "vault_v1.db", path)
    conn = connect(path, GOLDEN_KEY)
    migrate(conn)
    assert docs.original_bytes(conn, 1) == bytes.fromhex("89504e47")
