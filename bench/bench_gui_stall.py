"""How long the GUI thread ever stops answering while a 20-page PDF is imported and read.

A QTimer ticks every 5 ms on the GUI thread; every gap between two ticks beyond 5 ms is a stall
(time the event loop could not paint or react to a click). The real window imports a generated
20-page text PDF through the library (drop path), then reads it against the fake Ollama over real
HTTP (tests/fake_ollama.py, streaming tokens). Prints the worst stall, the 99th percentile, the
stalls over 50 ms, and how long import and reading took.
Target: worst stall < 50 ms. ``--shell-only`` replaces the Medications, Lab results and Review views
with placeholders, to tell the shell's own stalls from theirs (they reload when shown after documents changed).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [--shell-only]
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docs_factory import text_pdf  # noqa: E402
from fake_ollama import FakeOllama  # noqa: E402
from fake_ollama_scripts import PageResponder, lab_page  # noqa: E402

from coheara.config import AppPaths  # noqa: E402
import coheara.gui.window as window_module  # noqa: E402
from coheara.gui.context import GuiContext  # noqa: E402
from coheara.gui.main import application  # noqa: E402
from coheara.gui.qt import QtCore, QtWidgets  # noqa: E402
from coheara.gui.views.unlock import KeyOptions  # noqa: E402
from coheara.gui.window import MainWindow  # noqa: E402
from coheara.services.vault import create_vault  # noqa: E402

PAGES = 20
TICK_MS = 5
TARGET_MS = 50.0
PASSPHRASE = "bench passphrase words"


class StallMeter(QtCore.QObject):
    """Records the gaps between 5 ms ticks of a timer on the GUI thread.

    A sampler thread looks at the GUI thread's stack whenever a tick is late by more than 40 ms and
    notes the innermost Coheara function running there, so a stall names its cause.
    """

    def __init__(self) -> None:
        super().__init__()
        self.gaps_ms: list[float] = []
        self.culprits: Counter[str] = Counter()
        self._last = time.perf_counter()
        self._running = False
        self._gui_thread = threading.get_ident()
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._running = True
        self._timer.start()
        threading.Thread(target=self._sample, daemon=True).start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now

    def _sample(self) -> None:
        while self._running:
            time.sleep(0.01)
            if (time.perf_counter() - self._last) * 1000 > 40:
                frame = sys._current_frames().get(self._gui_thread)
                self.culprits[_innermost_coheara(frame)] += 1


def _innermost_coheara(frame: object) -> str:
    """``module.function`` of the innermost frame in coheara/ (or the innermost frame at all)."""
    first = None
    while frame is not None:
        code = frame.f_code  # type: ignore[attr-defined]
        where = f"{Path(code.co_filename).stem}.{code.co_name}"
        first = first or where
        if "/coheara/" in code.co_filename:
            return where
        frame = frame.f_back  # type: ignore[attr-defined]
    return first or "?"


def wait_until(condition: object, timeout_s: float = 600) -> float:
    """Run the real event loop (as the app does) until ``condition()`` holds; returns the seconds."""
    started = time.perf_counter()
    loop = QtCore.QEventLoop()
    poll = QtCore.QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if condition() or time.perf_counter() - started > timeout_s else None)
    poll.start()
    if not condition():  # type: ignore[operator]
        loop.exec()
    poll.stop()
    if not condition():  # type: ignore[operator]
        raise SystemExit("timed out")
    return time.perf_counter() - started


def main() -> int:
    if "--shell-only" in sys.argv[1:]:
        window_module.optional_view = lambda module, cls, ctx, parent, title: QtWidgets.QLabel(title, parent)
    application()
    with tempfile.TemporaryDirectory() as tmp, FakeOllama() as fake:
        home = Path(tmp) / "home"
        paths = AppPaths(home)
        paths.ensure()
        keys = KeyOptions(keyring_backend=None, kdf_n=2**14)
        create_vault(paths, keys.keystore(paths), PASSPHRASE)
        pdf = Path(tmp) / "long-report.pdf"
        pdf.write_bytes(text_pdf(PAGES, body_lines=12))
        fake.add_model("coheara-medgemma-4b-q8")
        fake.responder = PageResponder(lab_page(8))

        ctx = GuiContext(paths, {"OLLAMA_HOST": fake.url, "COHEARA_MODEL": "q8"})
        window = MainWindow(ctx, keys)
        window.resize(1200, 800)
        window.show()
        window.start()
        wait_until(lambda: window.pages.currentWidget() is window.unlock and not ctx.runner.busy())
        window.unlock.passphrase.setText(PASSPHRASE)
        window.unlock.unlock_button.click()
        wait_until(lambda: ctx.vault is not None and not ctx.runner.busy())

        meter = StallMeter()
        meter.start()
        library = window.library
        library.import_paths([pdf])
        import_s = wait_until(lambda: not library.importer.busy())
        read_s = wait_until(lambda: not library.extractor.running() and not ctx.runner.busy())
        meter.stop()
        stalls = sorted(meter.gaps_ms)
        culprits = meter.culprits
        window.shutdown()
        ctx.runner.wait_idle()
        window.close()

    worst = stalls[-1] if stalls else 0.0
    p99 = stalls[int(len(stalls) * 0.99) - 1] if stalls else 0.0
    over = sum(1 for s in stalls if s > TARGET_MS)
    print(f"import of a {PAGES}-page PDF: {import_s:.2f} s; reading it (fake Ollama): {read_s:.2f} s")
    print(f"ticks: {len(stalls)}; worst stall {worst:.1f} ms; p99 {p99:.1f} ms; stalls > {TARGET_MS:.0f} ms: {over}")
    print(f"target worst stall < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'}")
    if culprits:
        print("GUI-thread code seen during stalls > 40 ms (samples every 10 ms):")
        for where, samples in culprits.most_common(5):
            print(f"  {where}: {samples}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
