"""German and French: the catalogues are whole, the language follows the system or the choice,
numbers and dates read as a patient there reads them, and no word a patient sees is left unmarked.

``packaging/translations.py check`` re-collects every marked word from the code (pyside6-lupdate for
the app, Babel for the rest) and fails on an entry that is missing, unfinished or empty in German or
French, and on a compiled catalogue that is older than its source.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coheara import i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

PACKAGE = ROOT / "coheara"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_every_entry_is_translated_and_compiled() -> None:
    problems = translations.check()
    assert problems == [], "\n".join(problems[:60]) + (f"\n… and {len(problems) - 60} more" if len(problems) > 60 else "")


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "fr_CH.UTF-8"}, "fr"),  # Swiss French: the French catalogue
    ({"LANG": "de_CH.UTF-8"}, "de"),
    ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),  # LC_ALL overrides LANG, as in POSIX
    ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "fr"),
    ({"LANGUAGE": "es:de", "LANG": "fr_FR.UTF-8"}, "de"),  # the first we have in the list
    ({"LANG": "es_ES.UTF-8"}, "en"),  # no catalogue: English
    ({}, "en"),
])
def test_the_language_comes_from_the_environment(env: dict[str, str], expected: str) -> None:
    assert i18n.language_from(env) == expected


def test_a_choice_wins_over_the_system_and_system_means_the_environment() -> None:
    assert i18n.choose("fr", {"LANG": "de_DE.UTF-8"}) == "fr"
    assert i18n.choose("system", {"LANG": "de_DE.UTF-8"}) == "de"
    assert i18n.choose(None, {}, "fr-FR") == "fr"  # Qt's system locale on macOS and Windows


@pytest.mark.parametrize(("language", "value", "day", "typed"), [
    ("en", "13.5", "14 Mar 2025", "13.5"),
    ("de", "13,5", "14.03.2025", "13,5"),
    ("fr", "13,5", "14/03/2025", "13,5"),
])
def test_numbers_and_dates_as_read_there(language: str, value: str, day: str, typed: str) -> None:
    i18n.set_language(language)
    assert i18n.number(13.5) == value
    assert i18n.number(1500) == "1500"  # no grouping: labs print 1500, not 1.500
    assert i18n.show_date("2025-03-14") == day
    assert i18n.parse_number(typed) == 13.5
    assert i18n.show_date("März 2025") == "März 2025"  # not an ISO date: kept as written


def test_the_notice_and_the_terms_summary_in_each_language() -> None:
    from coheara.notice import export_notice, full_terms, short_notice, terms_summary

    seen = {}
    for language in i18n.LANGUAGES:
        i18n.set_language(language)
        seen[language] = (short_notice(), export_notice(), terms_summary())
        assert full_terms().startswith("# Health AI Developer Foundations (HAI-DEF) — Terms of Use")  # the binding original
    assert seen["de"][0].startswith("Von einem KI-Modell ausgelesen") and "Kein Medizinprodukt" in seen["de"][0]
    assert "ni un dispositif médical" in seen["fr"][0]
    for language in ("de", "fr"):
        notice, export, summary = seen[language]
        assert export.startswith(notice)
        assert "https://developers.google.com/health-ai-developer-foundations/terms" in export
        assert "anglais" in summary or "englischen" in summary  # says the binding terms are English


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "COHEARA_HOME": str(ROOT / ".no-such-home")}
    return subprocess.run([sys.executable, "-m", "coheara", *args], capture_output=True, text=True,
                          env={**base, **env}, timeout=60, check=False)


def test_the_command_line_follows_lang_and_the_option() -> None:
    german = _cli("--help", LANG="de_DE.UTF-8")
    assert "Sprache der Meldungen und Exporte" in german.stdout
    french = _cli("--language", "fr", "--help", LANG="de_DE.UTF-8")
    assert "langue des messages et des exports" in french.stdout


def test_qt_own_buttons_and_our_notice_follow_the_language(qtbot: QtBot) -> None:
    from coheara.gui.i18n import install
    from coheara.gui.main import application
    from coheara.gui.notice import NoticeBanner
    from coheara.gui.qt import QtWidgets

    app = application()
    try:
        assert install(app, None, {"LANG": "de_DE.UTF-8"}) == "de"
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        cancel = box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None and cancel.text().replace("&", "") == "Abbrechen"
        banner = NoticeBanner()
        qtbot.addWidget(banner)
        assert banner.text().startswith("Von einem KI-Modell ausgelesen")
    finally:
        install(app, "en", {})


@pytest.mark.gui
def test_the_main_window_reads_german(qtbot: QtBot, home: Path) -> None:
    """The real window after install() in German: its menus, the sidebar and the first-run page."""
    from gui_helpers import TEST_KEYS, gui_context, new_paths, wait_idle

    from coheara.gui.i18n import install
    from coheara.gui.main import application
    from coheara.gui.qt import Qt, QtWidgets
    from coheara.gui.window import MainWindow

    app = application()
    try:
        assert install(app, None, {"LANGUAGE": "de"}) == "de"
        window = MainWindow(gui_context(new_paths(home), {"OLLAMA_HOST": "http://127.0.0.1:9"}), TEST_KEYS)
        qtbot.addWidget(window)
        window.show()
        window.start()
        wait_idle(qtbot, window.ctx)
        menus = window.menuBar().actions()
        assert [m.text() for m in menus] == ["&Datei", "&Ansicht", "&Hilfe"]
        file_menu = menus[0].menu()
        assert isinstance(file_menu, QtWidgets.QMenu)
        assert [a.text() for a in file_menu.actions() if not a.isSeparator()] == [
            "Dateien &importieren …", "Für den Arztbesuch &exportieren …", "Jetzt &sperren", "&Beenden"]
        assert [window.sidebar.item(row).text() for row in range(window.sidebar.count())] == [
            "Dokumente", "Medikamente", "Laborwerte", "Einstellungen"]
        assert window.lock_button.text() == "Jetzt sperren"
        assert window.indicator.text().startswith("KI-Engine: ")
        welcome = window.onboarding.welcome
        assert window.pages.currentWidget() is window.onboarding and welcome.isVisible()
        assert welcome.next.text() == "Weiter"
        words = " ".join(label.text() for label in welcome.findChildren(QtWidgets.QLabel))
        assert "Willkommen bei Coheara" in words and "Was Coheara nicht tut" in words
        assert "What Coheara" not in words
        welcome.next.click()
        terms = window.onboarding.terms
        assert terms.accept_text.text().startswith("Ich habe verstanden")
        qtbot.mouseClick(terms.accept_text, Qt.MouseButton.LeftButton)  # the long sentence wraps, and ticks
        assert terms.understand.isChecked() and terms.next.isEnabled()
        window.shutdown()
        wait_idle(qtbot, window.ctx)
    finally:
        install(app, "en", {})


# -- nothing a patient reads is left unmarked ---------------------------------------------------

# Files under coheara/gui that show no words of their own.
NO_WORDS = {"gui/__init__.py", "gui/qt.py", "gui/i18n.py", "gui/style.py", "gui/context.py", "gui/actions.py",
            "gui/single_instance.py", "gui/system_libs.py", "gui/display.py", "gui/views/__init__.py",
            "gui/models/__init__.py", "gui/views/column_fit.py", "gui/views/reload_when_shown.py"}


def test_every_file_of_the_app_belongs_to_one_catalogue() -> None:
    files = {str(p.relative_to(PACKAGE)) for p in (PACKAGE / "gui").rglob("*.py") if "__pycache__" not in p.parts}
    areas = [name for names in translations.GUI_AREAS.values() for name in names]
    assert len(areas) == len(set(areas)), "a file is in two areas"
    assert files - NO_WORDS - set(areas) == set(), "files with no catalogue"


def test_a_refused_file_and_a_wrong_passphrase_read_in_german_and_french(tmp_path: Path, home: Path) -> None:
    from coheara.config import AppPaths
    from coheara.errors import WrongPassphraseError
    from coheara.security.keys import KeyStore
    from coheara.services.importing import import_files
    from coheara.services.vault import Credentials, create_vault, unlock_vault

    paths = AppPaths(home)
    vault, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14),
                                    "correct horse battery staple")
    text = tmp_path / "notes.txt"
    text.write_text("not a photo, not a PDF", encoding="utf-8")
    expected = {
        "de": ("Dieser Dateityp wird nicht unterstützt", "Die Passphrase ist nicht richtig."),
        "fr": ("Ce type de fichier n'est pas pris en charge", "La phrase secrète n'est pas correcte."),
        "en": ("This file type is not supported", "The passphrase is not correct."),
    }
    for language, (refused, wrong) in expected.items():
        i18n.set_language(language)
        outcome, = import_files(vault, [text])
        assert outcome.status == "refused" and outcome.reason is not None
        assert outcome.reason.startswith(refused)
        with pytest.raises(WrongPassphraseError) as caught:
            unlock_vault(paths, KeyStore(paths.keyfile, keyring_backend=None),
                         Credentials(passphrase="wrong horse", use_keyring=False))
        assert caught.value.message == wrong


# -- the command line and the exports -------------------------------------------------------------

SUMMARY_WORDS = {
    "de": ("# Zusammenfassung der Gesundheitsdaten", "## Aktuelle Medikamente", "## Quelldokumente",
           "14.03.2025", "| geprüft |"),
    "fr": ("# Résumé du dossier de santé", "## Médicaments actuels", "## Documents sources",
           "14/03/2025", "| vérifiée |"),
}


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_summary_reads_in_the_language(language: str) -> None:
    """Headings, column names, badge words, dates and the decimal sign of the numbers we write follow
    the language; what the page printed stays as printed ("Hämoglobin 13,2 g/dl")."""
    from export_support import sample_data

    from coheara.export.markdown import render_markdown

    i18n.set_language(language)
    markdown = render_markdown(sample_data())
    for words in SUMMARY_WORDS[language]:
        assert words in markdown
    assert "| 13,2 g/dL | 12,0–16,0 |" in markdown  # our numbers: a decimal comma
    assert "| < 5,7 |" in markdown and "Hämoglobin 11,4 g/dl" in markdown
    assert "2025-03-14" not in markdown and "13.2" not in markdown
    for english in ("Current medications", "Source documents", "| Verification |", "| verified |", "None extracted"):
        assert english not in markdown


@pytest.mark.parametrize(("language", "title", "day", "page"), [
    ("de", "Zusammenfassung der Gesundheitsdaten", "14.03.2025", "Seite 1 von"),
    ("fr", "Résumé du dossier de santé", "14/03/2025", "page 1 sur"),
])
def test_the_pdf_summary_reads_in_the_language(language: str, title: str, day: str, page: str) -> None:
    import pymupdf
    from export_support import sample_data

    from coheara.export.pdf import render_pdf
    from coheara.notice import short_notice

    i18n.set_language(language)
    with pymupdf.open("pdf", render_pdf(sample_data())) as doc:
        # Ligatures expanded ("ﬁ" → "fi"), as a doctor copying the text reads it.
        pages = [" ".join(p.get_text(flags=pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES).split())
                 for p in doc]
        assert doc.metadata is not None and doc.metadata["title"].startswith(title)
    first = pages[0]
    assert first.count(" ".join(short_notice().split())) == 2  # the header band and the notice box
    assert title in first and page in first and day in first
    # Our numbers ("dL" may wrap in a narrow column), in the table of the test named in the language (its
    # place among the tables follows that name's alphabetical order).
    assert "12,0–16,0" in " ".join(pages) and "13,2 g/" in " ".join(pages)
    assert "Health record summary" not in first


def test_fhir_and_csv_keep_their_codes_in_every_language() -> None:
    """FHIR's codes, systems and structure and the CSV's columns are the same in German; only the
    texts written for people change (the CSV's first line, the Composition's titles)."""
    import json

    from export_support import sample_data

    from coheara.export.csv_export import render_csv
    from coheara.export.fhir import build_bundle

    def machine(node: object, path: str = "") -> list[tuple[str, object]]:
        if isinstance(node, dict):
            return [pair for key, value in sorted(node.items()) for pair in machine(value, f"{path}/{key}")
                    if key not in ("text", "title", "display", "description", "div")] + \
                   [(f"{path}/{key}", value) for key, value in node.items()
                    if key in ("system", "code", "status", "resourceType", "reference", "value")
                    and not isinstance(value, dict | list)]
        if isinstance(node, list):
            return [pair for index, value in enumerate(node) for pair in machine(value, f"{path}/{index}")]
        return []

    english_bundle, english_csv = build_bundle(sample_data()), render_csv(sample_data()).decode("utf-8-sig")
    i18n.set_language("de")
    german_bundle, german_csv = build_bundle(sample_data()), render_csv(sample_data()).decode("utf-8-sig")
    assert machine(german_bundle) == machine(english_bundle)
    composition = german_bundle["entry"][0]["resource"]
    assert composition["title"] == "Zusammenfassung der Gesundheitsdaten, von Coheara ausgelesen"
    assert json.dumps(german_bundle) != json.dumps(english_bundle)
    assert german_csv.splitlines()[1:] == english_csv.splitlines()[1:]  # header and values: a machine format
    assert german_csv.startswith('"# Von einem KI-Modell ausgelesen') and "HAI-DEF-Nutzungsbedingungen" in german_csv


def test_the_terms_are_accepted_in_the_patients_words() -> None:
    from coheara.cli import accepts

    i18n.set_language("de")
    assert accepts("Ich stimme zu") and accepts("  ich stimme zu. ") and accepts("I accept")
    assert not accepts("ja") and not accepts("")
    i18n.set_language("fr")
    assert accepts("J'accepte") and accepts("j’accepte") and accepts("«\u00a0J'accepte\u00a0»")
    assert accepts("I accept")
    i18n.set_language("en")
    assert accepts("I accept") and not accepts("Ich stimme zu")


def test_the_command_line_speaks_german(tmp_path: Path) -> None:
    """A listing, a refusal and the notice in German; documents --json keeps its keys and codes."""
    import json
    import re

    from cli_support import CliEnv, sentinel_pdf

    cli = CliEnv(tmp_path)
    imported = cli.run("import", "--no-extract", str(sentinel_pdf(tmp_path / "report.pdf")), LANGUAGE="de")
    assert imported.returncode == 0, imported.stderr
    assert "Ein neuer verschlüsselter Tresor wurde angelegt." in imported.stderr
    assert re.search(r"^importiert #1  report\.pdf \(2 Seiten\)$", imported.stdout, re.M), imported.stdout
    listed = cli.run("documents", LANGUAGE="de")
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"^#1    \d\d\.\d\d\.\d{4} +wartet +2 S\.  report\.pdf$", listed.stdout, re.M), listed.stdout
    assert listed.stderr.strip().startswith("Hinweis: Von einem KI-Modell ausgelesen")
    refused = cli.run("extract", LANGUAGE="de")
    assert refused.returncode == 2
    assert refused.stderr.strip() == "coheara: Geben Sie Dokumentnummern oder --queued an (nicht beides)."
    french = cli.run("extract", LANGUAGE="fr")
    assert "Indiquez des numéros de documents ou --queued" in french.stderr
    machine = json.loads(cli.run("documents", "--json", LANGUAGE="de").stdout)
    assert machine[0]["status"] == "queued" and machine[0]["filename"] == "report.pdf"
