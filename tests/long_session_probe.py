"""A long session in a process of its own: tens of thousands of cross-thread emits through the app's
own operation runner, extractor and reading panel, then a JSON report on stdout.

Run by ``tests/test_long_session.py`` (``python tests/long_session_probe.py BATCHES EVENTS_PER_BATCH``).
A separate process matters: PySide6 6.12.0 on Python 3.11 drops one reference to ``True``/``None``
per cross-thread ``Signal(object)`` emit and aborts the interpreter after a few thousand, which a
pytest process (holding many more references) never reaches.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coheara.cancel import Progress  # noqa: E402
from coheara.config import AppPaths  # noqa: E402
from coheara.gui.context import GuiContext  # noqa: E402
from coheara.gui.ops import Op, OpContext  # noqa: E402
from coheara.gui.qt import QtCore, QtWidgets  # noqa: E402
from coheara.gui.views.extraction import ExtractionPanel, Extractor  # noqa: E402


class SyntheticExtractor(Extractor):
    """The real extractor and its op path; only the batch's work is replaced (no vault, no model)."""

    events_per_batch = 100

    def _batch(self, ids: list[int]) -> Callable[[OpContext], Any]:
        count = self.events_per_batch

        def work(op: OpContext) -> Any:
            for step in range(count):
                stage = ("document", "page", "tokens")[step % 3]
                op.progress(Progress(stage, done=step, total=count, page=step % 7 + 1,
                                     extra={"tokens": step, "elapsed_s": 1.0}))
            # True and None are what the leaking binding drops references to.
            return None if ids[0] % 2 else True

        return work


def main(batches: int, events_per_batch: int) -> dict[str, Any]:
    app = QtWidgets.QApplication(sys.argv[:1])
    home = Path(tempfile.mkdtemp(prefix="coheara-long-session-"))
    ctx = GuiContext(AppPaths.from_env({"COHEARA_HOME": str(home)}), {})
    extractor = SyntheticExtractor(ctx)
    extractor.events_per_batch = events_per_batch
    panel = ExtractionPanel(extractor)
    delivered = [0]
    extractor.progressed.connect(lambda _event: delivered.__setitem__(0, delivered[0] + 1))
    results: list[Any] = []
    extractor.finished.connect(lambda report, _error: results.append(report))

    def counts() -> dict[str, int]:
        gc.collect()
        return {
            "ops": sum(1 for obj in gc.get_objects() if isinstance(obj, Op)),
            "runner_children": len(ctx.runner.children()),
            "running": ctx.runner.live_operations(),
        }

    def run_batches(first: int, last: int) -> None:
        for batch in range(first, last):
            extractor.read([batch])
            while extractor.running():
                app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
        # Let the deferred deletions of finished operations run.
        app.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        app.processEvents()

    warmup = max(1, batches // 10)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    started = time.monotonic()
    run_batches(0, warmup)
    after_warmup = counts()
    run_batches(warmup, batches)
    at_end = counts()
    report = {
        "python": sys.version.split()[0],
        "pyside": __import__("PySide6").__version__,
        "emits": delivered[0] + 2 * len(results),  # progress, plus done and finished per batch
        "progress_delivered": delivered[0],
        "batches_finished": len(results),
        "results_true": sum(1 for r in results if r is True),
        "after_warmup": after_warmup,
        "at_end": at_end,
        "true_refcount_change": sys.getrefcount(True) - true_before,
        "none_refcount_change": sys.getrefcount(None) - none_before,
        "panel_title": panel.title.text(),
        "seconds": round(time.monotonic() - started, 2),
    }
    ctx.runner.wait_idle()
    return report


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))
