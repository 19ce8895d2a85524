"""How much disk Coheara takes: a virtual environment, and a PyInstaller bundle folder.

Prints, for the venv: its total size, its site-packages, the part of site-packages that Coheara
itself needs at run time (the closure of its Requires-Dist, without extras: what a patient's install
holds, as opposed to this developer venv with tests, mypy and PyInstaller), and the 10 biggest
distributions (bytes of the files in each one's RECORD). With --bundle, the bundle's total size and
its biggest top-level entries. Sizes are apparent file sizes in MiB; symbolic links count once.

Run: .venv/bin/python bench/bench_install_size.py [VENV] [--bundle dist/coheara]
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 2**20


def tree_bytes(path: Path) -> int:
    if path.is_file() and not path.is_symlink():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def site_packages(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages")) or sorted(venv.glob("Lib/site-packages"))
    if not found:
        raise SystemExit(f"bench_install_size: no site-packages under {venv}")
    return found[0]


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dist_bytes(dist: metadata.Distribution, site: Path) -> int:
    total = 0
    for file in dist.files or []:
        path = (site / file).resolve()
        if path.is_relative_to(site) and path.is_file():  # RECORD also names bin/ scripts outside
            total += path.stat().st_size
    return total


def runtime_closure(dists: dict[str, metadata.Distribution], root: str) -> set[str]:
    """Distributions ``root`` needs at run time: Requires-Dist without extras, markers evaluated."""
    try:
        from packaging.requirements import Requirement
    except ImportError:  # without packaging, markers are ignored: a slight overcount at worst
        Requirement = None  # type: ignore[assignment,misc]  # noqa: N806
    needed: set[str] = set()
    todo = [key(root)]
    while todo:
        name = todo.pop()
        if name in needed or name not in dists:
            continue
        needed.add(name)
        for text in dists[name].requires or []:
            if Requirement is None:
                if "extra ==" not in text:
                    todo.append(key(re.split(r"[\s;<>=!~\[(]", text, maxsplit=1)[0]))
                continue
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(key(requirement.name))
    return needed


def report_venv(venv: Path) -> None:
    site = site_packages(venv)
    dists = {key(d.metadata["Name"]): d for d in metadata.distributions(path=[str(site)])}
    sizes = {name: dist_bytes(dist, site) for name, dist in dists.items()}
    runtime = runtime_closure(dists, "coheara")
    print(f"venv {venv}: {tree_bytes(venv) / MIB:.1f} MiB")
    print(f"  site-packages: {tree_bytes(site) / MIB:.1f} MiB ({len(dists)} distributions)")
    print(f"  run-time closure of coheara: {sum(sizes[n] for n in runtime) / MIB:.1f} MiB "
          f"({len(runtime)} distributions; the rest is tests, typing and packaging tools)")
    print("  biggest distributions:")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1])[:10]:
        role = "run time" if name in runtime else "dev only"
        print(f"    {size / MIB:8.1f} MiB  {dists[name].metadata['Name']} {dists[name].version} ({role})")


def report_bundle(bundle: Path) -> None:
    if (bundle / "coheara").is_dir():
        bundle = bundle / "coheara"
    print(f"bundle {bundle}: {tree_bytes(bundle) / MIB:.1f} MiB")
    inner = bundle / "_internal"
    entries = sorted(((tree_bytes(p), p.name) for p in inner.iterdir()), reverse=True) if inner.is_dir() else []
    for size, name in entries[:10]:
        print(f"    {size / MIB:8.1f} MiB  _internal/{name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venv", nargs="?", type=Path, default=ROOT / ".venv")
    parser.add_argument("--bundle", type=Path, help="a bundle folder from packaging/build_bundle.py")
    args = parser.parse_args()
    report_venv(args.venv.resolve())
    if args.bundle:
        report_bundle(args.bundle.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
