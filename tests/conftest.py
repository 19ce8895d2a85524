"""Shared fixtures: a private COHEARA_HOME per test, the third-party corpus, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed set of examples, so a merge is never blocked by a random draw;
# developers' runs stay random and keep looking for new counterexamples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read English sentences unless they choose a language: a German or French machine running
# the suite (and the command lines it starts) must not change what they read. LANGUAGE wins over
# LANG, so each test that wants German says so with LANGUAGE, or with an environment of its own.
os.environ["LANGUAGE"] = "en"

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    """The read-only third-party corpus beside the checkout (../shared/corpus)."""
    if not CORPUS.is_dir():
        pytest.skip("third-party corpus ../shared/corpus is not present on this machine")
    return CORPUS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh COHEARA_HOME for the test; nothing of ours is written elsewhere."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("COHEARA_HOME", str(path))
    yield path


# The fake Ollama server (tests/fake_ollama.py) and its `fake_ollama` fixture. tests/ is not a
# package; pytest puts this folder on sys.path, so helper modules import by their plain name.
from fake_ollama import fake_ollama  # noqa: E402,F401


@pytest.fixture(autouse=True)
def english_app(request: pytest.FixtureRequest) -> Iterator[None]:
    """GUI tests see the app as an English patient does: with the English catalogues installed
    (they hold the plural forms: "1 minute", not "1 minute(s)"), as run_gui installs them."""
    if request.node.get_closest_marker("gui") is not None:
        from coheara.gui.i18n import install
        from coheara.gui.main import application

        install(application(), "en", {})
    yield
