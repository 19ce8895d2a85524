"""Seconds from launching the desktop app to its first visible window, on a real X display.

For each command (default ``.venv/bin/coheara``; give the bundle's ``dist/coheara/coheara`` to
compare), N runs on one Xvfb + openbox display (Qt's xcb platform, QT_QPA_PLATFORM unset), each on a
fresh throwaway COHEARA_HOME and HOME, so every run opens the first-run window. The clock starts just
before the process is spawned and stops when ``xdotool search --onlyvisible --name Coheara`` first
finds a window (polled every 25 ms, so each figure is late by up to ~35 ms with xdotool's own
start). Runs of several commands are interleaved. Prints every run, the median and the worst; run 1
may pay for a cold disk cache.

Needs Xvfb, xdotool and openbox (apt-get install -y xvfb xdotool openbox).
Run: .venv/bin/python bench/bench_launch.py [COMMAND ...] [-n 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLL_S = 0.025


def free_display() -> int:
    number = 150
    while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return number


@contextmanager
def x_display(scratch: Path) -> Iterator[str]:
    """An Xvfb display with openbox on it (a window manager maps windows as a desktop would)."""
    number = free_display()
    display = f":{number}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manager = None
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 5
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if shutil.which("openbox"):
            env = {**os.environ, "DISPLAY": display, "HOME": str(scratch / "wm-home")}
            manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)  # let openbox take the screen before the first app maps its window
        yield display
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=5)


def window_visible(display: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Coheara"],
                           env={**os.environ, "DISPLAY": display}, capture_output=True, text=True)
    return bool(found.stdout.strip())


def launch_seconds(command: str, display: str, scratch: Path, timeout_s: float) -> float:
    run = Path(tempfile.mkdtemp(dir=scratch))
    (run / "runtime").mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "COHEARA_PASSPHRASE")}
    env.update(DISPLAY=display, HOME=str(run / "home"), COHEARA_HOME=str(run / "vault"),
               XDG_RUNTIME_DIR=str(run / "runtime"), OLLAMA_HOST="http://127.0.0.1:9")
    start = time.perf_counter()
    app = subprocess.Popen([command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < timeout_s:
            if window_visible(display):
                return time.perf_counter() - start
            if app.poll() is not None:
                raise SystemExit(f"bench_launch: {command} exited ({app.returncode}) before showing a window")
            time.sleep(POLL_S)
        raise SystemExit(f"bench_launch: no window from {command} within {timeout_s:.0f} s")
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commands", nargs="*", default=[str(ROOT / ".venv" / "bin" / "coheara")])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one window")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            raise SystemExit(f"bench_launch: {tool} is missing (apt-get install -y xvfb xdotool openbox)")
    with tempfile.TemporaryDirectory(prefix="coheara-launch-") as scratch, x_display(Path(scratch)) as display:
        commands = [str(Path(command).resolve()) for command in args.commands]
        results: dict[str, list[float]] = {command: [] for command in commands}
        for _ in range(args.runs):  # interleaved, so a busy moment of the machine hits every command
            for command in commands:
                results[command].append(launch_seconds(command, display, Path(scratch), args.timeout))
        for command, times in results.items():
            print(f"{command}")
            print(f"  launch to first visible window, {args.runs} runs: "
                  f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
            print("  runs: " + " ".join(f"{t:.2f}" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
