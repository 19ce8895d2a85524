"""Opening the SQLCipher vault with a raw 256-bit key, and telling wrong key from damage.

The key arrives as bytes; storage never asks for it (the security layer unwraps it). A raw key skips
SQLCipher's PBKDF2 (0.2 ms instead of 160 ms per open), so connections are cheap: each thread or
service call opens its own.

Failure modes are kept apart, because the fix differs (DESIGN.md §2, Signal-Desktop's lost vaults):
- ``file is not a database`` on page 1 → the key does not open this file (``KeyMismatchError``);
- HMAC failures / ``malformed`` later → the file is damaged (``VaultDamagedError``);
- I/O errors / disk full → ``VaultWriteError`` ("nothing was lost").
Nothing here ever creates, overwrites or deletes a vault because opening failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from coheara.errors import VaultDamagedError, VaultError, VaultWriteError

if TYPE_CHECKING:
    # sqlcipher3 ships no types; it is the sqlite3 module built against SQLCipher, with the same
    # DB-API surface, so the standard library's stubs describe it.
    from sqlite3 import Connection as Connection, Cursor as Cursor, DatabaseError as DatabaseError
else:
    from sqlcipher3.dbapi2 import Connection as Connection, Cursor as Cursor, DatabaseError as DatabaseError

log = logging.getLogger(__name__)

KEY_BYTES = 32


class KeyMismatchError(VaultError):
    """The key is well-formed but does not decrypt page 1 of this file."""


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the vault key must be 32 bytes")
    # PRAGMA takes no bound parameters; the statement is built only from hex we produced.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open (or, with ``create``, create) the vault at ``path`` and check the key on page 1."""
    path = Path(path)
    if not create and not path.exists():
        raise VaultError("The vault file is missing.", hint="Restore it from a backup, or start a new one.")
    conn: Connection = sqlcipher3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    try:
        # Route nothing to stderr: a wrong key would otherwise print HMAC errors to the terminal.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        # Temp tables and sorts stay in memory: with FILE they spill plaintext to an unencrypted file.
        conn.execute("PRAGMA temp_store = MEMORY")
        _check_key(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        # Deleted documents are overwritten on disk, not just unlinked from the b-tree.
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_key(conn: Connection) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text:
            raise KeyMismatchError(
                "This key does not open the vault.",
                hint="The key file may belong to another vault, or the vault's first page is damaged.",
            ) from None
        raise map_database_error(exc) from None


def map_database_error(exc: BaseException) -> VaultError:
    """Turn a SQLCipher exception into the KnownError a patient should see."""
    text = str(exc).lower()
    if "malformed" in text or "hmac" in text or "corrupt" in text or "not a database" in text:
        return VaultDamagedError(
            "The vault file is damaged.",
            hint="Nothing was changed. Restore the latest copy from the backups folder.",
        )
    if "disk i/o" in text or "full" in text or "readonly" in text or "read-only" in text:
        return VaultWriteError(
            "Coheara could not write to the disk (is it full?). Nothing already stored was lost.",
        )
    if "locked" in text or "busy" in text:
        return VaultWriteError("The vault is busy in another Coheara window. Try again in a moment.")
    return VaultError("The vault could not be read.", hint="Run `coheara doctor` for details.")


def inserted_id(cursor: Cursor) -> int:
    """The rowid of the row an INSERT just made through ``cursor``."""
    rowid = cursor.lastrowid
    if rowid is None:  # only before any INSERT: calling this then is a bug
        raise TypeError("the cursor has not inserted a row")
    return rowid


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def integrity_problems(conn: Connection) -> list[str]:
    """HMAC failures (``cipher_integrity_check``) plus SQLite's own structural check."""
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    if problems:
        return problems  # SQLite's own check would only fail on the same pages, less clearly
    try:
        structural = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:
        return [str(exc)]
    return [] if structural == ["ok"] else structural


def backup_to(conn: Connection, target: Path, key: bytes) -> None:
    """Copy the live vault to ``target`` encrypted under ``key`` (never a raw file copy)."""
    dst: Connection = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        dst.execute("PRAGMA cipher_log_level = NONE")
        dst.execute(_key_pragma(key))
        conn.backup(dst)
    finally:
        dst.close()
