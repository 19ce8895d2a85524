"""KeyStore: create, unlock and re-wrap the vault's data key.

The vault opens with a random 256-bit data key (DEK) that is stored only wrapped, in three slots
of the key file; any one unlocks:

1. OS keyring (convenience): the keyring holds a random 32-byte key-encryption key (KEK) and the key
   file holds the DEK wrapped by it. We store a KEK rather than the DEK itself so that the keyring
   entry alone (a synced keychain, a keyring export, a stale entry from an old vault) opens nothing
   without this key file; so a stale or wrong entry fails its AES-GCM tag
   (StoredKeyInvalidError) before the vault is touched instead of surfacing as "file is not a
   database"; and so forgetting the keyring works even while the keyring is locked (drop the wrap).
2. Passphrase (authoritative): scrypt + AES-256-GCM.
3. Recovery key (shown once): 160 random bits, HKDF + AES-256-GCM.

Nothing here falls back to a plaintext keyring or file, deletes or recreates anything because an
unlock failed, or puts a secret in a log line or an exception message.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from coheara.errors import (
    KeyFileError,
    KeyringEntryLostError,
    NoKeyAvailableError,
    StoredKeyInvalidError,
    UsageError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from coheara.i18n import N_, _
from coheara.security import keyfile as kf
from coheara.security import keyring_backend as kr
from coheara.security import recovery, slots
from coheara.security.wrap import KEY_BYTES, UnwrapFailed, dek_check

log = logging.getLogger(__name__)

SERVICE = "Coheara"
_OTHER_WAYS = N_("Unlock with your passphrase or recovery key.")


@dataclass(frozen=True, slots=True)
class CreatedKey:
    """What ``create`` returns. Show ``recovery_key`` once and ask the patient to keep it safe."""

    data_key: bytes
    recovery_key: str
    keyring_used: bool

    def __repr__(self) -> str:  # keep the secrets out of logs and test failure output
        return f"CreatedKey(data_key=<hidden>, recovery_key=<hidden>, keyring_used={self.keyring_used})"


@dataclass(frozen=True, slots=True)
class KeyProtection:
    """How the data key is protected, for ``coheara doctor``.

    ``keyring_backend`` is the secure backend found now (None: none). ``keyring_entry`` is true when
    the key file has a keyring slot and that backend still holds its entry. ``backend_changed`` is
    true when the keyring slot was written through a different backend than the one found now.
    """

    keyring_backend: str | None
    keyring_entry: bool
    passphrase: bool
    recovery: bool
    backend_changed: bool


class KeyStore:
    """The data key's wraps in one key file, and the OS keyring entry that goes with it.

    ``keyring_backend``: "auto" picks the OS keyring through the allowlist; None means no keyring;
    an object is used as given (tests pass an in-memory backend). ``kdf_n`` is the scrypt cost
    for passphrases set from now on; unlocking uses whatever the key file records.
    """

    def __init__(
        self,
        keyfile: Path,
        *,
        keyring_backend: kr.SecretStore | None | Literal["auto"] = "auto",
        kdf_n: int = 2**17,
    ) -> None:
        slots.check_scrypt_cost(kdf_n)
        self._path = Path(keyfile)
        self._backend_choice = keyring_backend
        self._backend_resolved = False
        self._backend: kr.SecretStore | None = None
        self._kdf_n = kdf_n

    # -- state -------------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the key file is there (a vault without one is the vault service's problem)."""
        return self._path.exists()

    def vault_salt(self) -> bytes | None:
        """The salt of the vault file this key file last opened; None in key files from before it was kept."""
        return kf.load(self._path).vault_salt

    def record_vault_salt(self, salt: bytes) -> None:
        """Remember which vault file the key opens (at creation, and after it opened one)."""
        state = kf.load(self._path)
        if state.vault_salt != salt:
            kf.replace(self._path, replace(state, vault_salt=salt))

    def protection(self) -> KeyProtection:
        """How the key is protected now; looks the keyring entry up (no decryption)."""
        state = kf.load(self._path)
        backend = self._keyring()
        entry = False
        if state.keyring is not None and backend is not None:
            try:
                entry = kr.read_secret(backend, state.keyring.service, state.keyring.username) is not None
            except NoKeyAvailableError:
                entry = False
        return KeyProtection(
            keyring_backend=kr.backend_name(backend) if backend is not None else None,
            keyring_entry=entry,
            passphrase=state.passphrase is not None,
            recovery=state.recovery is not None,
            backend_changed=self._backend_changed(state),
        )

    # -- create ------------------------------------------------------------------------------

    def create(self, passphrase: str | None) -> CreatedKey:
        """Make a new data key and write its key file. Never replaces an existing key file."""
        if self.exists():
            raise kf.exists_error()
        if passphrase is not None:
            _require_passphrase(passphrase)
        backend = self._keyring()
        if backend is None and passphrase is None:
            raise NoKeyAvailableError(_(kr.NO_KEYRING), hint=_(kr.ASK_PASSPHRASE))
        vault_id = str(uuid.uuid4())
        dek = secrets.token_bytes(KEY_BYTES)
        raw, recovery_text = recovery.generate()
        passphrase_slot = None
        if passphrase is not None:
            passphrase_slot = slots.make_passphrase_slot(dek, vault_id, passphrase, self._kdf_n)
        recovery_slot = slots.make_recovery_slot(dek, vault_id, raw)
        state = kf.KeyFile(vault_id, dek_check(dek, vault_id), None, passphrase_slot, recovery_slot)
        keyring_slot = None
        if backend is not None:
            try:
                keyring_slot = self._store_kek(backend, dek, vault_id)
            except NoKeyAvailableError:
                if passphrase is None:
                    raise
        try:
            kf.write_new(self._path, replace(state, keyring=keyring_slot))
        except BaseException:
            if keyring_slot is not None:  # do not leave an entry that no key file points to
                self._delete_entry(backend, keyring_slot)
            raise
        log.info("key file created for vault %s (keyring: %s)", vault_id, keyring_slot is not None)
        return CreatedKey(data_key=dek, recovery_key=recovery_text, keyring_used=keyring_slot is not None)

    # -- unlock ------------------------------------------------------------------------------

    def unlock_with_keyring(self) -> bytes:
        """The data key through the OS keyring. Never falls back to anything else.

        NoKeyAvailableError: no secure keyring, or it is locked or not answering.
        KeyringEntryLostError: the entry is gone. StoredKeyInvalidError: the entry does not open
        this key file (stale or foreign). The caller then offers the passphrase or recovery key.
        """
        state = kf.load(self._path)
        slot = state.keyring
        if slot is None:
            raise NoKeyAvailableError(_("Coheara's key is not kept in your system keyring."), hint=_(_OTHER_WAYS))
        backend = self._keyring()
        if backend is None:
            raise NoKeyAvailableError(_(kr.NO_KEYRING), hint=_(kr.ASK_PASSPHRASE))
        secret = kr.read_secret(backend, slot.service, slot.username)
        if secret is None:
            hint = _(_OTHER_WAYS)
            if self._backend_changed(state):
                hint = _("Your system keyring changed since it was stored ({backend}). {other_ways}").format(
                    backend=slot.backend, other_ways=hint)
            raise KeyringEntryLostError(_("The key stored in your system keyring is missing."), hint=hint)
        try:
            dek = slots.open_keyring_slot(slot, state.vault_id, secret)
        except (ValueError, TypeError, UnwrapFailed):
            raise StoredKeyInvalidError(
                _("The key stored in your system keyring is not valid for this vault."), hint=_(_OTHER_WAYS)
            ) from None
        return _checked(state, dek)

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        """The data key from the passphrase (about half a second of scrypt). WrongPassphraseError."""
        state = kf.load(self._path)
        if state.passphrase is None:
            raise WrongPassphraseError(
                _("This vault has no passphrase set."), hint=_("Unlock with your recovery key.")
            )
        try:
            dek = slots.open_passphrase_slot(state.passphrase, state.vault_id, passphrase)
        except UnwrapFailed:
            raise WrongPassphraseError(
                _("The passphrase is not correct."), hint=_("Try again, or unlock with your recovery key.")
            ) from None
        return _checked(state, dek)

    def unlock_with_recovery_key(self, text: str) -> bytes:
        """The data key from a typed recovery key (case, spaces and dashes do not matter)."""
        state = kf.load(self._path)
        raw = recovery.parse(text)
        if state.recovery is None:
            raise WrongRecoveryKeyError(
                _("This vault has no recovery key."), hint=_("Unlock with your passphrase.")
            )
        try:
            dek = slots.open_recovery_slot(state.recovery, state.vault_id, raw)
        except UnwrapFailed:
            raise WrongRecoveryKeyError(
                _("The recovery key is not correct."),
                hint=_("Use the newest recovery key you saved for this vault."),
            ) from None
        return _checked(state, dek)

    # -- change ------------------------------------------------------------------------------

    def change_passphrase(self, data_key: bytes, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase; the old one stops working. No vault rekey."""
        _require_passphrase(new_passphrase)
        state = self._loaded_for(data_key)
        slot = slots.make_passphrase_slot(data_key, state.vault_id, new_passphrase, self._kdf_n)
        kf.replace(self._path, replace(state, passphrase=slot))
        log.info("passphrase changed for vault %s", state.vault_id)

    def new_recovery_key(self, data_key: bytes) -> str:
        """Replace the recovery slot and return the new key to show once; the old key stops working."""
        state = self._loaded_for(data_key)
        raw, text = recovery.generate()
        slot = slots.make_recovery_slot(data_key, state.vault_id, raw)
        kf.replace(self._path, replace(state, recovery=slot))
        log.info("recovery key replaced for vault %s", state.vault_id)
        return text

    def store_in_keyring(self, data_key: bytes) -> bool:
        """(Re)store the key in the secure OS keyring, e.g. after a passphrase unlock. True if stored."""
        state = self._loaded_for(data_key)
        backend = self._keyring()
        if backend is None:
            return False
        try:
            slot = self._store_kek(backend, data_key, state.vault_id)
        except NoKeyAvailableError:
            return False
        # If this write fails, the entry holds a new secret the key file does not know: the next
        # keyring unlock reports StoredKeyInvalidError and the passphrase still works. Safe.
        kf.replace(self._path, replace(state, keyring=slot))
        log.info("key stored in keyring %s for vault %s", slot.backend, state.vault_id)
        return True

    def forget_keyring(self) -> None:
        """Drop the keyring slot, then the entry (best effort: without the slot it unlocks nothing)."""
        state = kf.load(self._path)
        slot = state.keyring
        if slot is None:
            return
        if state.passphrase is None and state.recovery is None:
            raise KeyFileError(
                _("The keyring is the only way left to unlock this vault."), hint=_("Set a passphrase first.")
            )
        kf.replace(self._path, replace(state, keyring=None))
        backend = self._keyring()
        if backend is not None:
            self._delete_entry(backend, slot)

    # -- internals ---------------------------------------------------------------------------

    def _keyring(self) -> kr.SecretStore | None:
        if not self._backend_resolved:
            choice = self._backend_choice
            self._backend = kr.secure_keyring_backend() if choice == "auto" else choice
            self._backend_resolved = True
        return self._backend

    def _backend_changed(self, state: kf.KeyFile) -> bool:
        if state.keyring is None:
            return False
        backend = self._keyring()
        return backend is None or kr.backend_name(backend) != state.keyring.backend

    def _store_kek(self, backend: kr.SecretStore, dek: bytes, vault_id: str) -> kf.KeyringSlot:
        kek = slots.new_keyring_secret()
        kr.write_secret(backend, SERVICE, vault_id, kek.hex())
        return slots.make_keyring_slot(dek, vault_id, kek, kr.backend_name(backend), SERVICE)

    def _delete_entry(self, backend: kr.SecretStore | None, slot: kf.KeyringSlot) -> None:
        if backend is None:
            return
        try:
            kr.delete_secret(backend, slot.service, slot.username)
        except NoKeyAvailableError:
            log.warning("keyring entry for vault %s could not be removed", slot.username)

    def _loaded_for(self, data_key: bytes) -> kf.KeyFile:
        """The key file, after checking ``data_key`` is this vault's key (a wrong one would lock it)."""
        state = kf.load(self._path)
        if not slots.is_this_vaults_key(state, data_key):
            raise ValueError("data_key is not this vault's data key")
        return state


def _checked(state: kf.KeyFile, dek: bytes) -> bytes:
    # A tag that verifies but a check that does not means someone assembled the key file by hand.
    if not slots.is_this_vaults_key(state, dek):
        raise KeyFileError(
            _("The key file beside your vault does not match itself."), hint=_("Restore it from your backup.")
        )
    return dek


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise UsageError(_("The passphrase cannot be empty."), hint=_("4 random words are strong."))
