"""No word a patient reads is left out of the catalogues: a text handed to Qt or to an error without
being marked for translation fails here, with its file and line.

Read from the source (ast), so a new view or message is checked the day it is written:

- in the app (coheara/gui), a string literal or f-string given to a widget's text (``QLabel("…")``,
  ``setText``, ``setToolTip``, ``addAction``, ``QMessageBox`` texts, our ``heading``/``paragraph``/
  ``push_button`` helpers …) must come through ``self.tr`` / ``QCoreApplication.translate``, or from
  a Qt-free layer's ``_()``;
- everywhere Qt-free, the message and hint of a ``KnownError`` (and its kinds) must be ``_()``,
  ``ngettext()``, a constant marked with ``N_()``, or a template worded at display.

A text that is not words (a symbol, a file pattern, a name like "Coheara") is listed in ``NOT_WORDS``
with nothing else to say for it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "coheara"

# Qt calls whose string arguments a patient reads (positional text arguments).
QT_TEXT_CALLS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QAction", "QMenu",
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setInformativeText", "setDetailedText",
    "addAction", "addMenu", "addTab", "setTabText", "setTabToolTip", "setHeaderLabels", "showMessage",
    "setFormat", "setPrefix", "setSuffix", "setSpecialValueText", "addItem", "addItems", "addRow",
    "heading", "paragraph", "push_button", "confirm", "information", "warning", "critical", "question",
    "setLabelText", "setCancelButtonText", "getSaveFileName", "getOpenFileNames", "getOpenFileName",
}
MARKERS = {"tr", "translate", "_", "ngettext", "pgettext", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "N_"}
LOGGERS = {"log", "logger", "logging"}  # log lines are for developers: English, and never health data
# Literals that are not words to translate: symbols, names, patterns, separators, a key's format.
NOT_WORDS = re.compile(r"^[\W\d_]*$|^(Coheara|MedGemma|Ollama|PDF|CSV|FHIR|Markdown|JSON|OK)$|^[X-]+…?$")
# A developer's tool, not a patient's screen: its messages and sample input stay English.
DEVELOPER_TOOLS = {"gui/snapshots.py"}


def patient_errors() -> set[str]:
    """KnownError and every class derived from it anywhere in coheara (their messages reach patients).
    ValueError, RuntimeError … mark bugs: a patient sees the generic bug sentence, never their text."""
    bases: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                                    for b in node.bases}
    found = {"KnownError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _words(node: ast.AST) -> str | None:
    """The text of a literal worth translating, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)).strip()
    else:
        return None
    if not re.search(r"[A-Za-z]{2}", text) or NOT_WORDS.match(text):
        return None
    return text


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _files(gui: bool) -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts
                  and (p.relative_to(PACKAGE).parts[0] == "gui") == gui
                  and str(p.relative_to(PACKAGE)) not in DEVELOPER_TOOLS)


def _unmarked(path: Path, calls: set[str] | None, errors: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = _name(call)
        if name in MARKERS or (isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name)
                               and call.func.value.id in LOGGERS):
            continue
        if calls is not None and name in calls:
            arguments = [*call.args, *(k.value for k in call.keywords if k.arg in ("text", "title", "hint", "message"))]
        elif name in errors:
            arguments = [*call.args[:1], *(k.value for k in call.keywords if k.arg in ("hint", "message"))]
        else:
            continue
        for argument in arguments:
            candidates = argument.elts if isinstance(argument, (ast.List, ast.Tuple)) else [argument]
            for candidate in candidates:
                text = _words(candidate)
                if text is not None:
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                    found.append(f"{where}:{candidate.lineno}: {name}({text[:70]!r})")
    return found


def test_every_text_of_the_app_is_marked_for_translation() -> None:
    errors = patient_errors()
    found = [line for path in _files(gui=True) for line in _unmarked(path, QT_TEXT_CALLS, errors)]
    assert found == [], "\n".join(found)


def test_every_error_a_patient_reads_is_marked_for_translation() -> None:
    errors = patient_errors()
    found = [line for path in _files(gui=False) for line in _unmarked(path, None, errors)]
    assert found == [], "\n".join(found)


def test_the_check_finds_an_unmarked_text(tmp_path: Path) -> None:
    """The scanner itself: an unmarked label and an unmarked error are found, marked ones are not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QtWidgets.QLabel('Your documents', self)\n"
        "fine = QtWidgets.QLabel(self.tr('Your documents'), self)\n"
        "raise KnownError('The file is damaged.')\n"
        "raise KnownError(_('The file is damaged.'))\n"
        "symbol = QtWidgets.QLabel('→', self)\n", encoding="utf-8")
    found = _unmarked(sample, QT_TEXT_CALLS, {"KnownError"})
    assert [line.split(": ", 1)[1] for line in found] == ["QLabel('Your documents')",
                                                          "KnownError('The file is damaged.')"]
