#!/usr/bin/env python3
"""Set up Coheara from a fresh checkout with nothing but python3, then run the app or the tests.

    python3 packaging/bootstrap.py run     # set up, then start the desktop app
    python3 packaging/bootstrap.py test    # set up, then run every test

It creates ``.venv`` beside the checkout and installs Coheara into it (again only when pyproject.toml
changed). On Debian/Ubuntu it installs the few system libraries Qt needs (and, for the tests, a
Secret Service) with apt-get when run as root or with password-less sudo; otherwise it prints the
exact command to run. Standard library only: it must run before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import types
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".coheara-installed"

# python3-venv for ensurepip. The system libraries Qt loads are not listed here: they are read off the
# installed PySide6 plugins with ldd (coheara/gui/system_libs.py) once pip has installed them.
APT_APP = ["python3-venv"]
# For the tests: a private D-Bus session with a real Secret Service (keyring tests), a real X
# server with a small window manager for the desktop test on Qt's xcb platform, and the validators
# of the launcher and the AppStream metainfo.
APT_TEST = ["dbus", "dbus-daemon", "gnome-keyring", "libsecret-tools", "xvfb", "openbox", "xdotool",
            "desktop-file-utils", "appstream"]


def say(text: str) -> None:
    print(f"[coheara setup] {text}", flush=True)


def missing_debs(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in names:
        probe = subprocess.run(
            ["dpkg-query", "-W", "-f=${db:Status-Status}", name], capture_output=True, text=True, check=False
        )
        if probe.stdout.strip() != "installed":
            missing.append(name)
    return missing


def ensure_debs(names: list[str], *, required: bool) -> None:
    missing = missing_debs(names)
    if not missing:
        return
    if not shutil.which("apt-get"):
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            prefix = ["sudo", "-n"]
        else:
            cmd = "sudo apt-get install -y " + " ".join(missing)
            if required:
                say(f"System libraries are missing. Run this once, then run me again:\n    {cmd}")
                sys.exit(1)
            say(f"Optional system packages are missing (some tests will be skipped): {cmd}")
            return
    say("Installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=False, env=env)
    result = subprocess.run(
        prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=False, env=env
    )
    if result.returncode != 0 and required:
        say("apt-get could not install the system libraries listed above.")
        sys.exit(1)


def system_libs_module() -> types.ModuleType:
    """coheara/gui/system_libs.py loaded by path: the package's dependencies are not importable here."""
    spec = importlib.util.spec_from_file_location("_coheara_system_libs", ROOT / "coheara" / "gui" / "system_libs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_qt_libraries() -> None:
    """Install the system libraries the installed Qt plugins load and this system lacks (ldd says which)."""
    if not sys.platform.startswith("linux"):
        return
    libs = system_libs_module()
    where = "import importlib.util as u; print(u.find_spec('PySide6').submodule_search_locations[0])"
    found = subprocess.run([str(PY), "-c", where], capture_output=True, text=True, check=False).stdout.strip()
    if not found:
        return
    pyside = Path(found)
    for _ in range(3):  # a library found only after installing another one shows up in the next round
        missing = libs.missing_libraries(pyside)
        if not missing:
            return
        packages, unknown = libs.packages_for(missing)
        if unknown:
            say("Qt needs system libraries Coheara knows no package for: " + ", ".join(unknown))
        if not packages:
            return
        ensure_debs([libs.installable_name(name) for name in packages], required=True)
    still = libs.missing_libraries(pyside)
    if still:
        say("Qt still cannot find: " + ", ".join(still) + ". The desktop app will say so; the command line works.")


def ensure_venv() -> None:
    if PY.exists():
        return
    say(f"Creating a virtual environment in {VENV}")
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (subprocess.CalledProcessError, OSError):
        shutil.rmtree(VENV, ignore_errors=True)
        say("python3 cannot create virtual environments here (Debian/Ubuntu: the python3-venv package).")
        sys.exit(1)


def ensure_installed(extras: str) -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    say("Installing Coheara and its dependencies (first run takes a minute)")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    target = f".[{extras}]" if extras else "."
    for step in (["install", "--upgrade", "pip"], ["install", "-e", target]):
        if subprocess.run([*pip, *step], cwd=ROOT).returncode != 0:
            say("pip could not install Coheara's packages (its message is above); run me again once that is fixed.")
            sys.exit(1)
    STAMP.write_text(digest)


def run_tests(extra_args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    pytest = [str(PY), "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    code = subprocess.run([*pytest, "-m", "not keyring", *extra_args], cwd=ROOT, env=env).returncode
    if code != 0:
        return code
    script = ROOT / "packaging" / "ci_keyring.sh"
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon") and script.exists():
        say("Running the keyring tests against a real Secret Service (private D-Bus session)")
        return subprocess.run(["bash", str(script), *pytest, "-m", "keyring"], cwd=ROOT, env=env).returncode
    say("Keyring integration tests not run: dbus-run-session or gnome-keyring-daemon is missing.")
    return 0


def newer_python() -> str | None:
    """A Python 3.11+ to run under when this one is older (Ubuntu 22.04 ships 3.10)."""
    def works(path: str | None) -> bool:  # a version manager's shim may exist without the version
        probe = "import sys, venv; assert sys.version_info >= (3, 11)"
        return path is not None and subprocess.run([path, "-c", probe], capture_output=True).returncode == 0

    for name in ("python3.13", "python3.12", "python3.11"):
        if works(shutil.which(name)):
            return shutil.which(name)
    ensure_debs(["python3.11", "python3.11-venv"], required=False)
    return shutil.which("python3.11") if works(shutil.which("python3.11")) else None


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    mode, rest = argv[0], argv[1:]
    if sys.version_info < (3, 11):
        other = newer_python()
        if other is None:
            say("Coheara needs Python 3.11 or newer (Debian/Ubuntu: apt-get install python3.11 python3.11-venv).")
            return 1
        say(f"This python3 is {sys.version.split()[0]}; continuing with {other}")
        os.execv(other, [other, __file__, *argv])
    ensure_debs(APT_APP, required=True)
    if mode == "test":
        ensure_debs(APT_TEST, required=False)
    ensure_venv()
    ensure_installed("test" if mode == "test" else "")
    ensure_qt_libraries()
    if mode == "test":
        return run_tests(rest)
    coheara = BIN / ("coheara.exe" if os.name == "nt" else "coheara")
    return subprocess.run([str(coheara), *rest]).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
