"""Composition root: paths, settings, logging, process hardening; then the GUI or the CLI.

``coheara`` with no arguments (or ``python -m coheara``) starts the desktop app; any argument goes to
the command line. Heavy modules (Qt, the model client, PDF rendering) are imported only by the
command that needs them, so ``coheara --help`` starts fast and never loads Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from coheara.hardening import no_core_dumps
from coheara.secret_env import take_secrets

EXIT_NO_WINDOW = 5  # the desktop app cannot open a window here (no display, a system library missing)


def harden_process() -> None:
    """No core dumps: a crash must not write decrypted health data to disk. Every file and folder
    Coheara creates (vault, its journal, backups, logs, settings) is for this user alone."""
    if hasattr(os, "umask"):
        os.umask(0o077)
    no_core_dumps()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    take_secrets()  # before anything can start a child process that would inherit them
    harden_process()
    if not args:
        from coheara.cli import choose_language
        from coheara.gui.display import display_problem

        choose_language(args, os.environ)  # the one line below is in the patient's language too
        problem = display_problem(os.environ)
        if problem is not None:
            print(f"coheara: {problem}", file=sys.stderr)
            return EXIT_NO_WINDOW
        from coheara.config import AppPaths
        from coheara.logsetup import configure_logging

        paths = AppPaths.from_env()
        paths.ensure()
        configure_logging(paths)
        from coheara.gui.main import run_gui

        return run_gui(paths, dict(os.environ))
    from coheara.cli import run_cli

    return run_cli(args)
