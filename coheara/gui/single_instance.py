"""One Coheara per vault: a second start brings the running window to the front instead.

Two processes must never open the same vault (two writers, two sets of keys in memory). The first
instance listens on a local socket whose name is derived from COHEARA_HOME; a second instance
connects, sends one fixed word (no health data, no path) and exits. On Unix the socket file lives in
``AppPaths.runtime`` (inside COHEARA_HOME) when the path is short enough for a socket address;
otherwise, and on Windows (named pipes), a per-user name from a hash of the folder is used.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys

from coheara.config import AppPaths
from coheara.gui.qt import QtCore, QtNetwork, Signal

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
_CONNECT_TIMEOUT_MS = 500
_SOCKET_PATH_MAX = 100  # sun_path is 104-108 bytes depending on the system


def server_name(paths: AppPaths) -> str:
    """The socket name for this COHEARA_HOME and this user."""
    if sys.platform != "win32":
        candidate = str(paths.runtime / "instance.sock")
        if len(candidate.encode()) < _SOCKET_PATH_MAX:
            return candidate
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{paths.home}".encode()).hexdigest()[:24]
    return f"coheara-{digest}"


def activate_running(paths: AppPaths) -> bool:
    """Ask a running instance to show itself; True when one answered (this process should exit)."""
    socket = QtNetwork.QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(_CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    if socket.bytesToWrite() > 0:
        socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS)
    delivered = socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return delivered


def _answers(name: str) -> bool:
    probe = QtNetwork.QLocalSocket()
    probe.connectToServer(name)
    if not probe.waitForConnected(_CONNECT_TIMEOUT_MS):
        return False
    probe.disconnectFromServer()
    return True


class InstanceServer(QtCore.QObject):
    """Listens for later starts; emits ``activation_requested`` when one asks."""

    activation_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(paths)
        paths.runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._server = QtNetwork.QLocalServer(self)
        self._server.setSocketOptions(QtNetwork.QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> str:
        """Start listening: ``"listening"``, ``"other"`` (another instance answers) or ``"failed"``.

        Ask first: with ``UserAccessOption`` Qt creates the socket beside the name and renames it over
        it, so listening would silently steal the name from a running instance. A socket file left
        by a crashed instance (nobody answers on it) is removed and taken over.
        """
        if _answers(self._name):
            return "other"
        if self._server.listen(self._name):
            return "listening"
        QtNetwork.QLocalServer.removeServer(self._name)
        if self._server.listen(self._name):
            return "listening"
        log.warning("single-instance socket could not listen (%s)", self._server.errorString())
        return "failed"

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the word may already be there

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QtNetwork.QLocalSocket):
            self._read(socket)

    def _read(self, socket: QtNetwork.QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if ACTIVATE.strip() in data:
            self.activation_requested.emit()
