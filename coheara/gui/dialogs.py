"""Small dialogs and helpers shared by the views: confirmations, secret input, the secret clipboard.

Every dialog here is opened with ``open()`` (window-modal, no nested event loop) and answers through
a callback, so the GUI thread keeps painting and tests can press the buttons of a real dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from coheara.gui.qt import QtCore, QtGui, QtWidgets

# Clipboard managers (KDE Klipper, others honouring the hint) do not keep entries marked "secret".
SECRET_HINT_FORMAT = "x-kde-passwordManagerHint"
# macOS pasteboard managers skip concealed entries; Windows clipboard history skips this format.
_CONCEALED_FORMATS = ("org.nspasteboard.ConcealedType", "ExcludeClipboardContentFromMonitorProcessing")


def confirm(
    parent: QtWidgets.QWidget,
    title: str,
    text: str,
    informative: str,
    accept_text: str,
    on_accept: Callable[[], None],
    *,
    destructive: bool = False,
) -> QtWidgets.QMessageBox:
    """Ask a yes/no question; ``on_accept`` runs only when the patient chose ``accept_text``.

    The safe answer (Cancel) is the default button, so Enter never deletes anything.
    """
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setWindowTitle(title)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning if destructive else QtWidgets.QMessageBox.Icon.Question)
    box.setText(text)
    box.setInformativeText(informative)
    role = QtWidgets.QMessageBox.ButtonRole.DestructiveRole if destructive else QtWidgets.QMessageBox.ButtonRole.AcceptRole
    accept = box.addButton(accept_text, role)
    accept.setObjectName("confirmAccept")
    cancel = box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("confirmCancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAccessibleName(title)

    def finished() -> None:
        if box.clickedButton() is accept:
            on_accept()
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box


def ask_secret(
    parent: QtWidgets.QWidget, title: str, label: str, on_text: Callable[[str | None], None]
) -> QtWidgets.QInputDialog:
    """Ask for a password (hidden while typed); ``on_text`` gets the text, or None when cancelled."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setObjectName("secretDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
    dialog.setAccessibleName(title)

    def finished(result: int) -> None:
        # One answer per dialog, read from the result: Qt emits ``finished`` before
        # ``textValueSelected``, so waiting for the latter once made an accepted password look cancelled.
        accepted = result == QtWidgets.QDialog.DialogCode.Accepted.value
        on_text(dialog.textValue() if accepted else None)
        dialog.setTextValue("")
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def copy_secret(text: str) -> None:
    """Put a secret (the recovery key) on the clipboard, marked so clipboard managers skip it."""
    mime = QtCore.QMimeData()
    mime.setText(text)
    mime.setData(SECRET_HINT_FORMAT, QtCore.QByteArray(b"secret"))
    for name in _CONCEALED_FORMATS:
        mime.setData(name, QtCore.QByteArray(b""))
    QtGui.QGuiApplication.clipboard().setMimeData(mime)


def clear_secret_clipboard() -> bool:
    """Empty the clipboard if it still holds a secret we put there (on lock and exit)."""
    clipboard = QtGui.QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(SECRET_HINT_FORMAT):
        clipboard.clear()
        return True
    return False


def close_dialogs(root: QtWidgets.QWidget) -> None:
    """Close every open dialog under ``root`` (before locking: none may keep health data on screen)."""
    for dialog in root.findChildren(QtWidgets.QDialog):
        if dialog.isVisible():
            dialog.done(QtWidgets.QDialog.DialogCode.Rejected)  # done(): also closes dialogs that refuse Escape
