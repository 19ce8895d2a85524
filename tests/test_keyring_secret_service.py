"""The real OS keyring: GNOME Keyring over a private D-Bus session (run packaging/ci_keyring.sh).

Skipped unless packaging/ci_keyring.sh started an isolated session (COHEARA_TEST_KEYRING=isolated)
and the Secret Service answers, so a developer's own login keyring is never written to.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coheara.errors import KeyringEntryLostError, NoKeyAvailableError
from coheara.security.keyring_backend import backend_name, secure_keyring_backend
from coheara.security.keys import SERVICE, KeyStore

pytestmark = pytest.mark.keyring

SKIP_REASON = "needs a Secret Service session (run packaging/ci_keyring.sh)"


def _secret_service() -> object | None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.environ.get("COHEARA_TEST_KEYRING") != "isolated":
        return None
    from keyring.backends import SecretService

    try:
        backend = SecretService.Keyring()
        SecretService.Keyring.priority  # noqa: B018 - raises when the service cannot be used
        backend.get_password(SERVICE, "coheara-probe")
    except Exception:
        return None
    return backend


@pytest.fixture
def secret_service(monkeypatch: pytest.MonkeyPatch) -> object:
    backend = _secret_service()
    if backend is None:
        pytest.skip(SKIP_REASON)
    import keyring.core

    # What keyring would pick by itself in this session; set explicitly so other tests' state
    # cannot change the choice.
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


def test_round_trip_through_gnome_keyring(home: Path, secret_service: object) -> None:
    keyfile = home / "vault.keys.json"
    assert secure_keyring_backend() is secret_service

    created = KeyStore(keyfile, kdf_n=2**14).create(None)  # keyring only: no passphrase asked
    assert created.keyring_used
    reopened = KeyStore(keyfile)
    assert reopened.unlock_with_keyring() == created.data_key
    protection = reopened.protection()
    assert protection.keyring_entry and protection.keyring_backend == backend_name(secret_service)
    assert not protection.backend_changed

    # The keyring's own file on disk holds neither the data key nor the keyring secret in the clear.
    vault_id = json.loads(keyfile.read_text())["vault_id"]
    kek_hex = secret_service.get_password(SERVICE, vault_id)  # type: ignore[attr-defined]
    assert kek_hex and bytes.fromhex(kek_hex) != created.data_key
    store_dir = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share")) / "keyrings"
    for stored in store_dir.glob("*.keyring"):
        blob = stored.read_bytes()
        assert kek_hex.encode() not in blob and created.data_key.hex().encode() not in blob

    assert reopened.unlock_with_recovery_key(created.recovery_key) == created.data_key
    reopened.change_passphrase(created.data_key, "correct horse battery staple")
    reopened.forget_keyring()
    assert secret_service.get_password(SERVICE, vault_id) is None  # type: ignore[attr-defined]
    with pytest.raises(NoKeyAvailableError):
        reopened.unlock_with_keyring()


def test_entry_removed_outside_coheara_then_restored(home: Path, secret_service: object) -> None:
    keyfile = home / "vault.keys.json"
    created = KeyStore(keyfile, kdf_n=2**14).create("correct horse battery staple")
    vault_id = json.loads(keyfile.read_text())["vault_id"]
    # The patient (or a cleanup tool) deletes the entry with the desktop's own tool.
    if shutil.which("secret-tool"):
        subprocess.run(["secret-tool", "clear", "service", SERVICE, "username", vault_id], check=True)
    else:
        secret_service.delete_password(SERVICE, vault_id)  # type: ignore[attr-defined]

    keys = KeyStore(keyfile)
    with pytest.raises(KeyringEntryLostError):
        keys.unlock_with_keyring()
    dek = keys.unlock_with_passphrase("correct horse battery staple")
    assert keys.store_in_keyring(dek) is True
    assert KeyStore(keyfile).unlock_with_keyring() == created.data_key
    keys.forget_keyring()


LOCKED_CHILD = """
import sys
from pathlib import Path
from coheara.errors import NoKeyAvailableError
from coheara.security import KeyStore
keys = KeyStore(Path(sys.argv[1]), kdf_n=2**14)
try:
    keys.create(None)
except NoKeyAvailableError as error:
    print("refused:", error.message)
print("keyring_used:", keys.create("correct horse battery staple").keyring_used)
"""


def test_locked_keyring_asks_for_a_passphrase(tmp_path: Path, secret_service: object) -> None:
    """A daemon with no unlocked collection and no prompter (a headless login): passphrase only."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.skip(SKIP_REASON)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.update(XDG_RUNTIME_DIR=str(tmp_path), DISPLAY="", WAYLAND_DISPLAY="")
    keyfile = tmp_path / "home" / "vault.keys.json"
    script = 'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec "$@"'
    child = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, "sh", sys.executable, "-c", LOCKED_CHILD, str(keyfile)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-2000:]
    assert "refused: " in child.stdout and "needs a passphrase" in child.stdout
    assert "keyring_used: False" in child.stdout
    assert sorted(p.name for p in keyfile.parent.iterdir()) == ["vault.keys.json"]
