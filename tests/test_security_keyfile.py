"""The key file on disk: 0600, atomic, and damage reported in a sentence instead of a traceback."""

from __future__ import annotations

import base64
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coheara.errors import KeyFileError, WrongPassphraseError, WrongRecoveryKeyError
from coheara.security.keys import KeyStore

N = 2**14
PASS = "correct horse battery staple"
Made = tuple[KeyStore, Path, bytes, str]  # store, key file path, data key, recovery key


@pytest.fixture
def made(home: Path) -> tuple[KeyStore, Path, bytes, str]:
    path = home / "vault.keys.json"
    created = KeyStore(path, keyring_backend=None, kdf_n=N).create(PASS)
    return KeyStore(path, keyring_backend=None, kdf_n=N), path, created.data_key, created.recovery_key


def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))


def flip_first_byte(doc: dict[str, Any], slot: str) -> None:
    wrap = doc[slot]["wrap"]
    raw = bytearray(base64.b64decode(wrap["ciphertext"]))
    raw[0] ^= 0x01
    wrap["ciphertext"] = base64.b64encode(bytes(raw)).decode()


def test_key_file_is_private_and_written_atomically(made: Made) -> None:
    keys, path, dek, _ = made
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    keys.change_passphrase(dek, "new words for the vault")
    keys.new_recovery_key(dek)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(path.parent.iterdir()) == [path]  # no temp or staging files left behind


def test_failed_rewrite_keeps_the_old_key_file(
    made: Made, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys, path, dek, _ = made
    before = path.read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        keys.change_passphrase(dek, "new words for the vault")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert list(path.parent.iterdir()) == [path]
    assert keys.unlock_with_passphrase(PASS) == dek


def test_flipped_byte_in_passphrase_wrap_reads_as_wrong_passphrase(made: Made) -> None:
    keys, path, _, recovery_key = made
    edit(path, lambda doc: flip_first_byte(doc, "passphrase"))
    with pytest.raises(WrongPassphraseError):
        keys.unlock_with_passphrase(PASS)
    edit(path, lambda doc: flip_first_byte(doc, "recovery"))
    with pytest.raises(WrongRecoveryKeyError):
        keys.unlock_with_recovery_key(recovery_key)


def test_wrap_moved_to_another_slot_does_not_unlock(made: Made) -> None:
    keys, path, _, recovery_key = made
    edit(path, lambda doc: doc["recovery"].update(wrap=doc["passphrase"]["wrap"]))
    with pytest.raises(WrongRecoveryKeyError):
        keys.unlock_with_recovery_key(recovery_key)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:40]),
    "empty": lambda p: p.write_bytes(b""),
    "not json": lambda p: p.write_bytes(b"\x00\xff garbage"),
    "json list": lambda p: p.write_text("[1, 2]"),
    "missing vault id": lambda p: edit(p, lambda d: d.pop("vault_id")),
    "bad base64": lambda p: edit(p, lambda d: d["passphrase"]["wrap"].update(ciphertext="@@@")),
    "short nonce": lambda p: edit(p, lambda d: d["passphrase"]["wrap"].update(nonce="AAAA")),
    "unknown kdf": lambda p: edit(p, lambda d: d["passphrase"]["kdf"].update(name="md5")),
    "huge scrypt cost": lambda p: edit(p, lambda d: d["passphrase"]["kdf"].update(n=2**30)),
    "n not a number": lambda p: edit(p, lambda d: d["passphrase"]["kdf"].update(n="131072")),
    "no slots": lambda p: edit(p, lambda d: d.update(passphrase=None, recovery=None, keyring=None)),
    "huge file": lambda p: p.write_bytes(b" " * 100_000),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_key_file_is_a_plain_error(made: Made, damage: Callable[[Path], None]) -> None:
    keys, path, _, _ = made
    damage(path)
    with pytest.raises(KeyFileError) as error:
        keys.unlock_with_passphrase(PASS)
    assert error.value.message == "The key file beside your vault is damaged."
    assert error.value.hint and "backup" in error.value.hint


def test_key_file_from_a_newer_coheara_is_refused(made: Made) -> None:
    keys, path, _, _ = made
    edit(path, lambda d: d.update(version=2))
    with pytest.raises(KeyFileError) as error:
        keys.unlock_with_passphrase(PASS)
    assert "newer version" in error.value.message


def test_missing_key_file_is_reported(made: Made) -> None:
    keys, path, _, _ = made
    path.unlink()
    assert keys.exists() is False
    with pytest.raises(KeyFileError) as error:
        keys.unlock_with_passphrase(PASS)
    assert error.value.message == "The key file beside your vault is missing."
