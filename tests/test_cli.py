"""The command line as a new user meets it: real processes, a real vault, one line per problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import SENTINEL, CliEnv, png_file, sentinel_pdf


@pytest.fixture
def cli(tmp_path: Path) -> CliEnv:
    return CliEnv(tmp_path)


def test_help_lists_the_commands_and_the_notice(cli: CliEnv) -> None:
    result = cli.run("--help")
    assert result.returncode == 0
    for command in ("import", "extract", "documents", "export", "doctor", "passphrase"):
        assert command in result.stdout
    assert "not a medical device" in result.stdout


def test_usage_error_is_exit_2_one_line(cli: CliEnv) -> None:
    result = cli.run("import")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_first_import_creates_vault_and_shows_recovery_key_once(cli: CliEnv, tmp_path: Path) -> None:
    pdf = sentinel_pdf(tmp_path / "report.pdf")
    first = cli.run("import", "--no-extract", str(pdf))
    assert first.returncode == 0, first.stderr
    assert "recovery key" in first.stderr.lower()
    assert "imported" in first.stdout and "(2 pages)" in first.stdout
    again = cli.run("import", "--no-extract", str(pdf))
    assert again.returncode == 0
    assert "duplicate" in again.stdout
    assert "recovery key" not in again.stderr.lower()
    listing = json.loads(cli.run("documents", "--json").stdout)
    assert len(listing) == 1
    doc = listing[0]
    assert doc["filename"] == "report.pdf" and doc["pages"] == 2 and doc["status"] == "queued"
    assert len(doc["sha256"]) == 64 and isinstance(doc["id"], int)


def test_bad_file_is_refused_with_one_line_and_others_still_imported(cli: CliEnv, tmp_path: Path) -> None:
    good = png_file(tmp_path / "good.png")
    fake = tmp_path / "letter.pdf"
    fake.write_bytes(b"this is not a pdf at all, just text")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    result = cli.run("import", "--no-extract", str(fake), str(good), str(empty))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("refused") and "letter.pdf" in lines[0]
    assert lines[1].startswith("imported")
    assert lines[2].startswith("refused") and "empty" in lines[2].lower()
    assert len(json.loads(cli.run("documents", "--json").stdout)) == 1


def test_import_without_engine_stays_queued_exit_3(cli: CliEnv, tmp_path: Path) -> None:
    result = cli.run("import", str(png_file(tmp_path / "scan.png")))
    assert result.returncode == 3, result.stderr
    assert "127.0.0.1:9" in result.stderr and "queued" in result.stderr
    assert json.loads(cli.run("documents", "--json").stdout)[0]["status"] == "queued"
    retry = cli.run("extract", "--queued")
    assert retry.returncode == 3


def test_wrong_passphrase_is_exit_4_and_vault_kept(cli: CliEnv, tmp_path: Path) -> None:
    assert cli.run("import", "--no-extract", str(png_file(tmp_path / "a.png"))).returncode == 0
    before = (cli.home / "vault.db").read_bytes()
    result = cli.run("documents", COHEARA_PASSPHRASE="not the passphrase")
    assert result.returncode == 4
    assert "passphrase is not correct" in result.stderr
    assert (cli.home / "vault.db").read_bytes() == before


def test_no_passphrase_and_no_keyring_says_how(cli: CliEnv) -> None:
    env = cli.env()
    del env["COHEARA_PASSPHRASE"]
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "coheara", "documents"], capture_output=True, text=True,
                            env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 4
    assert "COHEARA_PASSPHRASE" in result.stderr
    assert not (cli.home / "vault.db").exists()


def test_passphrase_change_rewraps(cli: CliEnv, tmp_path: Path) -> None:
    assert cli.run("import", "--no-extract", str(png_file(tmp_path / "a.png"))).returncode == 0
    changed = cli.run("passphrase", COHEARA_NEW_PASSPHRASE="a new and different passphrase")
    assert changed.returncode == 0, changed.stderr
    assert cli.run("documents").returncode == 4
    assert cli.run("documents", COHEARA_PASSPHRASE="a new and different passphrase").returncode == 0


@pytest.mark.parametrize("fmt", ["fhir", "csv", "md", "pdf"])
def test_export_writes_where_asked_with_warning(cli: CliEnv, tmp_path: Path, fmt: str) -> None:
    assert cli.run("import", "--no-extract", str(png_file(tmp_path / "a.png"))).returncode == 0
    out = tmp_path / f"summary.{fmt}"
    result = cli.run("export", "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    assert "NOT encrypted" in result.stderr


def test_doctor_json_has_the_contract_fields(cli: CliEnv) -> None:
    result = cli.run("doctor", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"variant", "model", "ollama", "vault", "keyring", "hardware"} <= set(report)
    assert report["ollama"]["host"] == "http://127.0.0.1:9"
    assert report["ollama"]["reachable"] is False
    assert {"host", "reachable", "model_present"} <= set(report["ollama"])
    assert "ollama pull medgemma1.5" in report["install"]  # the simplest install, beside our builds
    human = cli.run("doctor")
    assert "does not answer" in human.stdout
    assert "Simplest:     ollama pull medgemma1.5" in human.stdout


def test_nothing_readable_outside_the_vault(cli: CliEnv, tmp_path: Path) -> None:
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    pdf = sentinel_pdf(docs_dir / f"{SENTINEL}-hiv-result.pdf")
    assert cli.run("import", str(pdf)).returncode == 3
    assert cli.run("documents").returncode == 0
    needles = [SENTINEL.encode(), b"Hemoglobin", b"hiv-result"]
    for folder in (cli.home, cli.root / "user-home", cli.root / "tmp"):
        for file in folder.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                for needle in needles:
                    assert needle not in data, f"{needle!r} found in {file.relative_to(cli.root)}"
    # Nothing at all is written outside COHEARA_HOME (pymupdf-lite, Qt, keyring, httpx included).
    assert [p for p in (cli.root / "user-home").rglob("*") if p.is_file()] == []
    assert list((cli.root / "tmp").iterdir()) == []


def test_the_model_terms_are_accepted_once_and_extracted_values_come_with_the_notice(cli: CliEnv,
                                                                                    tmp_path: Path) -> None:
    from cli_support import sentinel_pdf

    from coheara.notice import SHORT_NOTICE

    pdf = sentinel_pdf(tmp_path / "a.pdf")
    refused = cli.run("import", "--no-extract", str(pdf), COHEARA_ACCEPT_TERMS=None)
    assert refused.returncode == 2 and "terms that must be accepted once" in refused.stderr
    assert not (cli.home / "vault.db").exists()
    assert cli.run("import", "--no-extract", str(pdf)).returncode == 0  # accepted by the script's variable
    listed = cli.run("documents", COHEARA_ACCEPT_TERMS=None)  # accepted once: not asked again
    assert listed.returncode == 0
    assert listed.stderr.strip().endswith(f"Note: {SHORT_NOTICE}")
