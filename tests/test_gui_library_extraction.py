"""Live reading from the library against the fake Ollama over real HTTP: progress per document, page
and token; Cancel mid-page leaves the document queued; a missing engine is one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, lab_page, slow
from gui_helpers import (  # noqa: F401
    GUI_MARKS,
    make_vault,
    qt_warnings,
    wait_idle,
    write_documents,
)
from gui_helpers import open_unlocked as unlocked
from pytestqt.qtbot import QtBot

from coheara.cancel import Progress
from coheara.domain.documents import DocumentStatus
from coheara.gui.models.documents import STATUS
from coheara.gui.views.extraction import FINISHED_PANEL_MS
from coheara.gui.window import MainWindow
from coheara.services import documents as doc_service
from coheara.services import review as review_service

pytestmark = GUI_MARKS
MODEL = "coheara-medgemma-4b-q8"


def open_unlocked(qtbot: QtBot, home: Path, env: dict[str, str]) -> MainWindow:
    paths, _, _ = make_vault(home)
    window: MainWindow = unlocked(qtbot, paths, env)
    return window


@pytest.fixture
def window(qtbot: QtBot, home: Path, fake_ollama: FakeOllama) -> Iterator[MainWindow]:
    fake_ollama.add_model(MODEL)
    win = open_unlocked(qtbot, home, {"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8"})
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx, timeout=30_000)


def test_imported_documents_are_read_with_live_progress(qtbot: QtBot, window: MainWindow, fake_ollama: FakeOllama,
                                                       tmp_path: Path) -> None:
    fake_ollama.responder = PageResponder(lab_page(4))
    events: list[Progress] = []
    statuses: list[str] = []
    library = window.library
    library.extractor.progressed.connect(events.append)
    library.model.dataChanged.connect(
        lambda *_: statuses.extend(library.model.index(r, STATUS).data() for r in range(library.model.rowCount())))
    library.import_paths(write_documents(tmp_path / "in", 1, pages=2))
    qtbot.waitUntil(lambda: library.extraction.close_button.isVisible(), timeout=60_000)
    wait_idle(qtbot, window.ctx)
    assert library.extraction.title.text() == "Reading finished"
    assert library.extraction.outcome.text().startswith("1 document read")
    bar = library.extraction.pages_bar
    assert (bar.value(), bar.maximum()) == (2, 2)  # ends at "2 of 2 pages", not one short
    assert {e.stage for e in events} >= {"document", "page", "tokens"}
    assert "Reading (page 2 of 2)" in statuses
    [doc] = doc_service.list_documents(window.ctx.require_vault())
    assert doc.status is DocumentStatus.NEEDS_REVIEW and doc.failure is None
    assert review_service.items_for_document(window.ctx.require_vault(), doc.id)
    qtbot.waitUntil(lambda: library.model.index(0, STATUS).data() == "Needs review")
    # A reading that went well folds its panel away after a while; the library gets its room back.
    qtbot.waitUntil(lambda: not library.extraction.isVisible(), timeout=FINISHED_PANEL_MS + 5_000)
    # The import line no longer promises a reading that already happened.
    assert library.results.lines() == ["report-0.pdf — Imported (2 pages) and read: ready for your review."]


def test_cancel_mid_page_keeps_the_document_queued(qtbot: QtBot, window: MainWindow, fake_ollama: FakeOllama,
                                                  tmp_path: Path) -> None:
    fake_ollama.responder = lambda body: slow(lab_page(12), 0.05)
    library = window.library
    tokens: list[Progress] = []
    library.extractor.progressed.connect(lambda e: tokens.append(e) if e.stage == "tokens" else None)
    library.import_paths(write_documents(tmp_path / "in", 1))
    qtbot.waitUntil(lambda: len(tokens) >= 2, timeout=30_000)
    assert "tokens read" in library.extraction.detail.text()
    library.extraction.cancel_button.click()
    qtbot.waitUntil(lambda: not library.extractor.running(), timeout=15_000)
    wait_idle(qtbot, window.ctx)
    assert library.extraction.title.text() == "Reading stopped"
    [doc] = doc_service.list_documents(window.ctx.require_vault())
    assert doc.status is DocumentStatus.QUEUED and doc.failure is None
    qtbot.waitUntil(lambda: library.model.index(0, STATUS).data() == "Queued")
    assert library.read_button.isEnabled()


def test_the_engine_not_running_is_one_sentence_and_documents_stay_queued(qtbot: QtBot, home: Path,
                                                                          tmp_path: Path) -> None:
    window = open_unlocked(qtbot, home, {"OLLAMA_HOST": "http://127.0.0.1:9"})
    library = window.library
    library.import_paths(write_documents(tmp_path / "in", 1))
    qtbot.waitUntil(lambda: library.extraction.close_button.isVisible(), timeout=30_000)
    wait_idle(qtbot, window.ctx)
    text = library.extraction.outcome.text()
    assert library.extraction.title.text() == "Reading could not start"
    assert "127.0.0.1:9" in text and text.endswith("Your documents stay queued.") and "\n" not in text
    assert "bug" not in text
    [doc] = doc_service.list_documents(window.ctx.require_vault())
    assert doc.status is DocumentStatus.QUEUED
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_queued_documents_are_read_when_the_engine_comes_back(qtbot: QtBot, home: Path, tmp_path: Path,
                                                              fake_ollama: FakeOllama) -> None:
    """No click needed: the engine is asked again soon after it was found down, and reading starts."""
    from coheara.gui.window import ENGINE_CHECK_MS, ENGINE_RETRY_MS

    window = open_unlocked(qtbot, home, {"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8"})
    library = window.library
    library.import_paths(write_documents(tmp_path / "in", 1))  # the model is not installed yet
    qtbot.waitUntil(lambda: library.extraction.close_button.isVisible(), timeout=30_000)
    wait_idle(qtbot, window.ctx)
    assert library.extraction.title.text() == "Reading could not start"
    first = window._engine_timer.interval()  # checked at unlock and after the failed reading
    assert ENGINE_RETRY_MS <= first < ENGINE_CHECK_MS
    window.monitor.refresh()  # still down: the next check comes later, up to once a minute
    wait_idle(qtbot, window.ctx)
    assert window._engine_timer.interval() == min(2 * first, ENGINE_CHECK_MS)

    fake_ollama.add_model(MODEL)
    fake_ollama.responder = PageResponder(lab_page(3))
    window.monitor.refresh()  # what the timer does
    qtbot.waitUntil(lambda: library.extraction.title.text() == "Reading finished", timeout=60_000)
    wait_idle(qtbot, window.ctx)
    [doc] = doc_service.list_documents(window.ctx.require_vault())
    assert doc.status is DocumentStatus.NEEDS_REVIEW
    assert window._engine_timer.interval() == ENGINE_CHECK_MS
    window.shutdown()
    wait_idle(qtbot, window.ctx, timeout=30_000)
