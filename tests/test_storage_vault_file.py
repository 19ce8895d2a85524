"""The vault file itself: encryption at rest, pragmas, wrong key vs damage, migrations and upgrades."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coheara.errors import VaultDamagedError, VaultTooNewError
from coheara.storage.connection import KeyMismatchError, connect, integrity_problems, map_database_error, transaction
from coheara.storage.migrations import available_migrations, current_version, latest_version, migrate

KEY = bytes(range(32))
OTHER_KEY = bytes(reversed(range(32)))
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_KEY = bytes.fromhex("c0ffee00" * 8)
SENTINEL = "METFORMIN_SECRET_MARKER_4711"


def _new_vault(path: Path) -> None:
    conn = connect(path, KEY, create=True)
    migrate(conn)
    with transaction(conn):
        conn.execute(
            "INSERT INTO documents (sha256, filename, kind, size, page_count, imported_at)"
            " VALUES ('x', ?, 'png', 1, 1, '2026-01-01T00:00:00+00:00')",
            (SENTINEL,),
        )
        conn.execute("INSERT INTO vault_meta (key, value) VALUES ('note', ?)", (SENTINEL * 200,))
    conn.close()


def test_sqlcipher_build_is_the_pinned_one(tmp_path: Path) -> None:
    conn = connect(tmp_path / "v.db", KEY, create=True)
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    assert "HAS_CODEC" in options
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY: temp tables never spill plaintext


def test_no_plaintext_on_disk_and_header_is_random(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    _new_vault(path)
    for file in tmp_path.iterdir():
        assert SENTINEL.encode() not in file.read_bytes(), file.name
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_stdlib_sqlite3_cannot_open_the_vault(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    _new_vault(path)
    # A separate process: two SQLite copies in one process can corrupt each other's locks.
    probe = "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('select * from sqlite_master').fetchall()"
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "file is not a database" in result.stderr


def test_wrong_key_is_told_apart_from_damage(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "v.db"
    _new_vault(path)
    with pytest.raises(KeyMismatchError):
        connect(path, OTHER_KEY)
    # cipher_log_level NONE: no HMAC noise on the terminal.
    assert "hmac" not in capfd.readouterr().err.lower()

    data = bytearray(path.read_bytes())
    data[4096 * 3 + 100] ^= 0xFF  # damage page 4, not page 1
    path.write_bytes(bytes(data))
    conn = connect(path, KEY)  # the key still opens page 1
    problems = integrity_problems(conn)
    assert any("HMAC" in p for p in problems)
    conn.close()


def test_corruption_maps_to_damage_by_its_result_code() -> None:
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11  # type: ignore[attr-defined]  # SQLITE_CORRUPT
    error = map_database_error(corrupt)
    assert isinstance(error, VaultDamagedError)
    assert "damaged" in error.message
    words_only = Exception("database disk image is malformed")
    assert map_database_error(words_only) is words_only  # no result code: a bug, raised as it is


def test_migrations_ship_as_package_data_in_order() -> None:
    migrations = available_migrations()
    assert [m.version for m in migrations] == list(range(1, latest_version() + 1))
    assert latest_version() >= 2


def test_upgrade_committed_v1_vault_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    shutil.copy(GOLDEN / "vault_v1.db", path)
    conn = connect(path, GOLDEN_KEY)
    assert current_version(conn) == 1
    backups: list[int] = []
    applied = migrate(conn, backup=backups.append)
    assert applied == list(range(2, latest_version() + 1))
    assert backups == [1]
    assert current_version(conn) == latest_version()
    row = conn.execute("SELECT filename FROM documents WHERE id = 1").fetchone()
    assert row[0] == "golden-lab.png"
    assert conn.execute("SELECT count(*) FROM item_edits").fetchone()[0] == 0
    assert integrity_problems(conn) == []
    conn.close()


def test_vault_newer_than_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    _new_vault(path)
    conn = connect(path, KEY)
    with transaction(conn):
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.close()
    before = path.read_bytes()
    conn = connect(path, KEY)
    with pytest.raises(VaultTooNewError, match="newer Coheara"):
        migrate(conn)
    conn.close()
    assert path.read_bytes() == before


def test_failed_migration_leaves_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coheara.storage.migrations as mig

    path = tmp_path / "v.db"
    conn = connect(path, KEY, create=True)
    migrate(conn, target=1)
    real = mig.available_migrations()
    broken = [*real[:1], mig.Migration(2, "broken", "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);")]
    monkeypatch.setattr(mig, "available_migrations", lambda: broken)
    with pytest.raises(Exception):
        migrate(conn)
    assert current_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    conn.close()


def test_temp_tables_do_not_spill_to_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmpdir = tmp_path / "sqlite-tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmpdir))
    conn = connect(tmp_path / "v.db", KEY, create=True)
    conn.execute("CREATE TEMP TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"{SENTINEL}{i}",) for i in range(20000)])
    conn.execute("SELECT x FROM t ORDER BY x DESC").fetchall()
    assert list(tmpdir.iterdir()) == []
    conn.close()
