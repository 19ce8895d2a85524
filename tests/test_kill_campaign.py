"""kill -9 during import and during reading, with the real command line: nothing stored is lost and no
document is ever half there.

The command runs in its own process against a real vault, the model is the fake Ollama over HTTP with
a slow stream (so a kill lands while a page is being read), and each run is killed with SIGKILL at a
moment picked from what it is doing: while the import's transaction is open (the vault's write-ahead
log grows), or while page N streams. After every kill:

- the vault opens for the next command and every page passes its integrity check;
- every document is whole: all its pages and its original, byte for byte as imported, or not there;
- what was already stored (documents read before, their values) is exactly as it was;
- a document whose reading was cut off is shown as waiting ("queued"), since nothing reads it, and
  the next ``coheara extract --queued`` reads it to the end.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PIL import Image
from cli_support import PASSPHRASE, CliEnv
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, lab_page

from coheara.config import AppPaths
from coheara.security.keys import KeyStore
from coheara.services.documents import list_documents
from coheara.services.vault import Vault, create_vault
from coheara.storage import documents as docs
from coheara.storage import items as item_store
from coheara.storage.connection import integrity_problems

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

MODEL = "coheara-medgemma-4b-q8"
TOKEN_DELAY_S = 0.002  # ~0.3 s per page read: a kill "while page N streams" lands mid-stream

# (what runs, when it is killed: "import" = while the import's transaction is open, "page N" = once
# page N is being read; then a little later, in seconds)
TRIALS: list[tuple[str, str, float]] = [
    ("import --no-extract", "import", 0.0),
    ("import", "page 2", 0.1),
    ("extract --queued", "page 1", 0.05),  # resumes the document the last kill cut off
    ("import --no-extract", "import", 0.15),
    ("import", "page 1", 0.2),
    ("import", "import", 0.05),
    ("extract --queued", "page 2", 0.0),
    ("import", "page 2", 0.15),
]


def lab_pdf(path: Path, truth: dict[str, Any], pages: int, tag: str) -> Path:
    """A lab report of ``pages`` pages, each printing ``truth`` (``tag`` makes each file unique)."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((60, 60), f"{truth['document']['issuer']}  Befund vom {truth['document']['date']}  "
                                   f"{tag}/{number + 1}", fontsize=12)
        for row, item in enumerate(truth["lab_results"]):
            page.insert_text((60, 100 + 18 * row), f"{item['test']}   {item['value']} {item['unit']}   "
                                                   f"({item['reference_range']})", fontsize=10)
    doc.save(path)
    return path


def scan_pdf(path: Path, pages: int, seed: int) -> Path:
    """A scan-like PDF: each page one photo of noise, so its page image is ~1.5 MB and the import's
    transaction spills into the write-ahead log page by page (a kill then lands inside it)."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    for _ in range(pages):
        picture = io.BytesIO()
        Image.frombytes("RGB", (300, 420), rng.randbytes(300 * 420 * 3)).save(picture, "JPEG", quality=90)
        page = doc.new_page()
        page.insert_image(page.rect, stream=picture.getvalue())
    doc.save(path)
    return path


def snapshot(vault: Vault) -> dict[int, dict[str, Any]]:
    """Everything stored about each document, as hashes and values, after checking it is whole."""
    found: dict[int, dict[str, Any]] = {}
    with vault.reading() as conn:
        assert integrity_problems(conn) == []
        for doc in docs.list_documents(conn):
            original = docs.original_bytes(conn, doc.id)
            assert original is not None and len(original) == doc.size, f"#{doc.id}: original missing or cut"
            assert hashlib.sha256(original).hexdigest() == doc.sha256, f"#{doc.id}: original altered"
            pages = [docs.get_page(conn, doc.id, i) for i in range(doc.pages)]
            assert doc.pages > 0 and docs.page_count(conn, doc.id) == doc.pages, f"#{doc.id}: half a document"
            values = sorted((i.domain.value, json.dumps(i.fields, sort_keys=True))
                            for i in item_store.items_for_document(conn, doc.id))
            found[doc.id] = {
                "sha256": doc.sha256,
                "status": doc.status.value,
                "pages": [hashlib.sha256(p.png).hexdigest() for p in pages if p is not None],
                "values": values,
            }
    return found


class Run:
    """A `coheara` command in its own process; its stderr lines are collected as they come."""

    def __init__(self, cli: CliEnv, args: list[str]) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "coheara", *args], env=cli.env(), cwd=cli.root,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        with self.process.stderr:
            for line in self.process.stderr:
                self.lines.append(line)

    def saw(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def kill_when(self, ready: Any, after_s: float, timeout_s: float = 30) -> bool:
        """SIGKILL once ``ready()`` holds (plus ``after_s``); False when it ended before that."""
        deadline = time.monotonic() + timeout_s
        while not ready():
            if self.process.poll() is not None:
                return False
            assert time.monotonic() < deadline, "the moment to kill never came:\n" + "".join(self.lines)
            time.sleep(0.005)
        time.sleep(after_s)
        if self.process.poll() is not None:
            return False
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        return True


def test_kill_9_during_import_and_reading_loses_nothing(tmp_path: Path, fake_ollama: FakeOllama) -> None:
    truth = lab_page(5)
    answers = PageResponder(truth)
    fake_ollama.add_model(MODEL, reply=lambda body: replace(answers(body), token_delay_s=TOKEN_DELAY_S))
    cli = CliEnv(tmp_path)
    original_env = cli.env
    cli.env = lambda **extra: original_env(**{"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8", **extra})  # type: ignore[method-assign]

    paths = AppPaths(cli.home)
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    first = cli.run("import", str(lab_pdf(tmp_path / "first.pdf", truth, 1, "first")))
    assert first.returncode == 0, first.stderr
    before = snapshot(vault)
    assert [d["status"] for d in before.values()] == ["needs_review"] and before[1]["values"]

    rng = random.Random(10)
    wal = paths.vault.with_name(paths.vault.name + "-wal")
    kills = {"import": 0, "reading": 0}
    for number, (command, moment, after_s) in enumerate(TRIALS):
        args = command.split()
        if args[0] == "import" and moment == "import":
            args.append(str(scan_pdf(tmp_path / f"trial{number}.pdf", 60, number)))
        elif args[0] == "import":
            args.append(str(lab_pdf(tmp_path / f"trial{number}.pdf", truth, 2, f"trial{number}")))
        with vault.reading() as conn:  # an empty log, so that its growth shows the import's transaction
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        run = Run(cli, args)
        if moment == "import":
            killed = run.kill_when(lambda: wal.exists() and wal.stat().st_size > 3_000_000, after_s)
        else:
            killed = run.kill_when(lambda: run.saw(f"Reading page {moment.split()[1]} of"),
                                   after_s + rng.uniform(0, 0.05))
        assert killed, f"trial {number} ended before its kill:\n" + "".join(run.lines)

        # Every document is whole and nothing stored earlier changed; the listing (as `coheara documents`
        # makes it) shows what happened. The next trial's command opens the vault afresh.
        shown = {d.id: d.as_json() for d in list_documents(vault)}
        now = snapshot(vault)
        assert set(shown) == set(now)
        for doc_id, stored in before.items():
            if stored["status"] == "needs_review":
                assert now[doc_id] == stored, f"trial {number}: document {doc_id} changed"
        new = set(now) - set(before)
        if moment == "import":
            assert not new, f"trial {number}: a document from the killed import was kept"
            kills["import"] += 1
        else:
            cut_off = [d for d, s in now.items() if s["status"] == "reading"]
            assert cut_off, f"trial {number}: the kill did not land while reading"
            kills["reading"] += 1
            # Nothing reads it now: it is shown waiting to be read, not as being read.
            assert all(shown[d]["status"] == "queued" for d in cut_off)
        before = now

    assert kills == {"import": 3, "reading": 5}
    # Every document cut off is read to the end by the next run; none stays "reading".
    finish = cli.run("extract", "--queued")
    assert finish.returncode == 0, finish.stderr
    final = snapshot(vault)
    assert {s["status"] for s in final.values()} == {"needs_review"}
    assert all(s["values"] for s in final.values())
    listing = cli.run("documents", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [d["status"] for d in json.loads(listing.stdout)] == ["needs_review"] * len(final)
    doctor = json.loads(cli.run("doctor", "--json").stdout)
    assert doctor["vault"]["integrity"]["ok"] is True


def test_a_listing_knows_whether_a_run_is_reading(tmp_path: Path) -> None:
    from coheara.services.reading_lock import reader_active, reading_lock

    runtime = tmp_path / "run"
    assert not reader_active(runtime)  # never read here
    with reading_lock(runtime):
        assert reader_active(runtime)
    assert not reader_active(runtime)  # the run ended (or was killed: the system drops its lock)
