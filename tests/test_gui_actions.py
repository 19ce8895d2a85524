"""Each action of the patient says where it runs and what it changed, and the views follow that.

Real vault, real widgets: the review's buttons and the library's delete are pressed, and what they
announce (``GuiContext.changed``) and what the other views then show is checked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot
from review_health_data import SampleVault, build_sample_vault

from coheara.domain import Domain
from coheara.domain.documents import DocumentStatus
from coheara.errors import KnownError
from coheara.gui.actions import Action, Change, Changed, Where, perform
from coheara.gui.context import GuiContext
from coheara.gui.qt import QtWidgets
from coheara.gui.views.review import ReviewView
from coheara.services.vault import Vault

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def sample(tmp_path: Path) -> SampleVault:
    return build_sample_vault(tmp_path)


@pytest.fixture
def ctx(sample: SampleVault) -> Iterator[GuiContext]:
    ctx = GuiContext(sample.paths, {})
    ctx.set_vault(sample.vault)
    yield ctx
    ctx.runner.wait_idle()
    QtWidgets.QApplication.processEvents()


@pytest.fixture
def view(qtbot: QtBot, ctx: GuiContext, sample: SampleVault) -> ReviewView:
    view = ReviewView(ctx)
    qtbot.addWidget(view, before_close_func=lambda _w: (ctx.runner.wait_idle(), QtWidgets.QApplication.processEvents()))
    view.resize(1280, 800)
    view.show()
    view.show_document(sample.docs["berlin"])
    qtbot.waitUntil(lambda: view.summary is not None and view.pages.is_sharp())
    return view


def _announced(qtbot: QtBot, ctx: GuiContext, press: object) -> list[Change]:
    seen: list[Change] = []
    ctx.changed.connect(seen.append)
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        assert callable(press)
        press()
    ctx.changed.disconnect(seen.append)
    return seen


def test_review_buttons_announce_their_document_and_what_they_changed(qtbot: QtBot, ctx: GuiContext,
                                                                      view: ReviewView, sample: SampleVault) -> None:
    berlin = sample.docs["berlin"]
    model = view.tabs.models[Domain.LAB_RESULTS]
    row = model.row_of(sample.items["potassium"]) or 0
    edit = _announced(qtbot, ctx, lambda: model.setData(model.index(row, model.column_of("value")), "5,9"))
    assert edit == [Change(Changed.VALUES, frozenset({berlin}))]
    undo = _announced(qtbot, ctx, view.toolbar.undo)
    assert undo == [Change(Changed.VALUES, frozenset({berlin}))]
    reviewed = _announced(qtbot, ctx, view.toolbar.toggle_reviewed)
    assert reviewed == [Change(Changed.DOCUMENTS, frozenset({berlin}))]
    # The view reloaded from the announcement alone: the button now offers to reopen the review.
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.status is DocumentStatus.REVIEWED)
    assert view.reviewed_button.text() == "Reopen review"


def test_a_failed_action_announces_nothing_and_says_why(qtbot: QtBot, ctx: GuiContext) -> None:
    seen: list[Change] = []
    failures: list[BaseException] = []
    ctx.changed.connect(seen.append)

    def refuse(_vault: Vault) -> None:
        raise KnownError("That value cannot be saved.")

    op = perform(ctx, Action("Change a value", refuse, Changed.VALUES, frozenset({1})), on_failed=failures.append)
    assert op is not None
    qtbot.waitUntil(lambda: not op.running)
    assert seen == [] and [str(f) for f in failures] == ["That value cannot be saved."]


def test_actions_run_off_the_gui_thread_where_they_say(qtbot: QtBot, ctx: GuiContext) -> None:
    threads: dict[Where, str] = {}
    for where in Where:
        action = Action(f"look ({where.value})", lambda _v, w=where: threads.__setitem__(w, threading.current_thread().name),
                        Changed.VALUES, where=where)
        with qtbot.waitSignal(ctx.changed, timeout=10_000):
            perform(ctx, action)
    gui = threading.main_thread().name
    assert set(threads) == set(Where) and gui not in threads.values()
    assert threads[Where.VAULT] != threads[Where.POOL]  # the one database thread is not a pool worker


def test_nothing_runs_while_the_vault_is_locked(ctx: GuiContext) -> None:
    ran: list[Vault] = []
    ctx.set_vault(None)
    assert perform(ctx, Action("Delete a document", ran.append, Changed.DOCUMENTS, frozenset({1}))) is None
    ctx.runner.wait_idle()
    assert ran == []


def test_a_result_for_a_closed_view_is_dropped_not_delivered_to_deleted_widgets(qtbot: QtBot, ctx: GuiContext) -> None:
    """A window closed while its work ran (autolock, quit): the answer must not reach its widgets."""
    release = threading.Event()
    delivered: list[object] = []
    asking = QtWidgets.QLabel("waiting")

    def slow(_op: object) -> str:
        release.wait(10)
        return "answer"

    op = ctx.runner.run_db(slow, on_done=lambda r: (delivered.append(r), asking.setText(str(r))), parent=asking)
    asking.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(asking))
    release.set()
    qtbot.waitUntil(lambda: not op.running)
    assert delivered == []
