"""Which OS keyrings we trust, and talking to one without ever falling back to a plaintext file.

Only backends that keep secrets in an OS-protected store are allowed: Secret Service (GNOME
Keyring, KeePassXC, KWallet 5.97+), libsecret (the same service through its C library), macOS
Keychain, Windows Credential Locker, KWallet. ``fail`` (headless Linux), ``null``, the
``keyrings.alt`` plaintext and encrypted-file backends, and anything unknown count as "no keyring":
installing ``keyrings.alt`` silently makes PlaintextKeyring the default (it stores base64), so we
check the backend's module rather than trusting keyring's choice. A ``chainer`` is replaced by its
best allowed member so that a read can never be answered by a plaintext member.

Every backend failure (locked collection, no D-Bus, a daemon that does not answer) becomes
NoKeyAvailableError: the caller then asks for the passphrase.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import keyring
import keyring.errors
from keyring.backends.chainer import ChainerBackend

from coheara.errors import NoKeyAvailableError
from coheara.i18n import N_, _

log = logging.getLogger(__name__)

SECURE_MODULES = frozenset(
    {
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
        "keyring.backends.kwallet",
    }
)

# In English; translated with _() where they are raised.
NO_KEYRING = N_("No secure keyring is available, so Coheara needs a passphrase.")
ASK_PASSPHRASE = N_("Set COHEARA_PASSPHRASE or run in a terminal to be asked.")


class SecretStore(Protocol):
    """What Coheara uses of a keyring backend: every ``keyring`` backend has it, so do test doubles."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


def backend_name(backend: object) -> str:
    """``module.Class`` of a backend: recorded in the key file to explain a later change."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_secure(backend: object) -> bool:
    """True for a backend from the allowlist (by module, so a subclass elsewhere does not pass)."""
    return type(backend).__module__ in SECURE_MODULES


def resolve_secure(backend: SecretStore | None) -> SecretStore | None:
    """The backend itself if allowed, the best allowed member of a chainer, else None."""
    if backend is None:
        return None
    if isinstance(backend, ChainerBackend):
        try:
            members: list[SecretStore] = list(backend.backends)  # already sorted best first
        except Exception as exc:  # a member failing to load means "not this one", not a crash
            log.warning("keyring chainer could not list its backends (%s)", type(exc).__name__)
            return None
        return next((member for member in members if is_secure(member)), None)
    return backend if is_secure(backend) else None


def secure_keyring_backend() -> SecretStore | None:
    """The OS keyring backend to use, or None when there is no secure one."""
    try:
        current = keyring.get_keyring()
    except Exception as exc:  # keyring's own detection failing means "no keyring"
        log.warning("keyring backend detection failed (%s)", type(exc).__name__)
        return None
    chosen = resolve_secure(current)
    if chosen is None:
        log.info("no secure keyring backend (found %s)", backend_name(current))
    return chosen


def read_secret(backend: SecretStore, service: str, username: str) -> str | None:
    """The stored secret, or None when the entry does not exist."""
    with _unavailable_as_known_error():
        return backend.get_password(service, username)


def write_secret(backend: SecretStore, service: str, username: str, secret: str) -> None:
    """Store (or replace) the entry."""
    with _unavailable_as_known_error():
        backend.set_password(service, username, secret)


def delete_secret(backend: SecretStore, service: str, username: str) -> None:
    """Remove the entry; an entry that is already gone is fine."""
    with _unavailable_as_known_error():
        try:
            backend.delete_password(service, username)
        except keyring.errors.PasswordDeleteError:
            pass


@contextmanager
def _unavailable_as_known_error() -> Iterator[None]:
    """Turn whatever a keyring backend raises into NoKeyAvailableError, with no secret in it."""
    try:
        yield
    except Exception as exc:
        # Backends raise keyring errors, but also D-Bus, OS and RuntimeErrors of their own; none of
        # them is ours to crash on. Only the type is logged: messages could name the entry.
        log.warning("keyring backend failed (%s)", type(exc).__name__)
        if isinstance(exc, keyring.errors.KeyringLocked):
            message = _("Your system keyring is locked, so Coheara needs a passphrase.")
        elif isinstance(exc, (keyring.errors.NoKeyringError, keyring.errors.InitError)):
            message = _(NO_KEYRING)
        else:
            message = _("Your system keyring did not answer, so Coheara needs a passphrase.")
        raise NoKeyAvailableError(message, hint=_(ASK_PASSPHRASE)) from None
