"""Shared parts of the GUI tests: failing on Qt warnings, real vaults, real files, waiting for ops.

Import what a test module needs (``from gui_helpers import …``) and put ``pytestmark = GUI_MARKS`` at
its top. Vaults are real SQLCipher files made through the services with a cheap scrypt cost and no
keyring; documents are real PDFs and images from ``docs_factory`` imported through ``import_files``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from docs_factory import image_bytes, text_pdf

from coheara.config import AppPaths
from coheara.gui.context import GuiContext
from coheara.gui.qt import QtCore, QtWidgets
from coheara.gui.views.unlock import KeyOptions
from coheara.notice import NOTICE_VERSION
from coheara.services import settings as settings_service
from coheara.services.importing import import_files
from coheara.services.vault import Vault, create_vault

PASSPHRASE = "correct horse battery staple"
TEST_KEYS = KeyOptions(keyring_backend=None, kdf_n=2**14)
# The offscreen platform says this for every top-level window; it is harmless (DESIGN.md §3).
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)

GUI_MARKS = [pytest.mark.gui, pytest.mark.usefixtures("qt_warnings")]


@pytest.fixture(autouse=False)
def qt_warnings() -> Iterator[list[str]]:
    """Collect Qt warnings and worse while the test runs; the test fails if any were seen."""
    seen: list[str] = []
    serious = (QtCore.QtMsgType.QtWarningMsg, QtCore.QtMsgType.QtCriticalMsg, QtCore.QtMsgType.QtFatalMsg)

    def handler(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, message: str) -> None:
        if kind in serious and message not in HARMLESS_QT_MESSAGES:
            seen.append(f"{kind.name}: {message}")
        if previous is not None:
            previous(kind, context, message)

    previous = QtCore.qInstallMessageHandler(handler)
    yield seen
    QtCore.qInstallMessageHandler(previous)
    assert seen == [], f"Qt warnings during the test: {seen}"


def new_paths(home: Path) -> AppPaths:
    paths = AppPaths(home)
    paths.ensure()
    return paths


def make_vault(home: Path, *, accept_terms: bool = True) -> tuple[AppPaths, Vault, str]:
    """A real vault with the test passphrase; returns the paths, the open vault and the recovery key."""
    paths = new_paths(home)
    vault, recovery = create_vault(paths, TEST_KEYS.keystore(paths), PASSPHRASE)
    if accept_terms:
        settings = settings_service.load(paths)
        settings.terms_accepted = NOTICE_VERSION
        settings_service.save(paths, settings)
    return paths, vault, recovery


def write_documents(folder: Path, count: int = 2, *, pages: int = 1) -> list[Path]:
    """``count`` different real files: text PDFs and a PNG photo, each with distinct bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(count):
        if number % 2 == 0:
            path = folder / f"report-{number}.pdf"
            path.write_bytes(text_pdf(pages + number // 2, body_lines=4 + number))
        else:
            path = folder / f"photo-{number}.png"
            path.write_bytes(image_bytes("PNG", size=(300 + number, 400)))
        files.append(path)
    return files


def import_documents(vault: Vault, files: list[Path]) -> list[int]:
    outcomes = import_files(vault, files)
    assert all(o.status == "imported" for o in outcomes), [o.reason for o in outcomes]
    return [o.document_id for o in outcomes if o.document_id is not None]


def gui_context(paths: AppPaths, env: dict[str, str] | None = None) -> GuiContext:
    return GuiContext(paths, env or {})


def open_unlocked(qtbot: Any, paths: AppPaths, env: dict[str, str]) -> Any:
    """The real main window on the vault at ``paths``, unlocked with the test passphrase."""
    from coheara.gui.window import MainWindow

    window = MainWindow(gui_context(paths, env), TEST_KEYS)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_idle(qtbot, window.ctx)
    window.unlock.passphrase.setText(PASSPHRASE)
    window.unlock.unlock_button.click()
    wait_idle(qtbot, window.ctx)
    assert window.ctx.vault is not None
    return window


def wait_idle(qtbot: Any, ctx: GuiContext, timeout: int = 20_000) -> None:
    """Wait until every background op has finished and delivered its result on the GUI thread."""
    qtbot.waitUntil(lambda: not ctx.runner.busy(), timeout=timeout)
    QtWidgets.QApplication.processEvents()


def find_dialog(kind: type, predicate: Callable[[Any], bool] = lambda d: True) -> Any:
    """The visible top-level dialog of this type (message boxes open window-modal, not nested)."""
    for widget in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible() and predicate(widget):
            return widget
    return None


def fill_vault(vault: Vault, folder: Path, fake_ollama: Any) -> dict[str, int]:
    """A vault with a document in every status, read through the fake Ollama and the real services.

    Two lab reports a year apart (a trend, some values flagged), a prescription (medications), one
    document still queued and one whose reading failed. Returns the document ids by role.
    """
    from fake_ollama_scripts import PageResponder, lab_page, prescription_page

    from coheara.config import Settings
    from coheara.domain.documents import DocumentStatus
    from coheara.services.engine import prepare_engine
    from coheara.services.extraction import extract_documents
    from coheara.services.review import mark_reviewed
    from coheara.storage import documents as doc_store

    fake_ollama.add_model("coheara-medgemma-4b-q8")
    files = write_documents(folder, 5)
    ids = import_documents(vault, files)
    # write_documents alternates PDFs (1, 2, 3 pages) and one-page photos: the lab reports get one page each.
    roles = dict(zip(("lab_old", "prescription", "queued", "lab_new", "failed"), ids, strict=True))
    later = lab_page(6)
    later["document"] = {**later["document"], "date": "02.06.2025"}
    for row, value in zip(later["lab_results"], ("13,1", "44,0", "4,9", "7,8", "250", "91"), strict=True):
        row["value"] = value
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {"COHEARA_MODEL": "q8"})
    try:
        for role, truth in (("lab_old", lab_page(6)), ("prescription", prescription_page()), ("lab_new", later)):
            fake_ollama.responder = PageResponder(truth)
            report = extract_documents(vault, engine, [roles[role]])
            assert report.done == [roles[role]], report.failed
    finally:
        engine.client.close()
    mark_reviewed(vault, roles["lab_old"])
    with vault.writing() as conn:
        doc_store.set_status(conn, roles["failed"], DocumentStatus.QUEUED,
                             "The local AI engine stopped answering in the middle of a page.")
    return roles
