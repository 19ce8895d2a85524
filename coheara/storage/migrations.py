"""Schema migrations: ``migrations/NNNN_name.sql`` (package data ``coheara._migrations``), in order.

Each file and its record in ``schema_migrations`` run in one transaction (the sqlite-utils pattern),
so a crash leaves the vault at the previous version. Before migrating an existing vault, the caller's
``backup`` runs. A vault whose version is newer than this app knows is refused, untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from coheara.errors import VaultTooNewError
from coheara.i18n import _
from coheara.storage.connection import Connection, DatabaseError, map_database_error

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    """Every migration shipped with this build, sorted by version (works from a wheel too)."""
    found = []
    for entry in resources.files("coheara._migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbering has gaps or duplicates: {versions}")
    return found


def latest_version() -> int:
    return available_migrations()[-1].version


def current_version(conn: Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not row[0]:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])


def migrate(
    conn: Connection,
    *,
    backup: Callable[[int], object] | None = None,  # what it returns (the copy's path) is not used
    target: int | None = None,
) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all). Returns the versions applied."""
    migrations = available_migrations()
    newest = migrations[-1].version
    current = current_version(conn)
    if current > newest:
        raise VaultTooNewError(
            _("This vault was written by a newer Coheara (schema {current}; this app knows {newest}).").format(
                current=current, newest=newest),
            hint=_("Install the newer version of Coheara. The vault was not changed."),
        )
    goal = newest if target is None else target
    pending = [m for m in migrations if current < m.version <= goal]
    if not pending:
        return []
    if current > 0 and backup is not None:
        backup(current)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = []
    for migration in pending:
        stamp = datetime.now(UTC).isoformat()
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{migration.sql}\n"
            "INSERT INTO schema_migrations (version, name, applied_at) "
            f"VALUES ({migration.version}, '{migration.name}', '{stamp}');\n"
            "COMMIT;"
        )
        try:
            conn.executescript(script)
        except DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise map_database_error(exc) from None
        applied.append(migration.version)
    return applied
