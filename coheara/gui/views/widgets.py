"""Small widgets the screens share: headings, plain paragraphs, the one-sentence error line, the
passphrase fields with their strength meter, and the recovery-key panel (shown once)."""

from __future__ import annotations

from coheara.gui.dialogs import copy_secret
from coheara.gui.ops import describe_failure
from coheara.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from coheara.gui.style import mark_primary
from coheara.security.strength import passphrase_strength, too_weak

def heading(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def button_row(*buttons: QtWidgets.QPushButton) -> QtWidgets.QHBoxLayout:
    """Buttons at the right end of a row, in order."""
    row = QtWidgets.QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def push_button(text: str, parent: QtWidgets.QWidget, *, primary: bool = False) -> QtWidgets.QPushButton:
    """A push button whose accessible name is its text; ``primary`` answers Enter."""
    button = QtWidgets.QPushButton(text, parent)
    button.setAccessibleName(text)
    button.setAutoDefault(primary)
    if primary:
        mark_primary(button)
    return button


class ErrorLine(QtWidgets.QFrame):
    """One sentence saying what went wrong, with a warning icon, and the hint on a second line."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLine")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Problem"))
        icon = QtWidgets.QLabel(self)
        size = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.label = QtWidgets.QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.message = ""
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_error(self, exc: BaseException) -> None:
        message, hint = describe_failure(exc)
        self.show_text(message, hint)

    def show_text(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.label.setText(f"{message}\n{hint}" if hint else message)
        self.setAccessibleDescription(self.label.text())
        self.setVisible(bool(message))

    def clear_error(self) -> None:
        self.message = ""
        self.label.clear()
        self.hide()


class PassphraseFields(QtWidgets.QWidget):
    """A passphrase (``new``: a new one), its confirmation and a strength meter with one hint."""

    changed = Signal()

    def __init__(self, new: bool = False, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QtWidgets.QLineEdit(self)
        self.second = QtWidgets.QLineEdit(self)
        if new:
            name, repeat, row = self.tr("New passphrase"), self.tr("Repeat the new passphrase"), self.tr("New passphrase:")
        else:
            name, repeat, row = self.tr("Passphrase"), self.tr("Repeat the passphrase"), self.tr("Passphrase:")
        for edit, accessible in ((self.first, name), (self.second, repeat)):
            edit.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
            edit.setAccessibleName(accessible)
            edit.textChanged.connect(self._update)
        self.meter = QtWidgets.QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QtWidgets.QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Passphrase advice"))
        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(row, self.first)
        form.addRow(self.tr("Repeat it:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow("", self.hint)
        self._update()

    def _update(self) -> None:
        score, hint = passphrase_strength(self.first.text())
        self.meter.setValue(score)
        if self.first.text() and (weak := too_weak(self.first.text())):
            hint = weak
        elif self.second.text() and self.second.text() != self.first.text():
            hint = self.tr("The two passphrases are not the same yet.")
        self.hint.setText(hint)
        self.changed.emit()

    def text(self) -> str:
        return self.first.text()

    def is_empty(self) -> bool:
        return not self.first.text() and not self.second.text()

    def is_valid(self) -> bool:
        """Typed twice the same, and strong enough (the command line applies the same rule)."""
        first = self.first.text()
        return bool(first) and first == self.second.text() and too_weak(first) is None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


class RecoveryKeyPanel(QtWidgets.QWidget):
    """The recovery key in large letters, Copy, and the "I have saved it" box."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = QtWidgets.QLabel(self)
        self.key.setObjectName("recoveryKey")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setWordWrap(True)
        font = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setStyleSheet("#recoveryKey { border: 1px solid palette(mid); border-radius: 4px;"
                               " padding: 12px; background: palette(base); }")
        self.copy = QtWidgets.QPushButton(self.tr("Copy"), self)
        self.copy.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy.setToolTip(self.tr("Copies the key, marked as secret so clipboard managers do not keep it"))
        self.copy.clicked.connect(self._copy)
        self.saved = QtWidgets.QCheckBox(self.tr("I have saved my recovery key somewhere safe"), self)
        self.saved.setAccessibleName(self.tr("I have saved my recovery key"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(paragraph(self.tr(
            "Write this key on paper, or save it in a password manager, and keep it somewhere safe. If you "
            "forget your passphrase or your keyring loses its key, it is the only way into your vault. "
            "Coheara shows it only this once."), self))
        layout.addWidget(self.key)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved)

    def _copy(self) -> None:
        copy_secret(self.key.text())
        self.copy.setText(self.tr("Copied"))  # feedback where the patient looks; back to "Copy" after a moment
        QtCore.QTimer.singleShot(2000, self.copy, lambda: self.copy.setText(self.tr("Copy")))

    def show_key(self, key: str) -> None:
        self.key.setText(key)
        self.saved.setChecked(False)

    def forget(self) -> None:
        """The key is shown once: drop it from the widget as soon as the patient moves on."""
        self.key.clear()
        self.saved.setChecked(False)
