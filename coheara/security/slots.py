"""Making and opening the three slots of the key file (keyring, passphrase, recovery).

Each slot is the data key wrapped under its own key-encryption key, with associated data naming
the slot and the vault. Opening raises ``UnwrapFailed`` (wrong secret or tampered slot) or
ValueError (a keyring secret of the wrong shape); KeyStore turns those into the patient's errors.
"""

from __future__ import annotations

import hmac
import secrets

from coheara.security.keyfile import KeyFile, KeyringSlot, PassphraseSlot, RecoverySlot
from coheara.security.wrap import (
    KEY_BYTES,
    SALT_BYTES,
    ScryptParams,
    associated_data,
    dek_check,
    passphrase_kek,
    recovery_kek,
    unwrap_key,
    wrap_key,
)

SCRYPT_R = 8
SCRYPT_P = 1


def new_keyring_secret() -> bytes:
    """The random key-encryption key that goes into the OS keyring (as hex)."""
    return secrets.token_bytes(KEY_BYTES)


def make_keyring_slot(dek: bytes, vault_id: str, kek: bytes, backend: str, service: str) -> KeyringSlot:
    wrap = wrap_key(kek, dek, associated_data("keyring", vault_id))
    return KeyringSlot(backend=backend, service=service, username=vault_id, wrap=wrap)


def open_keyring_slot(slot: KeyringSlot, vault_id: str, secret: str) -> bytes:
    kek = bytes.fromhex(secret)
    if len(kek) != KEY_BYTES:
        raise ValueError("keyring secret has the wrong length")
    return unwrap_key(kek, slot.wrap, associated_data("keyring", vault_id))


def make_passphrase_slot(dek: bytes, vault_id: str, passphrase: str, n: int) -> PassphraseSlot:
    params = ScryptParams(n=n, r=SCRYPT_R, p=SCRYPT_P, salt=secrets.token_bytes(SALT_BYTES))
    kek = passphrase_kek(passphrase, params)
    return PassphraseSlot(params, wrap_key(kek, dek, associated_data("passphrase", vault_id)))


def open_passphrase_slot(slot: PassphraseSlot, vault_id: str, passphrase: str) -> bytes:
    kek = passphrase_kek(passphrase, slot.params)
    return unwrap_key(kek, slot.wrap, associated_data("passphrase", vault_id))


def make_recovery_slot(dek: bytes, vault_id: str, raw: bytes) -> RecoverySlot:
    salt = secrets.token_bytes(SALT_BYTES)
    kek = recovery_kek(raw, salt, vault_id)
    return RecoverySlot(salt, wrap_key(kek, dek, associated_data("recovery", vault_id)))


def open_recovery_slot(slot: RecoverySlot, vault_id: str, raw: bytes) -> bytes:
    kek = recovery_kek(raw, slot.salt, vault_id)
    return unwrap_key(kek, slot.wrap, associated_data("recovery", vault_id))


def check_scrypt_cost(n: int) -> None:
    """ValueError for a cost we would refuse to read back from a key file."""
    ScryptParams(n=n, r=SCRYPT_R, p=SCRYPT_P, salt=bytes(SALT_BYTES)).check()


def is_this_vaults_key(state: KeyFile, dek: bytes) -> bool:
    """Constant-time check of a data key against the key file's check value."""
    return len(dek) == KEY_BYTES and hmac.compare_digest(dek_check(dek, state.vault_id), state.dek_check)
