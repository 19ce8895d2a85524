"""The main window: notice banner on top of everything, then first run, unlock, or the app itself.

Layout: the ``NoticeBanner`` sits above a page stack (starting, onboarding, unlock, terms, shell), so
no page can hide it. The shell is a sidebar (Library, Medications, Lab results, Settings, About)
beside the views; the status bar always shows the AI engine. Locking (by hand, or by ``AutoLock``
after idle time) drops the vault, closes dialogs, clears the views and any secret on the clipboard,
and shows the unlock screen. Files dropped anywhere on the window are imported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from coheara.gui.autolock import AutoLock
from coheara.gui.context import GuiContext
from coheara.gui.dialogs import clear_secret_clipboard, close_dialogs
from coheara.gui.notice import NoticeBanner
from coheara.gui.ops import release_bulk
from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt
from coheara.gui.style import SIDEBAR
from coheara.gui.views.about import AboutDialog
from coheara.gui.views.engine_monitor import EngineMonitor, is_ready
from coheara.gui.views.engine_status import EngineIndicator
from coheara.gui.views.labs import LabsView
from coheara.gui.views.library import LibraryView
from coheara.gui.views.medications import MedicationsView
from coheara.gui.views.onboarding import OnboardingView
from coheara.gui.views.review import ReviewView
from coheara.gui.views.terms import TermsPage
from coheara.gui.views.settings import SettingsView
from coheara.gui.views.unlock import KeyOptions, UnlockView
from coheara.notice import NOTICE_VERSION
from coheara.services.vault import Vault, vault_state

log = logging.getLogger(__name__)

ENGINE_CHECK_MS = 60_000
# While the engine is down it is asked again after 5 s, then 10, 20, 40 and every minute: a patient who
# just started Ollama sees the queue move within seconds, an engine that stays off costs nothing.
ENGINE_RETRY_MS = 5_000
# The smallest window every view is checked at: a 1366×768 laptop screen less a desktop's panels,
# with room to spare for a window placed beside another.
SMALLEST = (900, 600)
# The views by their canonical names (show_view("Library")); shown translated in the sidebar and menu.
NAVIGATION = (
    str(QtCore.QT_TRANSLATE_NOOP("MainWindow", "Library")),
    str(QtCore.QT_TRANSLATE_NOOP("MainWindow", "Medications")),
    str(QtCore.QT_TRANSLATE_NOOP("MainWindow", "Lab results")),
    str(QtCore.QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)


class MainWindow(QtWidgets.QMainWindow):
    """Coheara's only top-level window."""

    def __init__(self, ctx: GuiContext, keys: KeyOptions | None = None,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.keys = ctx, keys or KeyOptions()
        self.setWindowTitle("Coheara")
        self.setAcceptDrops(True)
        self.monitor = EngineMonitor(ctx, self)
        self.autolock = AutoLock(self)
        self.autolock.idle.connect(self.lock)
        self._engine_timer = QtCore.QTimer(self)
        self._engine_timer.setInterval(ENGINE_CHECK_MS)
        self._engine_timer.timeout.connect(self.monitor.refresh)
        self._engine_ready: bool | None = None  # None: not asked yet since unlocking
        self.monitor.updated.connect(self._engine_updated)
        self._build_pages()
        self._build_shell()
        self._build_menus()
        self.indicator = EngineIndicator(self.monitor, self)
        self.statusBar().addPermanentWidget(self.indicator)
        ctx.settings_changed.connect(self._settings_changed)
        self.library.extractor.finished.connect(lambda *_: self.monitor.refresh())
        self.setMinimumSize(*SMALLEST)
        self.resize(1100, 760)

    # -- construction --------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.notice = NoticeBanner(self)
        self.pages = QtWidgets.QStackedWidget(self)
        self.starting = QtWidgets.QLabel(self.tr("Opening Coheara…"), self.pages)
        self.starting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.onboarding = OnboardingView(self.ctx, self.keys, self.monitor, self.pages)
        self.onboarding.completed.connect(self._unlocked)
        self.unlock = UnlockView(self.ctx, self.keys, self.pages)
        self.unlock.unlocked.connect(self._unlocked)
        self.terms = TermsPage(self.ctx, self.pages)
        self.terms.back.hide()
        self.terms.accepted.connect(self._show_shell)
        self.shell = QtWidgets.QWidget(self.pages)
        for page in (self.starting, self.onboarding, self.unlock, self.terms, self.shell):
            self.pages.addWidget(page)
        central = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _build_shell(self) -> None:
        self.sidebar = QtWidgets.QListWidget(self.shell)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setObjectName(SIDEBAR)
        self.sidebar.addItems([QtCore.QCoreApplication.translate("MainWindow", name) for name in NAVIGATION])
        self.sidebar.setFixedWidth(160)
        self.sidebar.setSpacing(2)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.sidebar.setFont(font)
        self.about_button = QtWidgets.QPushButton(self.tr("About Coheara"), self.shell)
        self.about_button.setAccessibleName(self.tr("About Coheara"))
        self.about_button.clicked.connect(self.show_about)
        self.lock_button = QtWidgets.QPushButton(self.tr("Lock now"), self.shell)
        self.lock_button.setAccessibleName(self.tr("Lock the vault now"))
        self.lock_button.clicked.connect(self.lock)
        self.views = QtWidgets.QStackedWidget(self.shell)
        self.library = LibraryView(self.ctx, self.views)
        self.library.open_document.connect(self.open_review)
        self.medications = MedicationsView(self.ctx, self.views)
        self.labs = LabsView(self.ctx, self.views)
        self.settings_view = SettingsView(self.ctx, self.monitor, self.views)
        self.review_page = QtWidgets.QWidget(self.views)
        self.review = ReviewView(self.ctx, self.review_page)
        back = QtWidgets.QPushButton(self.tr("← Back to the library"), self.review_page)
        back.setAccessibleName(self.tr("Back to the library"))
        back.clicked.connect(lambda: self.show_view("Library"))
        review_layout = QtWidgets.QVBoxLayout(self.review_page)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        review_layout.addWidget(self.review, 1)
        for view in (self.library, self.medications, self.labs, self.settings_view, self.review_page):
            self.views.addWidget(view)
        for overview in (self.medications, self.labs):  # "show me the document this value came from"
            overview.open_document.connect(self.open_review)
        self.sidebar.currentRowChanged.connect(self._navigate)
        side = QtWidgets.QVBoxLayout()
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.about_button)
        side.addWidget(self.lock_button)
        layout = QtWidgets.QHBoxLayout(self.shell)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(side)
        layout.addWidget(self.views, 1)
        self.sidebar.setCurrentRow(0)
        QtWidgets.QWidget.setTabOrder(self.sidebar, self.views)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import files…"), QtGui.QKeySequence.StandardKey.Open,
                                          self._import)
        self.export_action = self._action(file_menu, self.tr("&Export for your doctor…"), "Ctrl+E",
                                          lambda: self.library.open_export())
        self.lock_action = self._action(file_menu, self.tr("&Lock now"), "Ctrl+L", self.lock)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QtGui.QKeySequence.StandardKey.Quit, self.close)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, name in enumerate(NAVIGATION, start=1):
            label = QtCore.QCoreApplication.translate("MainWindow", name)
            self._action(view_menu, label, f"Ctrl+{number}", lambda *_, n=name: self.show_view(n))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("AI &engine status…"), None, lambda: self.indicator.open_dialog())
        self._action(help_menu, self.tr("&About Coheara"), QtGui.QKeySequence.StandardKey.HelpContents, self.show_about)
        self._set_unlocked_actions(False)

    def _action(self, menu: QtWidgets.QMenu, text: str, shortcut: QtGui.QKeySequence.StandardKey | str | None,
                slot: Callable[..., object]) -> QtGui.QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden (offscreen, tests)
        return action

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> None:
        """Decide between first run and unlock (the vault files are checked off the GUI thread)."""
        self.pages.setCurrentWidget(self.starting)
        paths = self.ctx.paths
        self.ctx.runner.run_db(lambda op: vault_state(paths), on_done=self._state_known, parent=self)
        self.monitor.refresh()

    def _state_known(self, state: str) -> None:
        if state == "new":
            self.pages.setCurrentWidget(self.onboarding)
            self.onboarding.start()
        else:
            self.pages.setCurrentWidget(self.unlock)
            self.unlock.start(auto=True)
            if state == "broken":
                self.unlock.explain_broken()

    def _unlocked(self, vault: Vault) -> None:
        self.ctx.set_vault(vault)
        self._set_unlocked_actions(True)
        self.autolock.set_minutes(self.ctx.settings.auto_lock_minutes)
        self.autolock.arm()
        self._engine_ready = None
        self._engine_timer.start()
        self.monitor.refresh()
        self.library.reload()
        if self.ctx.settings.terms_accepted != NOTICE_VERSION:
            self.terms.understand.setChecked(False)
            self.pages.setCurrentWidget(self.terms)
        else:
            self._show_shell()

    def _show_shell(self) -> None:
        self.pages.setCurrentWidget(self.shell)
        self.show_view("Library")
        self.library.table.setFocus()

    def lock(self) -> None:
        """Drop the vault and everything shown from it; a running extraction finishes in the background."""
        if self.ctx.vault is None:
            return
        self.autolock.disarm()
        self._engine_timer.stop()
        self.ctx.set_vault(None)  # views clear themselves on vault_locked
        close_dialogs(self)
        for view in (self.medications, self.labs, self.review):
            view.clear()
        clear_secret_clipboard()
        self._set_unlocked_actions(False)
        self.pages.setCurrentWidget(self.unlock)
        self.unlock.start(auto=False)
        QtCore.QTimer.singleShot(0, release_bulk)  # the views' rows are gone: collect what loads froze
        log.info("vault locked")

    def _engine_updated(self, status: object) -> None:
        """Check a down engine again soon (with backoff); when it comes back, read what waited."""
        ready = is_ready(status)
        if ready:
            self._engine_timer.setInterval(ENGINE_CHECK_MS)
            if self._engine_ready is False and self.ctx.vault is not None:
                self.library.read_queued()
        elif self._engine_ready is False:
            self._engine_timer.setInterval(min(ENGINE_CHECK_MS, self._engine_timer.interval() * 2))
        else:
            self._engine_timer.setInterval(ENGINE_RETRY_MS)
        self._engine_ready = ready

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        self.import_action.setEnabled(unlocked)
        self.export_action.setEnabled(unlocked)
        self.lock_action.setEnabled(unlocked)

    def _settings_changed(self) -> None:
        if self.ctx.vault is not None:
            self.autolock.set_minutes(self.ctx.settings.auto_lock_minutes)
        self.monitor.refresh()

    def bring_to_front(self) -> None:
        """Another start of Coheara asked this window to show itself."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def shutdown(self) -> None:
        """Stop background work and forget secrets (window closing or app quitting)."""
        self.autolock.shutdown()
        self._engine_timer.stop()
        self.library.shutdown()
        self.onboarding.engine.panel.cancel_download()
        if self.indicator.dialog is not None:
            self.indicator.dialog.panel.cancel_download()
        clear_secret_clipboard()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    # -- navigation ----------------------------------------------------------------------------

    def shell_visible(self) -> bool:
        return self.pages.currentWidget() is self.shell and self.ctx.vault is not None

    def show_view(self, name: str) -> None:
        if name in NAVIGATION:
            self.sidebar.setCurrentRow(NAVIGATION.index(name))

    def _navigate(self, row: int) -> None:
        if 0 <= row < len(NAVIGATION):
            self.views.setCurrentIndex(row)

    def current_view(self) -> QtWidgets.QWidget | None:
        return self.views.currentWidget()

    def open_review(self, document_id: int) -> None:
        self.review.show_document(document_id)
        self.sidebar.setCurrentRow(-1)  # so that clicking "Library" again is a change and navigates
        self.views.setCurrentWidget(self.review_page)

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.monitor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _import(self) -> None:
        if self.shell_visible():
            self.show_view("Library")
            self.library.choose_files()

    # -- drag and drop -------------------------------------------------------------------------

    @staticmethod
    def _local_files(mime: QtCore.QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        self._offer_drop(event)

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        self._offer_drop(event)

    def _offer_drop(self, event: QtGui.QDragMoveEvent) -> None:
        """Accept a drag (entering or moving) that carries local files, while the library can take them."""
        if self.shell_visible() and self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802 - Qt API
        files = self._local_files(event.mimeData())
        if not self.shell_visible() or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_view("Library")
        self.library.import_paths(files)
