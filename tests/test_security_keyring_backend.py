"""The keyring allowlist: plaintext, null and fail backends mean "no keyring", never a fallback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import SecretService, fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.compat import properties
from security_support import MemoryKeyring

from coheara.errors import NoKeyAvailableError
from coheara.security.keyring_backend import backend_name, resolve_secure, secure_keyring_backend
from coheara.security.keys import KeyStore

SetKeyring = Callable[[object], None]

# Stand-ins named like the real modules; the allowlist decides by module name.
PlaintextKeyring = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
EncryptedKeyring = type("EncryptedKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
FakeSecretService = type("Keyring", (MemoryKeyring,), {"__module__": "keyring.backends.SecretService"})


def chainer_of(*members: object) -> ChainerBackend:
    class Chain(ChainerBackend):
        viable = False  # never picked by keyring's own detection

        @properties.classproperty
        def backends(cls) -> list[object]:
            return list(members)

    return Chain()


@pytest.fixture
def os_keyring(monkeypatch: pytest.MonkeyPatch) -> SetKeyring:
    """Set what keyring.get_keyring() returns for one test."""

    def set_to(backend: object) -> None:
        monkeypatch.setattr(keyring.core, "_keyring_backend", backend)

    return set_to


@pytest.mark.parametrize(
    "backend",
    [PlaintextKeyring(), EncryptedKeyring(), null.Keyring(), fail.Keyring(), MemoryKeyring()],
    ids=["plaintext", "encrypted-file", "null", "fail", "unknown"],
)
def test_insecure_backends_mean_no_keyring(backend: object, os_keyring: SetKeyring) -> None:
    assert resolve_secure(backend) is None
    os_keyring(backend)
    assert secure_keyring_backend() is None


def test_allowlisted_backends_are_used(os_keyring: SetKeyring) -> None:
    assert resolve_secure(SecretService.Keyring()) is not None
    secure = FakeSecretService()
    os_keyring(secure)
    assert secure_keyring_backend() is secure
    assert backend_name(secure) == "keyring.backends.SecretService.Keyring"


def test_chainer_resolves_to_its_secure_member(os_keyring: SetKeyring) -> None:
    secure = FakeSecretService()
    os_keyring(chainer_of(PlaintextKeyring(), secure))
    assert secure_keyring_backend() is secure
    assert resolve_secure(chainer_of(PlaintextKeyring(), null.Keyring())) is None


def test_plaintext_backend_is_never_written(home: Path, os_keyring: SetKeyring) -> None:
    """With keyrings.alt installed (it becomes the default), the key must not land in its file."""
    plaintext = PlaintextKeyring()
    os_keyring(plaintext)
    keyfile = home / "vault.keys.json"

    with pytest.raises(NoKeyAvailableError):
        KeyStore(keyfile, kdf_n=2**14).create(None)
    created = KeyStore(keyfile, kdf_n=2**14).create("correct horse battery staple")

    assert created.keyring_used is False
    assert plaintext.entries == {}
    assert KeyStore(keyfile, kdf_n=2**14).store_in_keyring(created.data_key) is False
    assert plaintext.entries == {}
    assert KeyStore(keyfile).protection().keyring_backend is None


def test_auto_uses_the_secure_os_keyring(home: Path, os_keyring: SetKeyring) -> None:
    secure = FakeSecretService()
    os_keyring(secure)
    keyfile = home / "vault.keys.json"
    created = KeyStore(keyfile, kdf_n=2**14).create(None)
    assert created.keyring_used and len(secure.entries) == 1
    assert KeyStore(keyfile).unlock_with_keyring() == created.data_key
    assert KeyStore(keyfile).protection().keyring_backend == "keyring.backends.SecretService.Keyring"
