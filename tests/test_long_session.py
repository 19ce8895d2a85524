"""A long session survives: 50,000 cross-thread emits through the app's own worker and progress path.

The probe runs in a process of its own (see ``tests/long_session_probe.py``): a binding that drops a
reference per emit kills the interpreter there long before it would in the pytest process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("long_session_probe.py")
BATCHES, EVENTS_PER_BATCH = 500, 100


def test_fifty_thousand_emits_neither_crash_nor_accumulate_operations(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), TMPDIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, str(PROBE), str(BATCHES), str(EVENTS_PER_BATCH)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, f"the app's process died (exit {result.returncode}):\n{result.stderr[-2000:]}"
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert report["progress_delivered"] == BATCHES * EVENTS_PER_BATCH
    assert report["emits"] >= 50_000
    assert report["batches_finished"] == BATCHES and report["results_true"] == BATCHES // 2
    # Finished operations are released: nothing grows between the first tenth and the end.
    assert report["at_end"] == report["after_warmup"]
    assert report["at_end"]["ops"] == 0 and report["at_end"]["running"] == 0
    # A binding that drops one reference per emit shows here before it aborts (3.11 has no immortals).
    assert report["true_refcount_change"] > -1000 and report["none_refcount_change"] > -1000, report
