"""Coheara's catalogues: collect the marked words, keep the translations, compile what ships.

    python packaging/translations.py update [NAME…]    # sources -> resources/i18n/*.ts and */*.po (keeps translations)
    python packaging/translations.py compile [NAME…]   # *.ts -> *.qm (pyside6-lrelease), *.po -> *.mo (Babel)
    python packaging/translations.py check             # every entry missing, unfinished or empty, and stale files
    python packaging/translations.py todo NAME LANG    # the entries of one catalogue still to translate, as JSON
    python packaging/translations.py fill NAME LANG FILE.json   # {source: translation or [plural forms]}

NAME is an app area (gui_start, gui_library, gui_review, gui_health) or a gettext domain (core, cli,
export); without NAME, all of them.

The desktop app's words go through Qt's system: ``pyside6-lupdate`` reads ``self.tr(…)`` and
``QCoreApplication.translate(…)`` in the files of each area below into one ``.ts`` per area and
language (English holds only plural forms). The Qt-free core, command line and exports use gettext:
Babel extracts ``_()``, ``N_()``, ``N_plural()``, ``ngettext()`` and ``pgettext()`` into one ``.po`` per
domain and language. Both compiled forms are committed and shipped as package data, so an installed Coheara
needs no build step; ``check`` (run by tests/test_i18n.py) fails when they fall behind their sources.
"""

from __future__ import annotations

import gettext
import io
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "coheara"
OUT = ROOT / "resources" / "i18n"
LANGUAGES = ("de", "fr")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
KEYWORDS = {"_": None, "N_": None, "N_plural": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}

# The desktop app's areas: each has its own .ts per language, so each can be translated alone.
# Every file under coheara/gui that shows words belongs to exactly one (tests/test_i18n.py checks).
GUI_AREAS: dict[str, tuple[str, ...]] = {
    "gui_start": (
        "gui/window.py", "gui/main.py", "gui/notice.py", "gui/dialogs.py", "gui/autolock.py",
        "gui/snapshots.py", "gui/views/onboarding.py", "gui/views/terms.py", "gui/views/unlock.py",
        "gui/views/key_dialogs.py", "gui/views/settings.py", "gui/views/about.py",
        "gui/views/engine_status.py", "gui/views/engine_monitor.py", "gui/views/widgets.py",
    ),
    "gui_library": (
        "gui/views/library.py", "gui/views/import_flow.py", "gui/views/import_results.py",
        "gui/views/extraction.py", "gui/views/export_dialog.py", "gui/models/documents.py", "gui/ops.py",
    ),
    "gui_review": (
        "gui/views/review.py", "gui/views/review_actions.py", "gui/views/review_dialogs.py",
        "gui/views/review_page.py", "gui/views/review_tables.py", "gui/views/page_viewer.py",
        "gui/views/badges.py", "gui/models/items.py",
    ),
    "gui_health": (
        "gui/views/medications.py", "gui/views/labs.py", "gui/views/lab_chart.py", "gui/views/overview.py",
        "gui/models/health.py", "gui/models/labs.py",
    ),
}
# gettext domains: the command line, the exports, and everything else Qt-free (errors, services…).
DOMAINS: dict[str, tuple[str, ...]] = {
    "cli": ("cli.py", "app.py", "gui/display.py"),
    "export": ("export/",),
}


def gui_files(area: str) -> list[Path]:
    return [PACKAGE / name for name in GUI_AREAS[area] if (PACKAGE / name).is_file()]


def domain_files(domain: str) -> list[Path]:
    if domain == "core":
        taken = {p for d in DOMAINS for p in domain_files(d)}
        return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts and p not in taken
                      and p.relative_to(PACKAGE).parts[0] != "gui")
    found: list[Path] = []
    for name in DOMAINS[domain]:
        target = PACKAGE / name
        found.extend(sorted(target.rglob("*.py")) if name.endswith("/") else [target])
    return [p for p in found if p.is_file()]


def all_domains() -> tuple[str, ...]:
    return (*DOMAINS, "core")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with the project's venv (.venv/bin/python)")
    return found


# -- Qt ------------------------------------------------------------------------------------------


def ts_path(area: str, language: str) -> Path:
    return OUT / f"{area}_{language}.ts"


def update_ts(out: Path = OUT, only: Iterable[str] = GUI_AREAS) -> None:
    for area in only:
        files = [str(p) for p in gui_files(area)]
        for language in ("en", *LANGUAGES):
            target = out / f"{area}_{language}.ts"
            args = [_tool("pyside6-lupdate"), *files, "-ts", str(target), "-no-obsolete", "-locations", "none",
                    "-target-language", language]
            if language == "en":
                args.append("-pluralonly")
            subprocess.run(args, check=True, capture_output=True, cwd=ROOT)


def compile_ts(out: Path = OUT, only: Iterable[str] = GUI_AREAS) -> None:
    for ts in sorted(p for area in only for p in OUT.glob(f"{area}_*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
                       check=True, capture_output=True)


def ts_problems(path: Path) -> list[str]:
    """Entries without a finished, non-empty translation (every plural form filled)."""
    problems = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        if not name:
            # lupdate lost track of the class (a def nested in a function above it does that): the
            # words would be looked up under another context than the one the code asks for.
            problems.append(f"{path.name}: words under no context: " + ", ".join(
                repr(m.findtext("source")) for m in context.iter("message")))
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [] if translation is None else (
                [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                else [translation.text or ""])
            unfinished = translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
            if unfinished or not forms or any(not f.strip() for f in forms):
                problems.append(f"{path.name}: [{name}] {source!r}")
    return problems


# -- gettext -------------------------------------------------------------------------------------


def po_path(domain: str, language: str) -> Path:
    return OUT / language / f"{domain}.po"


def template(domain: str) -> Catalog:
    catalog = Catalog(project="Coheara", domain=domain)
    for path in domain_files(domain):
        with path.open("rb") as handle:
            for line, message, comments, context in extract_from_file(
                    "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)):
                catalog.add(message, None, [(str(path.relative_to(ROOT)), line)], auto_comments=comments,
                            context=context)
        del handle
    return catalog


def _steady(catalog: Catalog) -> None:
    """Drop the format flags newer Babel releases add by themselves, so the files do not change
    with the Babel version."""
    for message in catalog:
        message.flags -= {"python-format", "python-brace-format"}


def update_po(out: Path = OUT, only: Iterable[str] | None = None) -> None:
    for domain in only if only is not None else all_domains():
        fresh = template(domain)
        for language in LANGUAGES:
            source = po_path(domain, language)
            if source.is_file():
                with source.open("rb") as handle:
                    catalog = read_po(handle, locale=language, domain=domain)
            else:
                catalog = Catalog(locale=language, domain=domain, project="Coheara")
            catalog.update(fresh, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            _steady(catalog)
            target = out / language / f"{domain}.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            # No header: its dates would change the file on every run; the language is known from the path.
            write_po(buffer, catalog, omit_header=True, no_location=True, width=100, sort_output=True)
            target.write_bytes(buffer.getvalue())


def compile_po(out: Path = OUT, only: Iterable[str] | None = None) -> None:
    for language in LANGUAGES:
        for domain in only if only is not None else all_domains():
            source = po_path(domain, language)
            if not source.is_file():
                continue
            with source.open("rb") as handle:
                catalog = read_po(handle, locale=language, domain=domain)
            # The header's dates would make every compile differ: a fixed one keeps the file stable.
            catalog.creation_date = catalog.revision_date = FIXED_DATE
            target = out / language / f"{domain}.mo"
            target.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            target.write_bytes(buffer.getvalue())


def po_problems(path: Path) -> list[str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not strings or any(not s.strip() for s in strings):
            problems.append(f"{path.relative_to(OUT)}: {message.id!r}")
    return problems


# -- the commands --------------------------------------------------------------------------------


def _meaning(path: Path) -> object:
    """What a catalogue says, apart from how a tool version lays it out: a .po or .mo as its entries
    (Babel's releases differ in flags, wrapping and the Generated-By header), a .ts/.qm as bytes
    (PySide6 is pinned, so lupdate and lrelease are too)."""
    if path.suffix == ".mo":
        with path.open("rb") as handle:
            entries = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
        entries.pop("", None)  # the header
        return entries
    if path.suffix == ".po":
        with path.open("rb") as handle:
            catalog = read_po(handle)
        return {(m.context, m.id): m.string for m in catalog if m.id}
    return path.read_bytes()


def stale(names: Iterable[Path], fresh_dir: Path) -> list[str]:
    """Files that differ from what the sources produce now."""
    out = []
    for name in names:
        fresh = fresh_dir / name.relative_to(OUT)
        if not name.is_file() or not fresh.is_file() or _meaning(name) != _meaning(fresh):
            out.append(str(name.relative_to(ROOT)))
    return out


def check() -> list[str]:
    """Everything that would keep a German or French patient from reading every word."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for ts in OUT.glob("*.ts"):
            shutil.copy(ts, fresh / ts.name)
        for po in OUT.glob("*/*.po"):
            (fresh / po.parent.name).mkdir(exist_ok=True)
            shutil.copy(po, fresh / po.parent.name / po.name)
        update_ts(fresh)
        update_po(fresh)
        sources = [*OUT.glob("*.ts"), *OUT.glob("*/*.po")]
        expected = [*(OUT / f"{a}_{lang}.ts" for a in GUI_AREAS for lang in ("en", *LANGUAGES)),
                    *(po_path(d, lang) for d in all_domains() for lang in LANGUAGES)]
        problems += [f"missing: {p.relative_to(ROOT)}" for p in expected if not p.is_file()]
        problems += [f"not up to date with the code (run update): {p}" for p in stale(sources, fresh)]
        compile_ts(fresh)
        compile_po(fresh)
        compiled = [*(p.with_suffix(".qm") for p in OUT.glob("*.ts")), *(p.with_suffix(".mo") for p in OUT.glob("*/*.po"))]
        problems += [f"not compiled from its source (run compile): {p}" for p in stale(compiled, fresh)]
    for ts in sorted(OUT.glob("*.ts")):
        problems += ts_problems(ts)
    for po in sorted(OUT.glob("*/*.po")):
        problems += po_problems(po)
    return problems


def _split(names: list[str]) -> tuple[list[str], list[str]]:
    unknown = [n for n in names if n not in GUI_AREAS and n not in all_domains()]
    if unknown:
        raise SystemExit(f"unknown catalogue {', '.join(unknown)}: one of {', '.join([*GUI_AREAS, *all_domains()])}")
    areas = [n for n in names if n in GUI_AREAS] if names else list(GUI_AREAS)
    domains = [n for n in names if n in all_domains()] if names else list(all_domains())
    return areas, domains


def _entries(name: str, language: str) -> list[tuple[str, bool, str | tuple[str, ...]]]:
    """(source, plural, translation) of one catalogue."""
    if name in GUI_AREAS:
        out = []
        for message in ET.parse(ts_path(name, language)).getroot().iter("message"):
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            done = translation is not None and translation.get("type") != "unfinished"
            value: str | tuple[str, ...] = (tuple(f.text or "" for f in translation.iter("numerusform")) if plural
                                            else translation.text or "") if (translation is not None and done) else ""
            out.append((message.findtext("source") or "", plural, value))
        return out
    with po_path(name, language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return [(m.id[0] if isinstance(m.id, tuple) else m.id, m.pluralizable,
             (m.string if not m.fuzzy else "")) for m in catalog if m.id]


def todo(name: str, language: str) -> dict[str, str | list[str]]:
    """What is still untranslated: {source: "" or ["", ""] for plural forms}."""
    forms = 1 if language == "en" else 2
    return {source: ([""] * forms if plural else "") for source, plural, value in _entries(name, language)
            if not value or (isinstance(value, tuple) and not all(v.strip() for v in value))}


def fill(name: str, language: str, translated: dict[str, str | list[str]]) -> int:
    """Write translations into one catalogue's source (.ts or .po); returns how many were set."""
    count = 0
    if name in GUI_AREAS:
        path = ts_path(name, language)
        tree = ET.parse(path)
        for message in tree.getroot().iter("message"):
            source = message.findtext("source") or ""
            if source not in translated:
                continue
            value = translated[source]
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                for form in value if isinstance(value, list) else [value]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            count += 1
        ET.indent(tree, space="    ")
        with path.open("wb") as handle:
            handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(handle, encoding="utf-8", xml_declaration=False)
        # lupdate's own layout, so that `check` finds the file up to date
        update_ts(OUT, [name])
        return count
    path = po_path(name, language)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=name)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in translated:
            value = translated[key]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            count += 1
    _steady(catalog)
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, no_location=True, width=100, sort_output=True)
    path.write_bytes(buffer.getvalue())
    return count


def main(argv: list[str]) -> int:
    command, names = (argv[0] if argv else ""), argv[1:]
    if command == "update":
        areas, domains = _split(names)
        update_ts(OUT, areas)
        update_po(OUT, domains)
    elif command == "compile":
        areas, domains = _split(names)
        compile_ts(OUT, areas)
        compile_po(OUT, domains)
    elif command == "todo" and len(names) == 2:
        print(json.dumps(todo(names[0], names[1]), ensure_ascii=False, indent=1))
    elif command == "fill" and len(names) == 3:
        translated = json.loads(Path(names[2]).read_text(encoding="utf-8"))
        print(f"{fill(names[0], names[1], translated)} entries set")
    elif command == "check":
        problems = check()
        print("\n".join(problems) if problems else "every entry translated and compiled")
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
