"""A process killed at any point of an import leaves a vault that opens, is intact and holds no half document."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pymupdf

from coheara.config import AppPaths
from coheara.security.keys import KeyStore
from coheara.services.vault import Credentials, create_vault, unlock_vault
from coheara.storage.connection import integrity_problems

PASSPHRASE = "crash test passphrase"

CHILD = """
import sys
from pathlib import Path
from coheara.config import AppPaths
from coheara.security.keys import KeyStore
from coheara.services.importing import import_files
from coheara.services.vault import Credentials, unlock_vault
paths = AppPaths(Path(sys.argv[1]))
vault = unlock_vault(paths, KeyStore(paths.keyfile, keyring_backend=None), Credentials(passphrase=sys.argv[2]))
print("ready", flush=True)
import_files(vault, [Path(p) for p in sys.argv[3:]])
print("finished", flush=True)
"""


def _pdf(path: Path, pages: int, tag: int) -> Path:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"document {tag} page {number}", fontsize=14)
    doc.save(path)
    return path


def test_sigkill_during_import_never_leaves_half_a_document(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "home")
    create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    rng = random.Random(1234)
    kills = 0
    for trial in range(6):
        files = [str(_pdf(tmp_path / f"t{trial}-{n}.pdf", 25, trial * 10 + n)) for n in range(3)]
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(paths.home), PASSPHRASE, *files],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(timeout=60)
        child.stdout.close()

        vault = unlock_vault(paths, KeyStore(paths.keyfile, keyring_backend=None), Credentials(passphrase=PASSPHRASE))
        with vault.reading() as conn:
            assert integrity_problems(conn) == []
            rows = conn.execute(
                "SELECT d.id, d.page_count, (SELECT count(*) FROM pages p WHERE p.document_id = d.id),"
                " (SELECT count(*) FROM originals o WHERE o.document_id = d.id) FROM documents d"
            ).fetchall()
        for doc_id, declared, stored, originals in rows:
            assert (declared, originals) == (stored, 1), f"document {doc_id} is incomplete"
    assert kills >= 3  # the test really interrupted imports
