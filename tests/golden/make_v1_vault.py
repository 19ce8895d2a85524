"""How tests/golden/vault_v1.db was made (kept for the record; the committed file is the fixture).

A vault at schema version 1 (migration 0001 only), keyed with GOLDEN_KEY, holding one document with
one page and one lab result, written by Coheara 0.1.0 before migration 0002 existed.
Run: python tests/golden/make_v1_vault.py tests/golden/vault_v1.db
"""

from __future__ import annotations

import sys
from pathlib import Path

GOLDEN_KEY = bytes.fromhex("c0ffee00" * 8)


def main(target: Path) -> None:
    from coheara.storage.connection import connect, transaction
    from coheara.storage.migrations import migrate

    target.unlink(missing_ok=True)
    conn = connect(target, GOLDEN_KEY, create=True)
    migrate(conn, target=1)
    with transaction(conn):
        conn.execute(
            "INSERT INTO documents (id, sha256, filename, kind, size, page_count, status, imported_at)"
            " VALUES (1, 'ab12', 'golden-lab.png', 'png', 4, 1, 'needs_review', '2026-01-02T03:04:05+00:00')"
        )
        conn.execute("INSERT INTO originals (document_id, data) VALUES (1, x'89504e47')")
        conn.execute(
            "INSERT INTO pages (document_id, page_index, image_png, text_layer, words_json, source_width,"
            " source_height, content_box) VALUES (1, 0, x'89504e47', 'Hemoglobin 13.5 g/dL', '[]', 896, 896,"
            " '[0,0,896,896]')"
        )
        conn.execute(
            "INSERT INTO items (document_id, page_index, domain, fields_json, normalized_json, verification,"
            " created_at, updated_at) VALUES (1, 0, 'lab_results',"
            " '{\"test\":\"Hemoglobin\",\"value\":\"13.5\",\"unit\":\"g/dL\",\"reference_range\":null,"
            "\"flag\":null,\"date\":null}', '{}', 'verified', '2026-01-02T03:04:05+00:00',"
            " '2026-01-02T03:04:05+00:00')"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
