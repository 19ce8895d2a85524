"""The key file beside the vault: versioned JSON holding the wrapped data key, never the key itself.

It is not secret on its own (every slot is AES-GCM ciphertext), but the vault cannot be opened
without it, so it is backed up together with the vault. It is written atomically, mode 0600, and
created with a hard link so that two processes creating a vault at once cannot both win: the loser
would otherwise replace the winner's wraps and lock the patient out of the winner's vault.

    {"format": "coheara-keys", "version": 1, "vault_id": "<uuid>", "dek_check": "<b64>",
     "vault_file_salt": "<b64>",  (optional: absent in key files written before it existed)
     "keyring":    {"backend": "keyring.backends.SecretService.Keyring", "service": "Coheara",
                    "username": "<uuid>", "wrap": WRAP} | null,
     "passphrase": {"kdf": {"name": "scrypt", "n": 131072, "r": 8, "p": 1, "salt": "<b64>"},
                    "wrap": WRAP} | null,
     "recovery":   {"kdf": {"name": "hkdf-sha256", "salt": "<b64>"}, "wrap": WRAP} | null}
    WRAP = {"alg": "aes-256-gcm", "nonce": "<b64>", "ciphertext": "<b64>"}

``vault_file_salt`` is the salt SQLCipher keeps unencrypted at the start of the vault file this key
last opened (or was created with). When the key does not open the vault beside it, comparing the two
says whether the key file belongs to another vault or the vault's first page is damaged.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coheara.errors import KeyFileError
from coheara.fileio import atomic_write_bytes, fsync_dir
from coheara.i18n import N_, _
from coheara.security.wrap import KEY_BYTES, NONCE_BYTES, ScryptParams, Wrap, b64decode, b64encode

FORMAT = "coheara-keys"
VERSION = 1
_MAX_BYTES = 64 * 1024
VAULT_SALT_BYTES = 16
_DAMAGED_HINT = N_("Restore it from the backup you made together with the vault; the vault itself is untouched.")


@dataclass(frozen=True, slots=True)
class KeyringSlot:
    backend: str
    service: str
    username: str
    wrap: Wrap


@dataclass(frozen=True, slots=True)
class PassphraseSlot:
    params: ScryptParams
    wrap: Wrap


@dataclass(frozen=True, slots=True)
class RecoverySlot:
    salt: bytes
    wrap: Wrap


@dataclass(frozen=True, slots=True)
class KeyFile:
    """Everything in the key file. Immutable: changes build a new one and write it whole."""

    vault_id: str
    dek_check: bytes
    keyring: KeyringSlot | None
    passphrase: PassphraseSlot | None
    recovery: RecoverySlot | None
    vault_salt: bytes | None = None

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "dek_check": b64encode(self.dek_check),
            "keyring": None,
            "passphrase": None,
            "recovery": None,
        }
        if self.keyring:
            k = self.keyring
            doc["keyring"] = {
                "backend": k.backend,
                "service": k.service,
                "username": k.username,
                "wrap": _wrap_out(k.wrap),
            }
        if self.passphrase:
            p = self.passphrase.params
            kdf = {"name": "scrypt", "n": p.n, "r": p.r, "p": p.p, "salt": b64encode(p.salt)}
            doc["passphrase"] = {"kdf": kdf, "wrap": _wrap_out(self.passphrase.wrap)}
        if self.recovery:
            kdf = {"name": "hkdf-sha256", "salt": b64encode(self.recovery.salt)}
            doc["recovery"] = {"kdf": kdf, "wrap": _wrap_out(self.recovery.wrap)}
        if self.vault_salt is not None:
            doc["vault_file_salt"] = b64encode(self.vault_salt)
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def load(path: Path) -> KeyFile:
    """Read and check the key file; anything wrong is a KeyFileError with a plain sentence."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError(_("The key file beside your vault is missing."), hint=_(_DAMAGED_HINT)) from None
    except OSError:
        raise KeyFileError(
            _("The key file beside your vault cannot be read."), hint=_("Check its permissions.")
        ) from None
    if len(data) > _MAX_BYTES:
        raise KeyFileError(_("The key file beside your vault is damaged."), hint=_(_DAMAGED_HINT))
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a key file")
        if isinstance(doc.get("version"), int) and doc["version"] > VERSION:
            raise KeyFileError(
                _("The key file was written by a newer version of Coheara."),
                hint=_("Update Coheara to open this vault."),
            )
        return _parse(doc)
    except (ValueError, TypeError, KeyError, AttributeError):  # JSON, UTF-8 and shape errors alike
        raise KeyFileError(_("The key file beside your vault is damaged."), hint=_(_DAMAGED_HINT)) from None


def write_new(path: Path, keyfile: KeyFile) -> None:
    """Create the key file; refuse (KeyFileError) if one exists, even if it appeared a moment ago."""
    if path.exists():
        raise exists_error()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = path.with_name(f".{path.name}.new-{uuid.uuid4().hex}")
    atomic_write_bytes(staging, keyfile.to_json(), mode=0o600)
    try:
        os.link(staging, path)  # atomic, and fails if the target exists
    except FileExistsError:
        raise exists_error() from None
    except OSError:
        # No hard links on this file system (some FAT/network mounts): best effort instead.
        if path.exists():
            raise exists_error() from None
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    fsync_dir(path.parent)


def replace(path: Path, keyfile: KeyFile) -> None:
    """Rewrite an existing key file atomically (old or new, never half)."""
    atomic_write_bytes(path, keyfile.to_json(), mode=0o600)


def exists_error() -> KeyFileError:
    """The refusal to replace an existing key file."""
    return KeyFileError(
        _("A key file already exists here; Coheara never replaces one."),
        hint=_("Open the existing vault, or choose another Coheara folder."),
    )


def _parse(doc: dict[str, Any]) -> KeyFile:
    if _int(doc["version"]) != VERSION:
        raise ValueError("unknown version")
    vault_id = str(uuid.UUID(_str(doc["vault_id"])))
    dek_check = b64decode(_str(doc["dek_check"]))
    if len(dek_check) != 16:
        raise ValueError("dek_check")
    keyring = passphrase = recovery = None
    if (k := doc.get("keyring")) is not None:
        keyring = KeyringSlot(
            _str(k["backend"]), _str(k["service"]), _str(k["username"]), _wrap_in(k["wrap"])
        )
    if (p := doc.get("passphrase")) is not None:
        kdf = p["kdf"]
        if kdf["name"] != "scrypt":
            raise ValueError("kdf")
        salt = b64decode(_str(kdf["salt"]))
        params = ScryptParams(n=_int(kdf["n"]), r=_int(kdf["r"]), p=_int(kdf["p"]), salt=salt)
        params.check()
        passphrase = PassphraseSlot(params, _wrap_in(p["wrap"]))
    if (r := doc.get("recovery")) is not None:
        if r["kdf"]["name"] != "hkdf-sha256":
            raise ValueError("kdf")
        recovery = RecoverySlot(b64decode(_str(r["kdf"]["salt"])), _wrap_in(r["wrap"]))
    if keyring is None and passphrase is None and recovery is None:
        raise ValueError("no slot")
    vault_salt = None
    if (recorded := doc.get("vault_file_salt")) is not None:
        vault_salt = b64decode(_str(recorded))
        if len(vault_salt) != VAULT_SALT_BYTES:
            raise ValueError("vault_file_salt")
    return KeyFile(vault_id, dek_check, keyring, passphrase, recovery, vault_salt)


def _wrap_out(wrap: Wrap) -> dict[str, str]:
    return {"alg": "aes-256-gcm", "nonce": b64encode(wrap.nonce), "ciphertext": b64encode(wrap.ciphertext)}


def _wrap_in(obj: dict[str, Any]) -> Wrap:
    if obj["alg"] != "aes-256-gcm":
        raise ValueError("alg")
    wrap = Wrap(nonce=b64decode(_str(obj["nonce"])), ciphertext=b64decode(_str(obj["ciphertext"])))
    if len(wrap.nonce) != NONCE_BYTES or len(wrap.ciphertext) != KEY_BYTES + 16:
        raise ValueError("wrap size")
    return wrap


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected integer")
    return value
