"""The vault never lies about its state (#10): an empty or damaged file is reported as such and left
alone, database errors are told apart by result code, and only regular files are read."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from cli_support import CliEnv, sentinel_pdf

from coheara.config import AppPaths
from coheara.errors import BadInputError, VaultDamagedError, VaultWriteError
from coheara.security.keys import KeyStore
from coheara.services.importing import import_files
from coheara.services.vault import Credentials, Vault, create_vault, unlock_vault
from coheara.storage import documents as doc_store
from coheara.storage.connection import known_database_error

PASSPHRASE = "correct horse battery staple 42"


def new_vault(tmp_path: Path) -> tuple[AppPaths, Vault]:
    paths = AppPaths(tmp_path / "home")
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    return paths, vault


def reopen(paths: AppPaths) -> Vault:
    return unlock_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14),
                        Credentials(passphrase=PASSPHRASE, use_keyring=False))


def test_an_empty_vault_file_is_damage_never_a_new_vault(tmp_path: Path) -> None:
    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    pdf = sentinel_pdf(tmp_path / "a.pdf")
    assert cli.run("import", "--no-extract", str(pdf), **env).returncode == 0
    vault = cli.home / "vault.db"
    for leftover in (cli.home / "vault.db-wal", cli.home / "vault.db-shm"):
        leftover.unlink(missing_ok=True)
    vault.write_bytes(b"")
    backups = sorted((cli.home / "backups").glob("*"))

    listed = cli.run("documents", "--json", **env)
    assert listed.returncode == 4, listed.stdout
    assert listed.stdout == ""
    assert "The vault file is empty (0 bytes)" in listed.stderr and listed.stderr.count("\n") <= 2
    assert vault.stat().st_size == 0  # left as it was: nothing was built in it
    assert sorted((cli.home / "backups").glob("*")) == backups
    again = cli.run("import", "--no-extract", str(pdf), **env)
    assert again.returncode == 4 and vault.stat().st_size == 0


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for offset in range(middle, middle + 64):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_damage_after_the_first_page_is_reported_as_damage_and_stops_writes(tmp_path: Path) -> None:
    paths, vault = new_vault(tmp_path)
    pdf = sentinel_pdf(tmp_path / "long.pdf", pages=30)
    (outcome,) = import_files(vault, [pdf])
    assert outcome.status == "imported"
    with vault.reading() as conn:  # fold the WAL into the file, so the flip hits stored pages
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _flip_middle(paths.vault)

    damaged = reopen(paths)  # page 1 is intact: the key still opens it
    with pytest.raises(VaultDamagedError) as caught:
        with damaged.reading() as conn:
            for number in range(30):
                doc_store.get_page(conn, outcome.document_id or 0, number)
    assert caught.value.one_line().startswith("The vault file is damaged.")
    assert damaged.damaged
    before = paths.vault.read_bytes()
    with pytest.raises(VaultDamagedError):
        with damaged.writing() as conn:
            conn.execute("INSERT INTO vault_meta (key, value) VALUES ('x', 'y')")
    assert paths.vault.read_bytes() == before  # nothing more was written into it


def test_errors_are_classified_by_result_code_not_by_their_words(tmp_path: Path) -> None:
    _paths, vault = new_vault(tmp_path)
    with vault.reading() as conn:
        try:
            conn.execute("SELECT nothing FROM no_such_table_the_disk_is_full")
        except Exception as exc:  # noqa: BLE001 - the error under test
            programming = exc
    assert known_database_error(programming) is None  # a bug, whatever its message says
    with pytest.raises(type(programming)):  # and it reaches the caller as one, not as "damaged"
        with vault.reading() as conn:
            conn.execute("SELECT nothing FROM no_such_table_the_disk_is_full")

    assert known_database_error(Exception("database disk image is malformed")) is None
    full = sqlite3.OperationalError("whatever the words")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL, as SQLite sets it
    assert isinstance(known_database_error(full), VaultWriteError)
    busy = sqlite3.OperationalError("x")
    busy.sqlite_errorcode = 5 | (1 << 8)  # type: ignore[attr-defined]  # SQLITE_BUSY_RECOVERY: extended
    assert "busy" in str(known_database_error(busy))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero (POSIX)")
def test_devices_and_pipes_are_refused_in_one_line_without_reading_them(tmp_path: Path) -> None:
    _paths, vault = new_vault(tmp_path)
    endless = tmp_path / "scan.pdf"
    endless.symlink_to("/dev/zero")
    pipe = tmp_path / "photo.jpg"
    os.mkfifo(pipe)
    started = time.monotonic()
    outcomes = import_files(vault, [endless, pipe])
    assert time.monotonic() - started < 5
    assert [o.status for o in outcomes] == ["refused", "refused"]
    for outcome in outcomes:
        assert outcome.reason is not None and "not a regular file" in outcome.reason and "\n" not in outcome.reason


def test_a_regular_file_is_still_read_with_its_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coheara.services import importing

    _paths, vault = new_vault(tmp_path)
    pdf = sentinel_pdf(tmp_path / "ok.pdf")
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", pdf.stat().st_size - 1)
    (outcome,) = import_files(vault, [pdf])
    assert outcome.status == "refused" and "larger than" in (outcome.reason or "")
    with pytest.raises(BadInputError):
        importing._read(tmp_path)


KILLED_MIDWAY = """
import os, sys
from pathlib import Path
import coheara.services.vault as service
from coheara.config import AppPaths
from coheara.security.keys import KeyStore
paths = AppPaths(Path(sys.argv[1]))
def die(conn):  # the process is killed after the key file was written, before the vault is in place
    os._exit(9)
service.migrate = die
service.create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), sys.argv[2])
"""


def test_a_first_run_killed_midway_can_simply_be_run_again(tmp_path: Path) -> None:
    import subprocess
    import sys

    from coheara.services.vault import vault_state

    paths = AppPaths(tmp_path / "home")
    died = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(paths.home), PASSPHRASE], capture_output=True)
    assert died.returncode == 9
    assert paths.keyfile.exists() and not paths.vault.exists()  # what used to block every later run
    assert vault_state(paths) == "new"
    vault, recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), PASSPHRASE)
    assert vault_state(paths) == "ready" and len(recovery) > 20
    assert sorted(p.name for p in paths.home.iterdir() if p.name.startswith("vault")) == ["vault.db", "vault.keys.json"]
    reopen(paths)


def test_a_weak_passphrase_is_refused_by_the_command_line_as_by_the_app(tmp_path: Path) -> None:
    cli = CliEnv(tmp_path)
    pdf = sentinel_pdf(tmp_path / "a.pdf")
    refused = cli.run("import", "--no-extract", str(pdf), COHEARA_HOME=str(cli.home), COHEARA_PASSPHRASE="hunter22")
    assert refused.returncode == 2
    assert "too weak to protect health data" in refused.stderr
    assert not (cli.home / "vault.db").exists() and not (cli.home / "vault.keys.json").exists()

    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    assert cli.run("import", "--no-extract", str(pdf), **env).returncode == 0
    weak_change = cli.run("passphrase", COHEARA_NEW_PASSPHRASE="Tr0ub4dor&3", **env)
    assert weak_change.returncode == 2 and "too weak" in weak_change.stderr
    assert cli.run("documents", **env).returncode == 0  # the old passphrase still opens it


def test_one_rule_for_both() -> None:
    from coheara.security.strength import too_weak

    assert too_weak("hunter22") and too_weak("x")
    assert too_weak("apple river stone cloud") is None and too_weak(PASSPHRASE) is None


def test_doctor_never_prints_the_credentials_of_the_engine_address(tmp_path: Path) -> None:
    cli = CliEnv(tmp_path)
    for args in (("doctor",), ("doctor", "--json")):
        result = cli.run(*args, COHEARA_HOME=str(cli.home), OLLAMA_HOST="http://alice:s3cret@127.0.0.1:9")
        assert result.returncode == 0
        assert "s3cret" not in result.stdout + result.stderr and "alice" not in result.stdout + result.stderr
        assert "127.0.0.1:9" in result.stdout


def test_file_names_cannot_forge_output_lines_or_reach_the_terminal_raw(tmp_path: Path) -> None:
    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    forged = sentinel_pdf(tmp_path / "a.pdf").rename(tmp_path / "fake.pdf\nimported   #99  x\x1b[31m.pdf")
    imported = cli.run("import", "--no-extract", str(forged), **env)
    assert imported.returncode == 0
    (line,) = imported.stdout.splitlines()
    assert line.startswith("imported   #1  fake.pdf\\nimported   #99  x\\x1b[31m.pdf")
    listed = cli.run("documents", **env)
    assert "\x1b" not in listed.stdout and listed.stdout.count("\n") == 1


TRACED = """
import json, os, sys
spawned = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.system", "os.fork", "os.spawn"):
        spawned.append(event)
sys.addaudithook(hook)
from coheara.app import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "spawned": spawned,
                  "left": [k for k in ("COHEARA_PASSPHRASE", "COHEARA_RECOVERY_KEY") if k in os.environ]}))
"""


def test_secrets_leave_the_environment_and_unlocking_or_listing_starts_no_child(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    assert cli.run("import", "--no-extract", str(sentinel_pdf(tmp_path / "a.pdf")), **env).returncode == 0
    traced = subprocess.run([sys.executable, "-c", TRACED, "documents", "--json"], capture_output=True, text=True,
                            env=cli.env(**env), cwd=tmp_path, timeout=120)
    report = json.loads(traced.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert report["left"] == []  # gone before any child could inherit them
    assert report["spawned"] == []  # unlocking and listing start no other program


def test_doctor_checks_integrity_and_reports_damage_in_the_middle_of_the_file(tmp_path: Path) -> None:
    import json

    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    assert cli.run("import", "--no-extract", str(sentinel_pdf(tmp_path / "a.pdf", pages=30)), **env).returncode == 0
    whole = json.loads(cli.run("doctor", "--json", **env).stdout)["vault"]["integrity"]
    assert whole == {"checked": True, "ok": True}
    locked = cli.run("doctor", COHEARA_HOME=str(cli.home), COHEARA_PASSPHRASE="")
    assert "Integrity:    not checked (locked" in locked.stdout
    wrong = cli.run("doctor", COHEARA_HOME=str(cli.home), COHEARA_PASSPHRASE="not the passphrase at all")
    assert "Integrity:    not checked (The passphrase is not correct" in wrong.stdout  # not called damage

    _flip_middle(cli.home / "vault.db")
    before = (cli.home / "vault.db").read_bytes()
    report = cli.run("doctor", **env)
    assert "Integrity:    DAMAGED" in report.stdout
    damaged = json.loads(cli.run("doctor", "--json", **env).stdout)["vault"]["integrity"]
    assert damaged["ok"] is False and damaged["damaged_pages"] >= 1
    assert (cli.home / "vault.db").read_bytes() == before  # the check wrote nothing


def test_a_cut_pdf_is_refused_and_a_repaired_one_says_so_everywhere(tmp_path: Path) -> None:
    import json

    from docs_factory import text_pdf, truncated_pdf

    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE}
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(truncated_pdf(0.5))
    refused = cli.run("import", "--no-extract", str(cut), **env)
    assert refused.returncode == 1 and "This PDF ends early" in refused.stdout

    data = text_pdf(pages=2)
    start = data.rindex(b"startxref") + len(b"startxref")
    repaired = tmp_path / "repaired.pdf"
    repaired.write_bytes(data[:start] + b"\n1" + data[data.index(b"\n%%EOF", start):])
    imported = cli.run("import", "--no-extract", str(repaired), **env)
    assert imported.returncode == 0 and "had to be repaired" in imported.stdout
    (document,) = json.loads(cli.run("documents", "--json", **env).stdout)
    assert any("had to be repaired" in note for note in document["notes"])


def test_a_reader_that_goes_away_is_not_a_bug(tmp_path: Path) -> None:
    """`coheara doctor | head -1`: the pipe closes before doctor has printed everything."""
    import subprocess
    import sys

    cli = CliEnv(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "coheara", "doctor"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=cli.env(COHEARA_HOME=str(cli.home)), cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    with process.stderr:
        errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert "bug" not in errors and "Traceback" not in errors


def test_one_reader_at_a_time(tmp_path: Path, fake_ollama: Any) -> None:
    """Two `extract --queued` at once read every page twice; the second now says so and leaves."""
    import json

    from fake_ollama_scripts import PageResponder, lab_page

    from coheara.services.reading_lock import reading_lock

    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder(lab_page(2)))
    cli = CliEnv(tmp_path)
    env = {"COHEARA_HOME": str(cli.home), "COHEARA_PASSPHRASE": PASSPHRASE, "OLLAMA_HOST": fake_ollama.url,
           "COHEARA_MODEL": "q8"}
    assert cli.run("import", "--no-extract", str(sentinel_pdf(tmp_path / "a.pdf")), **env).returncode == 0
    with reading_lock(cli.home / "run"):  # another reader holds the vault (AppPaths.runtime)
        second = cli.run("extract", "--queued", **env)
    assert second.returncode == 3
    assert "Another Coheara window or command is reading documents right now" in second.stderr
    (document,) = json.loads(cli.run("documents", "--json", **env).stdout)
    assert document["status"] == "queued" and not document["failure"]
    assert cli.run("extract", "--queued", **env).returncode == 0  # once the other reader is done


LIMITED = """
import resource, runpy, sys
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # no file may grow past this: a full disk
sys.argv[0] = "coheara"
runpy.run_module("coheara", run_name="__main__")
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE stands in for a full disk on POSIX")
def test_a_full_disk_is_one_sentence_and_loses_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    from docs_factory import text_pdf

    cli = CliEnv(tmp_path)
    env = cli.env(COHEARA_HOME=str(cli.home), COHEARA_PASSPHRASE=PASSPHRASE)

    def run(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", LIMITED, str(limit), *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    small, big = tmp_path / "small.pdf", tmp_path / "big.pdf"
    small.write_bytes(text_pdf(pages=1))
    big.write_bytes(text_pdf(pages=40))
    created = run(1500, "import", "--no-extract", str(small))  # creating the vault on a full disk
    assert created.returncode == 4 and "could not write to the disk" in created.stderr
    assert "bug" not in created.stderr
    assert not (cli.home / "vault.db").exists() and not (cli.home / "vault.keys.json").exists()

    assert run(100_000_000, "import", "--no-extract", str(small)).returncode == 0
    full = run(60_000, "import", "--no-extract", str(big))  # the disk fills during an import
    assert full.returncode == 4 and "could not write to the disk" in full.stderr and "bug" not in full.stderr
    listed = run(60_000, "documents", "--json")  # reading still works on the full disk
    assert listed.returncode == 0
    assert [d["filename"] for d in json.loads(listed.stdout)] == ["small.pdf"]  # no half document
