"""Wrapping the data key: AES-256-GCM under a key-encryption key, and the KDFs that make those keys.

A wrap is the data key (DEK) encrypted with AES-256-GCM under a 32-byte key-encryption key (KEK).
The associated data binds each wrap to its purpose and its vault, so a wrap copied from the
passphrase slot into the recovery slot, or from another vault's key file, fails its tag instead of
unlocking something unexpected.

KEKs come from scrypt (the patient's passphrase: slow on purpose), HKDF-SHA256 (the recovery key:
160 random bits need no stretching) or straight from the OS keyring (32 random bytes).

Python cannot reliably erase secrets from memory (bytes are immutable and get copied), so nothing
here pretends to zero them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 32

# Bounds for scrypt parameters read from a key file: a tampered file must not make us allocate
# gigabytes or spin for minutes. N=2**20 with r=8 is already 1 GiB.
SCRYPT_N_RANGE = (2**10, 2**20)
SCRYPT_R_RANGE = (1, 16)
SCRYPT_P_RANGE = (1, 4)


class UnwrapFailed(Exception):
    """The KEK or the wrap is wrong (AES-GCM tag mismatch). Carries no detail on purpose."""


@dataclass(frozen=True, slots=True)
class Wrap:
    """One encrypted copy of the data key: a fresh random nonce and ciphertext+tag."""

    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt cost parameters and salt; stored in the key file so they can grow over the years."""

    n: int
    r: int
    p: int
    salt: bytes

    def check(self) -> None:
        """Raise ValueError when a parameter is outside what we are willing to compute."""
        if self.n & (self.n - 1) or not SCRYPT_N_RANGE[0] <= self.n <= SCRYPT_N_RANGE[1]:
            raise ValueError("scrypt n must be a power of two within bounds")
        if not SCRYPT_R_RANGE[0] <= self.r <= SCRYPT_R_RANGE[1]:
            raise ValueError("scrypt r out of bounds")
        if not SCRYPT_P_RANGE[0] <= self.p <= SCRYPT_P_RANGE[1]:
            raise ValueError("scrypt p out of bounds")
        if len(self.salt) < 16:
            raise ValueError("scrypt salt too short")


def associated_data(purpose: str, vault_id: str) -> bytes:
    """What every wrap is bound to: format version, slot and vault."""
    return f"coheara-dek-v1|{purpose}|{vault_id}".encode("ascii")


def wrap_key(kek: bytes, dek: bytes, aad: bytes) -> Wrap:
    """Encrypt ``dek`` under ``kek`` with a fresh random nonce."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return Wrap(nonce=nonce, ciphertext=AESGCM(kek).encrypt(nonce, dek, aad))


def unwrap_key(kek: bytes, wrap: Wrap, aad: bytes) -> bytes:
    """Decrypt a wrap; raise UnwrapFailed for a wrong KEK or a tampered wrap."""
    try:
        dek = AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, aad)
    except InvalidTag:
        raise UnwrapFailed() from None
    if len(dek) != KEY_BYTES:
        raise UnwrapFailed()
    return dek


def passphrase_kek(passphrase: str, params: ScryptParams) -> bytes:
    """scrypt over the NFC-normalized passphrase, so the same words typed on any OS give one key."""
    params.check()
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    # hashlib's default maxmem (32 MiB) is below what N=2**17, r=8 needs (128 MiB).
    maxmem = 128 * params.r * (params.n + params.p + 2) + 2**20
    return hashlib.scrypt(
        secret, salt=params.salt, n=params.n, r=params.r, p=params.p, maxmem=maxmem, dklen=KEY_BYTES
    )


def recovery_kek(raw: bytes, salt: bytes, vault_id: str) -> bytes:
    """HKDF-SHA256: the recovery key has full entropy, so a cheap KDF is enough."""
    info = f"coheara-recovery-v1|{vault_id}".encode("ascii")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(raw)


def dek_check(dek: bytes, vault_id: str) -> bytes:
    """A 128-bit HMAC of the DEK, so a caller passing the wrong key is caught before a rewrap."""
    return hmac.new(dek, f"coheara-dek-check-v1|{vault_id}".encode("ascii"), "sha256").digest()[:16]


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    """Strict base64; raises ValueError on anything else."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None
