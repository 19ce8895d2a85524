"""The key hierarchy as a patient lives it: first run, lost keyring entry, forgotten passphrase."""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import pytest
from keyring.errors import InitError, KeyringLocked, NoKeyringError
from security_support import BrokenKeyring, MemoryKeyring, OtherMemoryKeyring

from coheara.errors import (
    KeyFileError,
    KeyringEntryLostError,
    NoKeyAvailableError,
    StoredKeyInvalidError,
    UsageError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from coheara.security.keys import SERVICE, KeyStore

N = 2**14  # cheap scrypt for tests; the app uses 2**17
PASS = "correct horse battery staple"


@pytest.fixture
def keyfile(home: Path) -> Path:
    return home / "vault.keys.json"


@pytest.fixture
def ring() -> MemoryKeyring:
    return MemoryKeyring()


def store(keyfile: Path, backend: object | None) -> KeyStore:
    return KeyStore(keyfile, keyring_backend=backend, kdf_n=N)


def assert_no_key_material(keyfile: Path, *secrets: bytes) -> None:
    """Neither the DEK nor the keyring secret appears in the key file in any common encoding."""
    text = keyfile.read_bytes()
    for secret in secrets:
        for form in (secret, secret.hex().encode(), secret.hex().upper().encode(), base64.b64encode(secret)):
            assert form not in text


def test_first_run_wraps_the_key_three_ways(keyfile: Path, ring: MemoryKeyring) -> None:
    created = store(keyfile, ring).create(PASS)

    assert created.keyring_used and len(created.data_key) == 32
    assert store(keyfile, ring).exists()
    reopened = store(keyfile, ring)  # a later app start
    assert reopened.unlock_with_keyring() == created.data_key
    assert reopened.unlock_with_passphrase(PASS) == created.data_key
    assert reopened.unlock_with_recovery_key(created.recovery_key) == created.data_key
    protection = reopened.protection()
    assert (protection.keyring_entry, protection.passphrase, protection.recovery) == (True, True, True)
    assert protection.keyring_backend is not None and not protection.backend_changed
    # The keyring holds a key-encryption key, not the data key: alone it opens nothing.
    (entry,) = ring.entries.values()
    kek = bytes.fromhex(entry)
    assert kek != created.data_key
    assert_no_key_material(keyfile, created.data_key, kek)
    assert "hidden" in repr(created) and created.recovery_key not in repr(created)


def test_lost_keyring_entry_passphrase_unlocks_and_restores(keyfile: Path, ring: MemoryKeyring) -> None:
    dek = store(keyfile, ring).create(PASS).data_key
    ring.entries.clear()  # e.g. the keyring was reset
    keys = store(keyfile, ring)

    with pytest.raises(KeyringEntryLostError) as lost:
        keys.unlock_with_keyring()
    assert lost.value.message == "The key stored in your system keyring is missing."
    assert lost.value.hint == "Unlock with your passphrase or recovery key."
    assert keys.protection().keyring_entry is False

    assert keys.unlock_with_passphrase(PASS) == dek
    assert keys.store_in_keyring(dek) is True
    assert store(keyfile, ring).unlock_with_keyring() == dek


def test_forgotten_passphrase_recovery_key_unlocks_and_sets_a_new_one(keyfile: Path) -> None:
    created = store(keyfile, None).create("forgotten words here")
    keys = store(keyfile, None)

    dek = keys.unlock_with_recovery_key(created.recovery_key)
    keys.change_passphrase(dek, "brand new passphrase words")

    assert keys.unlock_with_passphrase("brand new passphrase words") == created.data_key
    with pytest.raises(WrongPassphraseError):
        keys.unlock_with_passphrase("forgotten words here")


@pytest.mark.parametrize("error", [NoKeyringError("none"), KeyringLocked("locked"), InitError("init")])
def test_unusable_keyring_needs_a_passphrase_and_never_falls_back(keyfile: Path, error: Exception) -> None:
    broken = BrokenKeyring(error)

    with pytest.raises(NoKeyAvailableError) as refused:
        store(keyfile, broken).create(None)
    assert "passphrase" in refused.value.message
    assert list(keyfile.parent.iterdir()) == []  # nothing written anywhere

    created = store(keyfile, broken).create(PASS)
    assert created.keyring_used is False
    assert list(keyfile.parent.iterdir()) == [keyfile]  # no plaintext key file beside it
    assert_no_key_material(keyfile, created.data_key)
    with pytest.raises(NoKeyAvailableError):
        store(keyfile, broken).unlock_with_keyring()
    assert store(keyfile, broken).unlock_with_passphrase(PASS) == created.data_key


@pytest.mark.parametrize("error", [NoKeyringError("none"), KeyringLocked("locked"), InitError("init")])
def test_keyring_failing_later_leaves_the_key_file_alone(
    keyfile: Path, ring: MemoryKeyring, error: Exception
) -> None:
    store(keyfile, ring).create(PASS)
    before = keyfile.read_bytes()
    keys = store(keyfile, BrokenKeyring(error))

    with pytest.raises(NoKeyAvailableError) as refused:
        keys.unlock_with_keyring()
    assert refused.value.hint == "Set COHEARA_PASSPHRASE or run in a terminal to be asked."
    assert keys.store_in_keyring(keys.unlock_with_passphrase(PASS)) is False
    assert keyfile.read_bytes() == before
    assert list(keyfile.parent.iterdir()) == [keyfile]


@pytest.mark.parametrize("stale", ["00" * 32, "ab" * 16, "not hex at all", ""])
def test_stale_keyring_secret_is_detected_not_used(keyfile: Path, ring: MemoryKeyring, stale: str) -> None:
    dek = store(keyfile, ring).create(PASS).data_key
    ((service, user),) = ring.entries
    ring.entries[(service, user)] = stale
    before = keyfile.read_bytes()

    with pytest.raises(StoredKeyInvalidError) as invalid:
        store(keyfile, ring).unlock_with_keyring()
    assert invalid.value.message == "The key stored in your system keyring is not valid for this vault."
    assert keyfile.read_bytes() == before
    assert store(keyfile, ring).unlock_with_passphrase(PASS) == dek


def test_no_keyring_and_no_passphrase_is_refused_with_the_hint(keyfile: Path) -> None:
    with pytest.raises(NoKeyAvailableError) as refused:
        store(keyfile, None).create(None)
    assert refused.value.message == "No secure keyring is available, so Coheara needs a passphrase."
    assert refused.value.hint == "Set COHEARA_PASSPHRASE or run in a terminal to be asked."


def test_keyring_only_vault_needs_no_passphrase(keyfile: Path, ring: MemoryKeyring) -> None:
    created = store(keyfile, ring).create(None)
    keys = store(keyfile, ring)
    assert keys.unlock_with_keyring() == created.data_key
    assert keys.protection().passphrase is False
    with pytest.raises(WrongPassphraseError):
        keys.unlock_with_passphrase(PASS)
    assert keys.unlock_with_recovery_key(created.recovery_key) == created.data_key


def test_change_passphrase_keeps_the_data_key(keyfile: Path, ring: MemoryKeyring) -> None:
    created = store(keyfile, ring).create(PASS)
    keys = store(keyfile, ring)
    keys.change_passphrase(created.data_key, "a different set of words")

    assert keys.unlock_with_passphrase("a different set of words") == created.data_key
    with pytest.raises(WrongPassphraseError) as wrong:
        keys.unlock_with_passphrase(PASS)
    assert wrong.value.message == "The passphrase is not correct."
    assert PASS not in wrong.value.one_line()
    assert keys.unlock_with_keyring() == created.data_key  # other slots untouched
    assert keys.unlock_with_recovery_key(created.recovery_key) == created.data_key


def test_new_recovery_key_replaces_the_old_one(keyfile: Path) -> None:
    created = store(keyfile, None).create(PASS)
    keys = store(keyfile, None)

    fresh = keys.new_recovery_key(created.data_key)

    assert fresh != created.recovery_key
    assert keys.unlock_with_recovery_key(fresh) == created.data_key
    with pytest.raises(WrongRecoveryKeyError) as old:
        keys.unlock_with_recovery_key(created.recovery_key)
    assert old.value.message == "The recovery key is not correct."


def test_rewrap_refuses_a_key_that_is_not_this_vaults(keyfile: Path, ring: MemoryKeyring) -> None:
    store(keyfile, ring).create(PASS)
    before = keyfile.read_bytes()
    keys = store(keyfile, ring)
    for rewrap in (
        lambda key: keys.change_passphrase(key, "x y z w"),
        keys.new_recovery_key,
        keys.store_in_keyring,
    ):
        with pytest.raises(ValueError):
            rewrap(bytes(32))
    assert keyfile.read_bytes() == before


def test_create_never_replaces_a_key_file(keyfile: Path, ring: MemoryKeyring) -> None:
    created = store(keyfile, ring).create(PASS)
    before = keyfile.read_bytes()

    with pytest.raises(KeyFileError):
        store(keyfile, ring).create("another passphrase entirely")
    assert keyfile.read_bytes() == before
    assert store(keyfile, ring).unlock_with_keyring() == created.data_key
    assert len(ring.entries) == 1


def test_create_loses_a_race_cleanly(
    keyfile: Path, ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another Coheara creates the key file between our check and our write: theirs stays."""
    import coheara.security.keyfile as keyfile_module

    real_write = keyfile_module.atomic_write_bytes

    def write_then_lose(target: Path, data: bytes, mode: int = 0o600) -> None:
        real_write(target, data, mode)
        keyfile.write_bytes(b"the other process's key file")

    monkeypatch.setattr(keyfile_module, "atomic_write_bytes", write_then_lose)
    with pytest.raises(KeyFileError):
        store(keyfile, ring).create(PASS)
    assert keyfile.read_bytes() == b"the other process's key file"
    assert list(keyfile.parent.iterdir()) == [keyfile]
    assert ring.entries == {}  # our orphan keyring entry was removed


def test_backend_change_is_explained(keyfile: Path, ring: MemoryKeyring) -> None:
    store(keyfile, ring).create(PASS)

    moved = store(keyfile, OtherMemoryKeyring())
    assert moved.protection().backend_changed is True
    with pytest.raises(KeyringEntryLostError) as lost:
        moved.unlock_with_keyring()
    assert "changed" in (lost.value.hint or "") and "MemoryKeyring" in (lost.value.hint or "")

    gone = store(keyfile, None)
    assert gone.protection().backend_changed is True
    assert gone.protection().keyring_backend is None
    with pytest.raises(NoKeyAvailableError):
        gone.unlock_with_keyring()


def test_forget_keyring_removes_entry_and_slot(keyfile: Path, ring: MemoryKeyring) -> None:
    created = store(keyfile, ring).create(PASS)
    keys = store(keyfile, ring)
    keys.forget_keyring()

    assert ring.entries == {}
    assert json.loads(keyfile.read_text())["keyring"] is None
    with pytest.raises(NoKeyAvailableError):
        keys.unlock_with_keyring()
    assert keys.unlock_with_passphrase(PASS) == created.data_key


def test_forget_keyring_while_locked_still_drops_the_slot(keyfile: Path, ring: MemoryKeyring) -> None:
    store(keyfile, ring).create(PASS)
    store(keyfile, BrokenKeyring(KeyringLocked("locked"))).forget_keyring()
    assert json.loads(keyfile.read_text())["keyring"] is None


def test_empty_passphrase_is_refused(keyfile: Path) -> None:
    with pytest.raises(UsageError):
        store(keyfile, None).create("")
    assert not keyfile.exists()


def test_scrypt_cost_comes_from_the_key_file(keyfile: Path) -> None:
    dek = KeyStore(keyfile, keyring_backend=None, kdf_n=2**12).create(PASS).data_key
    assert json.loads(keyfile.read_text())["passphrase"]["kdf"]["n"] == 2**12
    assert store(keyfile, None).unlock_with_passphrase(PASS) == dek


def test_nfc_and_nfd_passphrases_are_the_same(keyfile: Path) -> None:
    dek = store(keyfile, None).create("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e").data_key
    decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e"  # how macOS may deliver the same words
    assert store(keyfile, None).unlock_with_passphrase(decomposed) == dek


def test_secrets_stay_out_of_logs(
    keyfile: Path, ring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    created = store(keyfile, ring).create(PASS)
    keys = store(keyfile, ring)
    keys.unlock_with_keyring()
    with pytest.raises(WrongPassphraseError):
        keys.unlock_with_passphrase("wrong guess")
    keys.store_in_keyring(created.data_key)
    text = caplog.text
    (entry,) = ring.entries.values()
    for secret in (PASS, "wrong guess", created.recovery_key, created.data_key.hex(), entry):
        assert secret not in text
    assert (SERVICE, json.loads(keyfile.read_text())["vault_id"]) in ring.entries
