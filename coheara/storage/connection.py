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
from coheara.i18n import N_, _

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
        raise VaultError(_("The vault file is missing."), hint=_("Restore it from a backup, or start a new one."))
    if not create and path.is_file() and path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and the migrations would build an empty
        # vault in it: the patient's data would look gone, and later imports would go there.
        raise VaultDamagedError(_("The vault file is empty (0 bytes): it was cut short or overwritten."),
                                hint=_(DAMAGED_HINT))
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
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == SQLITE_NOTADB:
            raise KeyMismatchError(
                _("This key does not open the vault."),
                hint=_("The key file may belong to another vault, or the vault's first page is damaged."),
            ) from None
        raise map_database_error(exc) from None


# SQLite's primary result codes (https://sqlite.org/rescode.html) for the conditions a patient can
# meet; an extended code carries its primary one in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

# In English; translated with _() where they are raised.
DAMAGED_MESSAGE = N_("The vault file is damaged.")
DAMAGED_HINT = N_("Nothing was changed. Restore the latest copy from the backups folder.")


def known_database_error(exc: BaseException) -> VaultError | None:
    """The KnownError for a SQLCipher error a patient can meet, by result code; None for a bug.

    Classified by code, never by the words of the message (as qutebrowser's misc/sql.py does): a
    mistake in a query is a bug to log, not a damaged vault or a bad file.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return VaultDamagedError(_(DAMAGED_MESSAGE), hint=_(DAMAGED_HINT))
    if primary in (SQLITE_FULL, SQLITE_IOERR):
        return VaultWriteError(_("Coheara could not write to the disk (is it full?). Nothing already stored was lost."))
    if primary in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return VaultWriteError(_("The vault's folder cannot be written to (read-only, or no permission). "
                                 "Nothing already stored was lost."))
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultWriteError(_("The vault is busy in another Coheara window. Try again in a moment."))
    return None


def map_database_error(exc: BaseException) -> BaseException:
    """The KnownError for ``exc``, or ``exc`` itself when it is a bug (raise what this returns)."""
    return known_database_error(exc) or exc


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


SALT_BYTES = 16


def file_salt(path: Path) -> bytes | None:
    """The vault file's own random salt, or None when there is no such file or it is too short.

    SQLCipher keeps it unencrypted in the first 16 bytes and never changes it, so it tells one vault
    file from another without any key (a copy made through ``backup_to`` gets a salt of its own).
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(SALT_BYTES)
    except OSError:
        return None
    return head if len(head) == SALT_BYTES else None


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
