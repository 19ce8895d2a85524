"""Creating and unlocking the vault: the one place where keys, the key file and the database meet.

Rules (DESIGN.md §2, the lessons of Signal Desktop's lost databases):
- a vault is created only when neither the vault nor its key file exists;
- failing to unlock never creates, overwrites or deletes anything;
- a wrong passphrase, a lost keyring entry and a damaged file are three different messages;
- before every migration the vault is backed up (encrypted, through SQLCipher's backup API).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coheara.config import AppPaths
from coheara.fileio import fsync_dir
from coheara.errors import (
    KeyFileError,
    KnownError,
    NoKeyAvailableError,
    StoredKeyInvalidError,
    VaultDamagedError,
    VaultError,
    VaultWriteError,
)
from coheara.i18n import _
from coheara.security.keys import KeyStore
from coheara.storage.connection import (
    DAMAGED_HINT,
    DAMAGED_MESSAGE,
    Connection,
    DatabaseError,
    KeyMismatchError,
    backup_to,
    connect,
    file_salt,
    integrity_problems,
    known_database_error,
    transaction,
)
from coheara.storage.migrations import migrate

log = logging.getLogger(__name__)

KEEP_BACKUPS = 5


@dataclass(frozen=True, slots=True)
class Credentials:
    """What the patient (or the environment) offered to unlock the vault."""

    passphrase: str | None = None
    recovery_key: str | None = None
    use_keyring: bool = True


class Vault:
    """An unlocked vault. Holds the data key; hands out short-lived connections (one per thread)."""

    def __init__(self, paths: AppPaths, key: bytes, keystore: KeyStore, unlocked_by: str) -> None:
        self.paths = paths
        self._key = key
        self.keystore = keystore
        self.unlocked_by = unlocked_by
        self.damaged = False  # set on the first sign of damage: from then on nothing is written

    def connect(self) -> Connection:
        return connect(self.paths.vault, self._key)

    @contextmanager
    def known_errors(self) -> Iterator[None]:
        """Database errors a patient can meet become one sentence (damage, full disk, busy); others
        stay bugs. Damage, once seen, stops every later write into this vault."""
        try:
            yield
        except DatabaseError as exc:
            known = known_database_error(exc)
            if known is None:
                raise
            if isinstance(known, VaultDamagedError):
                self.damaged = True
                log.error("the vault is damaged (%s); no more writes", getattr(exc, "sqlite_errorname", "?"))
            raise known from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.known_errors(), closing(self.connect()) as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection inside one write transaction: all of it commits, or none."""
        if self.damaged:
            raise VaultDamagedError(_(DAMAGED_MESSAGE),
                                    hint=_("Nothing more is written to it. {hint}").format(hint=_(DAMAGED_HINT)))
        with self.known_errors(), closing(self.connect()) as conn, transaction(conn):
            yield conn

    def change_passphrase(self, new_passphrase: str) -> None:
        self.keystore.change_passphrase(self._key, new_passphrase)

    def new_recovery_key(self) -> str:
        return self.keystore.new_recovery_key(self._key)

    def backup(self, label: str) -> Path:
        self.paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        target = self.paths.backups / f"vault-{label}-{stamp}.db"
        with self.reading() as conn:
            backup_to(conn, target, self._key)
        _prune_backups(self.paths.backups)
        return target


def _prune_backups(folder: Path) -> None:
    backups = sorted(folder.glob("vault-*.db"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def _creating(paths: AppPaths) -> Path:
    """Where a new vault is built; its presence means a creation that never finished."""
    return paths.vault.with_name(paths.vault.name + ".creating")


def _unfinished_creation(paths: AppPaths) -> bool:
    """A first run killed midway: the marker is there and no vault.db was ever put in place. Nothing
    can have been stored and the recovery key was never shown, so it is safe to start again."""
    return _creating(paths).exists() and not paths.vault.exists()


def _discard_unfinished_creation(paths: AppPaths) -> None:
    creating = _creating(paths)
    for path in (paths.keyfile, Path(f"{creating}-wal"), Path(f"{creating}-shm"), creating):
        path.unlink(missing_ok=True)
    log.info("an unfinished vault creation was discarded")


def vault_state(paths: AppPaths) -> str:
    """``new`` (nothing yet), ``ready`` (vault and key file), or ``broken`` (one without the other)."""
    if _unfinished_creation(paths):
        return "new"
    has_db, has_keys = paths.vault.exists(), paths.keyfile.exists()
    if not has_db and not has_keys:
        return "new"
    return "ready" if has_db and has_keys else "broken"


def _check_pair(paths: AppPaths) -> None:
    state = vault_state(paths)
    if state != "broken":
        return
    if paths.vault.exists():
        raise KeyFileError(
            _("The key file beside your vault ({name}) is missing.").format(name="vault.keys.json"),
            hint=_("Restore it from your backup; Coheara will not create a new vault over the old one."),
        )
    raise VaultError(
        _("The vault file ({name}) is missing but its key file is there.").format(name="vault.db"),
        hint=_("Restore {name} from your backup; Coheara will not start a new vault over its keys.").format(
            name="vault.db"),
    )


def create_vault(paths: AppPaths, keystore: KeyStore, passphrase: str | None) -> tuple[Vault, str]:
    """Create a new vault. Returns it and the recovery key, to be shown to the patient once."""
    if vault_state(paths) != "new":
        raise VaultError(_("A vault already exists here; Coheara never replaces one."))
    paths.ensure()
    if _unfinished_creation(paths):
        _discard_unfinished_creation(paths)
    # Atomic as a whole: the marker first, then the key file, then the database built beside its final
    # name and renamed into place last. A kill at any point before the rename leaves the marker, and
    # the next run starts again instead of finding a key file without its vault.
    creating = _creating(paths)
    try:
        creating.touch(mode=0o600, exist_ok=False)
    except FileExistsError:
        raise VaultError(_("Another Coheara is creating a vault here right now.")) from None
    except OSError as exc:
        raise _write_error(exc) from None
    try:
        created = keystore.create(passphrase)
        with closing(connect(creating, created.data_key, create=True)) as conn:
            migrate(conn)
            with transaction(conn):
                conn.execute(
                    "INSERT INTO vault_meta (key, value) VALUES ('created_at', ?)", (datetime.now(UTC).isoformat(),)
                )
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file that is renamed
        _remember_vault_file(keystore, creating)
        os.replace(creating, paths.vault)
        fsync_dir(paths.home)
    except BaseException as exc:
        # Nothing was stored yet: remove what this call created so the next try starts clean.
        _discard_unfinished_creation(paths)
        known: BaseException | None = None
        if isinstance(exc, DatabaseError):
            known = known_database_error(exc)
        elif isinstance(exc, OSError):
            known = _write_error(exc)
        if known is not None and known is not exc:
            raise known from None
        raise
    log.info("vault created (keyring: %s)", created.keyring_used)
    return Vault(paths, created.data_key, keystore, "created"), created.recovery_key


def _write_error(exc: OSError) -> VaultError | OSError:
    """A full disk or a file size limit during creation, in one sentence; any other OSError as it is."""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return VaultWriteError(_("Coheara could not write to the disk (is it full?). No vault was created; "
                                 "free some space and try again."))
    return exc


def unlock_vault(paths: AppPaths, keystore: KeyStore, credentials: Credentials) -> Vault:
    """Unlock with the recovery key, the keyring or the passphrase, then migrate if needed."""
    _check_pair(paths)
    if vault_state(paths) == "new":
        raise VaultError(_("There is no vault yet."), hint=_("Import a document or start the app to create one."))
    key, source = _unwrap(keystore, credentials)
    vault = Vault(paths, key, keystore, source)
    try:
        with closing(vault.connect()) as conn:
            migrate(conn, backup=lambda version: vault.backup(f"v{version}"))
    except KeyMismatchError:
        recorded = keystore.vault_salt()
        if recorded is not None and recorded != file_salt(paths.vault):
            # The key file was made for (or last opened) another vault file: not damage, a mix-up.
            raise KeyFileError(
                _("The key file beside your vault (vault.keys.json) belongs to another vault: the two were not "
                  "saved together."),
                hint=_("Put back the vault and the key file saved together (from the same backup). Nothing was "
                       "changed."),
            ) from None
        if source == "keyring":
            raise StoredKeyInvalidError(
                _("The key stored in your system keyring does not open this vault."),
                hint=_("Unlock with your passphrase or recovery key."),
            ) from None
        raise VaultDamagedError(
            _("The vault could not be decrypted although the key is right: its first page is damaged."),
            hint=_(DAMAGED_HINT),
        ) from None
    _remember_vault_file(keystore, paths.vault)
    if source != "keyring" and credentials.use_keyring:
        try:
            keystore.store_in_keyring(key)
        except KnownError:
            log.info("keyring not available to re-store the key")
    return vault


def _remember_vault_file(keystore: KeyStore, vault_file: Path) -> None:
    """Record in the key file which vault file its key opens (once for key files from before; again
    after a backup was put back, since a copy has a salt of its own). Best effort: it only sharpens
    the message when a key file is ever paired with another vault."""
    salt = file_salt(vault_file)
    if salt is None:
        return
    try:
        keystore.record_vault_salt(salt)
    except (KnownError, OSError):
        log.info("could not record the vault file in the key file")


def check_integrity(paths: AppPaths, keystore: KeyStore, credentials: Credentials) -> list[str]:
    """SQLCipher's page-by-page HMAC check and SQLite's own, on the vault as it is: nothing is
    migrated, backed up or written. Empty when the vault is whole; raises when it cannot be opened."""
    _check_pair(paths)
    key, _source = _unwrap(keystore, credentials)
    with closing(connect(paths.vault, key)) as conn:
        return integrity_problems(conn)


def _unwrap(keystore: KeyStore, credentials: Credentials) -> tuple[bytes, str]:
    if credentials.recovery_key:
        return keystore.unlock_with_recovery_key(credentials.recovery_key), "recovery"
    keyring_error: KnownError | None = None
    if credentials.use_keyring:
        try:
            return keystore.unlock_with_keyring(), "keyring"
        except KnownError as exc:
            keyring_error = exc
    if credentials.passphrase is not None:
        return keystore.unlock_with_passphrase(credentials.passphrase), "passphrase"
    if keyring_error is not None and not isinstance(keyring_error, NoKeyAvailableError):
        raise keyring_error
    raise NoKeyAvailableError(
        _("The vault is locked and no passphrase was given."),
        hint=_("Set COHEARA_PASSPHRASE, or run the command in a terminal to be asked."),
    )
