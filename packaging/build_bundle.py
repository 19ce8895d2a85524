"""Build Coheara as a PyInstaller one-folder bundle: ``DIST/coheara/`` (Linux; other specs are untested).

Run with the project's venv (which needs the ``bundle`` extra: ``.venv/bin/pip install -e '.[bundle]'``):

    .venv/bin/python packaging/build_bundle.py [--dist DIR] [--work DIR]

On Linux the launcher, icons and AppStream metainfo are copied to ``DIST/coheara/share/`` in the
layout of ``/usr/share``, so a package (or a user) can link them into place. The build then checks
that the package data is there and that nothing from ``tests/`` shipped, and prints the size.
Nothing is written into the checkout: the work folder defaults to a temporary one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO / "packaging" / "pyinstaller"
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.coheara.Coheara"


def spec_for_platform() -> Path:
    if sys.platform.startswith("linux"):
        return SPECS / "coheara-linux.spec"
    if sys.platform == "darwin":
        return SPECS / "coheara-macos.spec"
    if sys.platform == "win32":
        return SPECS / "coheara-windows.spec"
    raise SystemExit(f"build_bundle: no spec for {sys.platform}")


def run_pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm", "--clean",
               "--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    if subprocess.run(command, cwd=REPO, check=False).returncode != 0:
        raise SystemExit("build_bundle: PyInstaller failed (see above)")


def install_share(bundle: Path) -> None:
    """Desktop integration files, laid out as under /usr/share."""
    share = bundle / "share"
    targets = {
        LINUX / f"{APP_ID}.desktop": share / "applications" / f"{APP_ID}.desktop",
        LINUX / f"{APP_ID}.metainfo.xml": share / "metainfo" / f"{APP_ID}.metainfo.xml",
        REPO / "resources" / "coheara.svg": share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg",
        REPO / "resources" / "coheara.png": share / "icons/hicolor/256x256/apps" / f"{APP_ID}.png",
    }
    for source, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    # Software centres silently drop an app whose metadata does not validate: fail the build instead.
    validators = {"desktop-file-validate": [str(targets[LINUX / f"{APP_ID}.desktop"])],
                  "appstreamcli": ["validate", "--no-net", str(targets[LINUX / f"{APP_ID}.metainfo.xml"])]}
    for tool, arguments in validators.items():
        if shutil.which(tool) is None:
            print(f"build_bundle: {tool} not found; {arguments[-1]} not validated")
        elif subprocess.run([tool, *arguments], capture_output=True, text=True).returncode != 0:
            raise SystemExit(f"build_bundle: {tool} rejects {arguments[-1]}")


def check_bundle(bundle: Path) -> None:
    """The things a frozen build silently loses: package data, and things it must never gain: tests."""
    internal = bundle / "_internal"
    expected = [internal / "coheara/_migrations/0001_initial.sql",
                internal / "coheara/_resources/hai_def_terms.md",
                internal / "coheara/_resources/analytes.json",
                internal / "coheara/_resources/coheara.png"]
    missing = [str(path.relative_to(bundle)) for path in expected if not path.is_file()]
    if missing:
        raise SystemExit(f"build_bundle: package data missing from the bundle: {missing}")
    leaked = [str(p.relative_to(bundle)) for p in bundle.rglob("*") if "fake_ollama" in p.name or p.name == "tests"]
    if leaked:
        raise SystemExit(f"build_bundle: test code in the bundle: {leaked[:5]}")


def folder_bytes(folder: Path) -> int:
    """Apparent size of regular files; symlinks (PyInstaller links some .so names) count once."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def report_size(bundle: Path) -> None:
    internal = bundle / "_internal"
    parts = sorted(((folder_bytes(p) if p.is_dir() else p.lstat().st_size, p.name)
                    for p in internal.iterdir()), reverse=True)
    print(f"bundle: {bundle}")
    for size, name in parts[:8]:
        print(f"  {size / 2**20:8.1f} MiB  _internal/{name}")
    print(f"bundle size: {folder_bytes(bundle) / 2**20:.1f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: a temporary one)")
    parser.add_argument("--spec", type=Path, help="spec file (default: the one for this platform)")
    args = parser.parse_args()
    spec = args.spec or spec_for_platform()
    dist = args.dist.resolve()
    with tempfile.TemporaryDirectory(prefix="coheara-build-") as scratch:
        run_pyinstaller(spec, dist, (args.work or Path(scratch)).resolve())
    bundle = dist / "coheara"
    if sys.platform.startswith("linux"):
        install_share(bundle)
        check_bundle(bundle)
        report_size(bundle)
    else:
        print(f"built (untested platform): {dist}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
