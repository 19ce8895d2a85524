"""A key file beside the wrong vault is said to belong to another vault, not called damage.

The key file records the salt SQLCipher keeps unencrypted at the start of the vault file its key opens
(``vault_file_salt``). When the key does not open the vault beside it, the two salts tell a mix-up
(another vault's key file, or another vault file) from a first page that no longer decrypts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coheara.config import AppPaths
from coheara.errors import KeyFileError, VaultDamagedError
from coheara.security.keys import KeyStore
from coheara.services.vault import Credentials, create_vault, unlock_vault
from coheara.storage.connection import file_salt

FAST = 2**14
PASSPHRASE = "the same pass phrase on both"


def _store(paths: AppPaths) -> KeyStore:
    return KeyStore(paths.keyfile, keyring_backend=None, kdf_n=FAST)


def _vault(root: Path) -> AppPaths:
    paths = AppPaths(root)
    create_vault(paths, _store(paths), PASSPHRASE)
    return paths


def _unlock(paths: AppPaths) -> None:
    unlock_vault(paths, _store(paths), Credentials(passphrase=PASSPHRASE))


def _recorded(paths: AppPaths) -> str | None:
    value = json.loads(paths.keyfile.read_text()).get("vault_file_salt")
    return value if isinstance(value, str) else None


def test_a_new_key_file_knows_its_vault_file(tmp_path: Path) -> None:
    paths = _vault(tmp_path / "a")
    assert _store(paths).vault_salt() == file_salt(paths.vault) is not None
    assert _recorded(paths)


@pytest.mark.parametrize("swapped", ["keyfile", "vault"])
def test_a_key_file_and_a_vault_not_saved_together_are_called_a_mix_up(tmp_path: Path, swapped: str) -> None:
    mine, other = _vault(tmp_path / "mine"), _vault(tmp_path / "other")
    if swapped == "keyfile":
        shutil.copy(other.keyfile, mine.keyfile)
    else:
        shutil.copy(other.vault, mine.vault)
    before = {p.name: p.read_bytes() for p in mine.home.iterdir() if p.is_file()}
    with pytest.raises(KeyFileError, match="belongs to another vault") as refused:
        _unlock(mine)
    assert refused.value.hint is not None and "saved together" in refused.value.hint
    assert "damaged" not in refused.value.one_line()
    assert {p.name: p.read_bytes() for p in mine.home.iterdir() if p.is_file()} == before  # nothing written


def test_a_damaged_first_page_with_its_own_key_file_is_still_damage(tmp_path: Path) -> None:
    paths = _vault(tmp_path / "a")
    data = bytearray(paths.vault.read_bytes())
    data[200] ^= 0xFF  # after the salt: the key is right, the page no longer decrypts
    paths.vault.write_bytes(bytes(data))
    with pytest.raises(VaultDamagedError, match="first page is damaged"):
        _unlock(paths)


def test_a_key_file_from_before_learns_its_vault_file_on_the_next_unlock(tmp_path: Path) -> None:
    paths = _vault(tmp_path / "a")
    old = json.loads(paths.keyfile.read_text())
    del old["vault_file_salt"]
    paths.keyfile.write_text(json.dumps(old))
    assert _store(paths).vault_salt() is None
    _unlock(paths)  # an old key file still opens its vault
    assert _store(paths).vault_salt() == file_salt(paths.vault)


def test_a_backup_put_back_opens_and_becomes_the_recorded_vault_file(tmp_path: Path) -> None:
    paths = _vault(tmp_path / "a")
    vault = unlock_vault(paths, _store(paths), Credentials(passphrase=PASSPHRASE))
    copy = vault.backup("manual")
    assert file_salt(copy) != file_salt(paths.vault)  # a copy through SQLCipher has a salt of its own
    shutil.copy(copy, paths.vault)
    _unlock(paths)
    assert _store(paths).vault_salt() == file_salt(paths.vault)


def test_a_recorded_salt_of_the_wrong_size_is_a_damaged_key_file(tmp_path: Path) -> None:
    paths = _vault(tmp_path / "a")
    doc = json.loads(paths.keyfile.read_text())
    doc["vault_file_salt"] = "AAAA"
    paths.keyfile.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError, match="damaged"):
        _unlock(paths)
