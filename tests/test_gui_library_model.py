"""The library's table model without a window: what each column says for each status, live reading
progress, thumbnails, and Qt's own model consistency checks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from gui_helpers import GUI_MARKS, qt_warnings  # noqa: F401
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coheara.domain.documents import DocumentStatus, DocumentSummary, FileKind
from coheara.gui.models.documents import (
    DATE,
    DOCUMENT,
    SOURCE,
    STATUS,
    TYPE,
    DocumentIdRole,
    DocumentsModel,
    FailureRole,
    StatusRole,
)
from coheara.gui.qt import QtGui, QtWidgets, Qt

pytestmark = GUI_MARKS


def doc(doc_id: int, status: DocumentStatus, **extra: object) -> DocumentSummary:
    return DocumentSummary(
        id=doc_id, filename=f"doc-{doc_id}.pdf", sha256="0" * 64, kind=FileKind.PDF, size=1000, pages=3,
        status=status, imported_at=datetime(2025, 6, 2, 9, 30, tzinfo=UTC), **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def model(qapp: QtWidgets.QApplication) -> DocumentsModel:
    m = DocumentsModel()
    m.set_documents([
        doc(1, DocumentStatus.QUEUED),
        doc(2, DocumentStatus.NEEDS_REVIEW, doc_type="lab_report", doc_date="2024-03-12", issuer="Labor Dr. Müller"),
        doc(3, DocumentStatus.REVIEWED, doc_type="prescription"),
        doc(4, DocumentStatus.QUEUED, failure="The local AI engine is not running."),
    ])
    return m


def text(model: DocumentsModel, row: int, column: int) -> str:
    return model.index(row, column).data()


def test_each_status_reads_as_a_patient_expects(model: DocumentsModel) -> None:
    assert [text(model, r, STATUS) for r in range(4)] == [
        "Queued", "Needs review", "Reviewed", "Failed: The local AI engine is not running."]
    assert model.index(3, STATUS).data(StatusRole) == "failed"
    assert model.index(3, STATUS).data(FailureRole) == "The local AI engine is not running."
    assert "Retry" in model.index(3, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert text(model, 1, TYPE) == "Lab report"
    assert text(model, 1, DATE) == "2024-03-12"
    assert text(model, 1, SOURCE) == "Labor Dr. Müller"
    assert text(model, 0, DATE) == "imported 2025-06-02"
    assert text(model, 0, DOCUMENT) == "doc-1.pdf\n3 pages"
    assert model.index(2, 0).data(DocumentIdRole) == 3


def test_live_reading_progress_shows_until_the_document_is_read(model: DocumentsModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.dataChanged):
        model.set_reading(1, 2, 3)
    assert text(model, 0, STATUS) == "Reading (page 2 of 3)"
    assert model.index(0, STATUS).data(StatusRole) == "reading"
    model.set_documents(model.documents())  # a reload while it is still being read
    assert text(model, 0, STATUS) == "Reading (page 2 of 3)"
    done = [doc(1, DocumentStatus.NEEDS_REVIEW), *model.documents()[1:]]
    model.set_documents(done)
    assert text(model, 0, STATUS) == "Needs review"
    model.set_reading(1, 1, 3)
    model.clear_reading()
    assert text(model, 0, STATUS) == "Needs review"


def test_thumbnails_arrive_later_and_are_dropped_with_their_document(model: DocumentsModel) -> None:
    assert model.missing_thumbnails() == [1, 2, 3, 4]
    image = QtGui.QImage(120, 160, QtGui.QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    model.set_thumbnail(2, image)
    pixmap = model.index(1, DOCUMENT).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QtGui.QPixmap) and not pixmap.isNull()
    assert max(pixmap.deviceIndependentSize().width(), pixmap.deviceIndependentSize().height()) <= model.thumb_side
    model.set_documents([d for d in model.documents() if d.id != 2])
    assert 2 not in model.missing_thumbnails() and model.row_of(2) is None
    model.clear()
    assert model.rowCount() == 0


def test_the_model_passes_qt_model_checks(model: DocumentsModel, qtmodeltester: ModelTester) -> None:
    model.set_reading(1, 1, 3)
    qtmodeltester.check(model, force_py=True)


def test_every_status_has_its_own_icon() -> None:
    from coheara.gui.models.documents import STATUS_ICONS

    assert len(set(STATUS_ICONS.values())) == len(STATUS_ICONS)  # queued no longer looks like reading
