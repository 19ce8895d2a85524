"""What the medication and lab overviews share: the table look, the header, and loading.

An ``Overview`` fills itself from the vault on the database thread, only while it is in sight
(``ReloadWhenShown``), and a generation counter drops results that arrive after a newer request
or after the vault was locked.
"""

from __future__ import annotations

from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.models.health import DOCUMENT_ID_ROLE
from coheara.gui.ops import OpContext, bulk_load
from coheara.gui.qt import QtCore, QtWidgets, Signal
from coheara.gui.views.badges import BadgeDelegate, caution_label
from coheara.gui.views.column_fit import badge_column, natural_widths
from coheara.gui.views.reload_when_shown import ReloadWhenShown
from coheara.services import documents as documents_service
from coheara.services.vault import Vault

# Translated where they are shown: QCoreApplication.translate("Overview", …). str(): PySide6's stubs
# type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
LOCKED = str(QtCore.QT_TRANSLATE_NOOP(
    "Overview", "Your vault is locked. Unlock it to see your health overview."))
LOADING = str(QtCore.QT_TRANSLATE_NOOP("Overview", "Loading…"))


def overview_table(model: QtCore.QAbstractItemModel, name: str, parent: QtWidgets.QWidget) -> QtWidgets.QTableView:
    """A read-only table with badges in column 0, as the medication and lab overviews use."""
    table = QtWidgets.QTableView(parent)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setItemDelegateForColumn(0, BadgeDelegate(table))
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def fit_columns(table: QtWidgets.QTableView, padding: int = 16, cap: int = 360) -> None:
    """Columns as wide as their contents plus a little air (capped, so one long cell cannot take over).

    Measured from the rows' texts (``column_fit``), not cell by cell: a reload never blocks the window.
    """
    for column, width in enumerate(natural_widths(table, fixed=badge_column(table))):
        table.setColumnWidth(column, min(width + padding, cap))


def header_block(title: str, subtitle: str, parent: QtWidgets.QWidget) -> QtWidgets.QVBoxLayout:
    """Title, one line of explanation and the AI caution line."""
    heading = QtWidgets.QLabel(title, parent)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    heading.setFont(font)
    heading.setAccessibleName(title)
    explanation = QtWidgets.QLabel(subtitle, parent)
    explanation.setWordWrap(True)
    layout = QtWidgets.QVBoxLayout()
    for widget in (heading, explanation, caution_label(parent)):
        layout.addWidget(widget)
    return layout


class Overview(QtWidgets.QWidget):
    """Base of the health overviews. Subclasses build ``self.splitter`` (the data) and ``self.empty``
    (the placeholder label), then call ``watch()``; they implement ``fetch`` (database thread: reads
    only, touches no widget), ``apply`` and ``reset`` (GUI thread), ``row_count`` and ``empty_text``.

    Its words go through ``QCoreApplication.translate("Overview", …)``, not ``self.tr``: in a class
    that is subclassed, PySide6 looks them up under the subclass's name.
    """

    open_document = Signal(int)
    splitter: QtWidgets.QSplitter  # built by the subclass
    empty: QtWidgets.QLabel  # built by the subclass

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._loading = False
        self._names: dict[int, str] = {}

    def watch(self) -> None:
        self.reloader = ReloadWhenShown(self, self.reload)
        for signal in (self.ctx.vault_unlocked, self.ctx.documents_changed, self.ctx.items_changed):
            signal.connect(self.reloader.request)
        self.ctx.vault_locked.connect(self.clear)
        self.clear()
        if self.ctx.vault is not None:
            self.reloader.request()

    # -- subclass hooks ---------------------------------------------------------------------------
    def fetch(self, vault: Vault) -> Any:
        """Read what the view shows (runs on the database thread)."""
        return None

    def prepare(self, data: Any, names: dict[int, str]) -> Any:
        """Turn ``data`` into what ``apply`` shows, off the GUI thread (right after ``fetch``): the work
        that grows with years of records belongs here, not in ``apply``. Touches no widget."""
        return data

    def apply(self, data: Any) -> None:
        """Show freshly read ``data`` (GUI thread); ``self._names`` holds the document names."""

    def reset(self) -> None:
        """Forget everything shown (the vault was locked)."""

    def row_count(self) -> int:
        return 0

    def empty_text(self) -> str:
        """What the placeholder says when the vault is open and there is nothing to show (translated)."""
        return ""

    # -- loading ----------------------------------------------------------------------------------
    def clear(self) -> None:
        self._generation += 1
        self._loading = False
        self.reloader.forget()
        self.reset()
        self._update_state()

    def reload(self) -> None:
        vault = self.ctx.vault
        if vault is None:
            return
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._update_state()

        def load(_op: OpContext) -> tuple[Any, dict[int, str]]:
            with bulk_load():  # years of values: no collector pauses on the window while they load
                names = {d.id: d.filename for d in documents_service.list_documents(vault)}
                return self.prepare(self.fetch(vault), names), names

        self.ctx.runner.run_db(load, on_done=lambda r: self._loaded(generation, *r), parent=self)

    def _loaded(self, generation: int, data: Any, names: dict[int, str]) -> None:
        if generation != self._generation:
            return  # a newer request is on its way, or the vault was locked meanwhile
        self._loading = False
        self._names = names
        self.apply(data)
        self._update_state()

    def _update_state(self) -> None:
        has = self.row_count() > 0
        self.splitter.setVisible(has)
        self.empty.setVisible(not has)
        if self.ctx.vault is None:
            text = QtCore.QCoreApplication.translate("Overview", LOCKED)
        elif self._loading:
            text = QtCore.QCoreApplication.translate("Overview", LOADING)
        else:
            text = self.empty_text()
        self.empty.setText(text)

    def _open(self, index: QtCore.QModelIndex) -> None:
        doc_id = index.data(DOCUMENT_ID_ROLE)
        if isinstance(doc_id, int):
            self.open_document.emit(doc_id)
