"""Settings: a non-local engine address needs explicit consent; nothing health-related is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from coheara.config import AppPaths
from coheara.errors import RemoteHostRefusedError, UsageError
from coheara.services import settings as service


def test_local_address_is_accepted_without_question(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path)
    saved = service.set_ollama_host(paths, "127.0.0.1:11500")
    assert saved.ollama_host == "http://127.0.0.1:11500" and not saved.allow_remote_host
    assert service.load(paths).ollama_host == "http://127.0.0.1:11500"


def test_remote_address_needs_consent(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path)
    with pytest.raises(RemoteHostRefusedError, match="sent over the network"):
        service.set_ollama_host(paths, "http://192.0.2.10:11434")
    assert not paths.settings.exists()
    saved = service.set_ollama_host(paths, "http://192.0.2.10:11434", confirmed_remote=True)
    assert saved.allow_remote_host


@pytest.mark.parametrize("bad", ["", "ftp://127.0.0.1", "http://my host:11434", "not a url at all"])
def test_malformed_address_is_refused_with_one_line(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UsageError, match="not a valid address"):
        service.set_ollama_host(AppPaths(tmp_path), bad)
