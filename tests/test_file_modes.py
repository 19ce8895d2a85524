"""Everything Coheara writes is readable by the patient's user alone (the vault was once 0644)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from docs_factory import text_pdf


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_vault_and_every_file_beside_it_are_private(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(text_pdf())
    home = tmp_path / "coheara"
    env = dict(os.environ, COHEARA_HOME=str(home), COHEARA_PASSPHRASE="correct horse battery staple 42", COHEARA_ACCEPT_TERMS="1",
               HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    old = os.umask(0o022)  # a usual desktop umask: group and others could read what it creates
    try:
        subprocess.run([sys.executable, "-m", "coheara", "import", "--no-extract", str(pdf)], env=env,
                       capture_output=True, check=True)
    finally:
        os.umask(old)
    written = [path for path in home.rglob("*")]
    assert any(path.name == "vault.db" for path in written)
    shared = {str(path.relative_to(home)): oct(path.stat().st_mode & 0o777) for path in written
              if stat.S_IMODE(path.stat().st_mode) & 0o077}
    assert shared == {}
