"""Creating and unlocking the vault: three distinct failures, and never a new vault over an old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_support import MemoryKeyring

from coheara.config import AppPaths
from coheara.errors import (
    KeyFileError,
    KeyringEntryLostError,
    NoKeyAvailableError,
    StoredKeyInvalidError,
    VaultDamagedError,
    VaultError,
    WrongPassphraseError,
)
from coheara.security.keys import KeyStore
from coheara.services.vault import Credentials, create_vault, unlock_vault, vault_state
from coheara.storage.connection import integrity_problems

FAST = 2**14


def _store(paths: AppPaths, backend: object | None = None) -> KeyStore:
    return KeyStore(paths.keyfile, keyring_backend=backend, kdf_n=FAST)


def _fingerprint(paths: AppPaths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in paths.home.iterdir() if p.is_file()}


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "home")


def test_create_then_unlock_with_passphrase(paths: AppPaths) -> None:
    vault, recovery = create_vault(paths, _store(paths), "correct horse battery staple")
    assert len(recovery.replace("-", "")) >= 26
    assert vault_state(paths) == "ready"
    again = unlock_vault(paths, _store(paths), Credentials(passphrase="correct horse battery staple"))
    with again.reading() as conn:
        assert integrity_problems(conn) == []
        assert conn.execute("SELECT value FROM vault_meta WHERE key = 'created_at'").fetchone()


def test_wrong_passphrase_changes_nothing(paths: AppPaths) -> None:
    create_vault(paths, _store(paths), "right one")
    before = _fingerprint(paths)
    with pytest.raises(WrongPassphraseError, match="passphrase is not correct"):
        unlock_vault(paths, _store(paths), Credentials(passphrase="wrong one"))
    assert _fingerprint(paths) == before


def test_recovery_key_opens_when_passphrase_forgotten(paths: AppPaths) -> None:
    _, recovery = create_vault(paths, _store(paths), "forgotten")
    vault = unlock_vault(paths, _store(paths), Credentials(recovery_key=recovery.lower().replace("-", " ")))
    vault.change_passphrase("a brand new passphrase")
    unlock_vault(paths, _store(paths), Credentials(passphrase="a brand new passphrase"))
    with pytest.raises(WrongPassphraseError):
        unlock_vault(paths, _store(paths), Credentials(passphrase="forgotten"))


def test_lost_keyring_entry_is_its_own_message_and_passphrase_restores_it(paths: AppPaths) -> None:
    keyring = MemoryKeyring()
    create_vault(paths, _store(paths, keyring), "pass phrase")
    assert unlock_vault(paths, _store(paths, keyring), Credentials()).unlocked_by == "keyring"
    keyring.entries.clear()
    with pytest.raises(KeyringEntryLostError, match="keyring is missing"):
        unlock_vault(paths, _store(paths, keyring), Credentials())
    vault = unlock_vault(paths, _store(paths, keyring), Credentials(passphrase="pass phrase"))
    assert vault.unlocked_by == "passphrase"
    assert keyring.entries  # re-stored after the passphrase unlock
    assert unlock_vault(paths, _store(paths, keyring), Credentials()).unlocked_by == "keyring"


def test_stale_keyring_secret_is_reported_not_replaced(paths: AppPaths) -> None:
    keyring = MemoryKeyring()
    create_vault(paths, _store(paths, keyring), "pass phrase")
    ((service, user), secret) = next(iter(keyring.entries.items()))
    keyring.entries[(service, user)] = secret[::-1]
    before = _fingerprint(paths)
    with pytest.raises((StoredKeyInvalidError, KeyringEntryLostError)):
        unlock_vault(paths, _store(paths, keyring), Credentials())
    assert _fingerprint(paths) == before


def test_no_keyring_and_no_passphrase_says_how(paths: AppPaths) -> None:
    create_vault(paths, _store(paths), "pass phrase")
    with pytest.raises(NoKeyAvailableError) as caught:
        unlock_vault(paths, _store(paths), Credentials())
    assert "COHEARA_PASSPHRASE" in (caught.value.hint or "")


def test_damaged_vault_is_reported_and_kept(paths: AppPaths) -> None:
    create_vault(paths, _store(paths), "pass phrase")
    data = bytearray(paths.vault.read_bytes())
    data[200] ^= 0xFF  # page 1: the key is right but the page no longer decrypts
    paths.vault.write_bytes(bytes(data))
    before = _fingerprint(paths)
    with pytest.raises(VaultDamagedError, match="damaged"):
        unlock_vault(paths, _store(paths), Credentials(passphrase="pass phrase"))
    assert _fingerprint(paths) == before


@pytest.mark.parametrize("missing", ["keyfile", "vault"])
def test_half_a_vault_is_never_replaced(paths: AppPaths, missing: str) -> None:
    create_vault(paths, _store(paths), "pass phrase")
    getattr(paths, missing).unlink()
    before = _fingerprint(paths)
    with pytest.raises((KeyFileError, VaultError)):
        unlock_vault(paths, _store(paths), Credentials(passphrase="pass phrase"))
    with pytest.raises(VaultError):
        create_vault(paths, _store(paths), "pass phrase")
    assert _fingerprint(paths) == before


def test_create_requires_passphrase_without_keyring(paths: AppPaths) -> None:
    with pytest.raises(NoKeyAvailableError):
        create_vault(paths, _store(paths), None)
    assert vault_state(paths) == "new"
