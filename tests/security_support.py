"""Keyring backends for the security tests: real keyring.backend.KeyringBackend subclasses, in memory.

Their ``priority`` raises, so keyring's own auto-detection never picks them for another test.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps entries in a dict (a stand-in for the OS keyring)."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test backend: never chosen automatically")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise PasswordDeleteError("No such password!")
        del self.entries[(service, username)]


class OtherMemoryKeyring(MemoryKeyring):
    """A second backend class, to see a backend change explained."""


class BrokenKeyring(MemoryKeyring):
    """Every call raises ``error`` (a locked collection, no D-Bus, a failed init)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error
