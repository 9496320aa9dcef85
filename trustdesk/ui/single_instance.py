"""A second TrustDesk on the same computer, for the same user, asking the first one to bring
its window forward.

Every desktop listens on a local socket (a named pipe on Windows) named after the user and
its process id. A TrustDesk that finds a workspace locked by a process of this user on this
computer (the lock's holder file names the process) connects to that name and sends
``show``: the first one raises its window. Only the same user can connect
(``UserAccessOption``); nothing but that one word is ever read."""

from __future__ import annotations

import getpass
import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SHOW = b"show\n"
CONNECT_MS = 500


def _user_tag() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name to be had: the process id alone still tells them apart
        user = ""
    return hashlib.sha1(user.encode()).hexdigest()[:8]


def server_name(pid: int) -> str:
    """The name the TrustDesk in process ``pid`` of this user listens on."""
    return f"TrustDesk-{_user_tag()}-{pid}"


def bring_forward(window: QWidget) -> None:
    """Show a window on top, restored if it was minimised, and give it the keyboard."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class WindowServer(QObject):
    """Listens for ``show`` and brings its window forward; ``show_requested`` says so."""

    show_requested = Signal()

    def __init__(self, window: QWidget, pid: int | None = None) -> None:
        super().__init__()
        self.window = window
        self.name = server_name(os.getpid() if pid is None else pid)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # one left by a process that had this id and died
        if not self.server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
        self.server.newConnection.connect(self._connected)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            bring_forward(self.window)
            self.show_requested.emit()
        socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


_server: WindowServer | None = None


def listen(window: QWidget) -> WindowServer:
    """Start answering ``show`` for this process, for ``window`` (the one server of the
    process follows the newest window)."""
    global _server
    if _server is not None and _server.listening:
        _server.window = window
        return _server
    _server = WindowServer(window)
    return _server


def can_reach(pid: int) -> bool:
    """Whether the TrustDesk in process ``pid`` answers (another program, or a TrustDesk
    command run from a terminal, that holds a workspace does not)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(pid))
    reached = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return reached


def ask_to_show(pid: int) -> bool:
    """Ask the TrustDesk in process ``pid`` to bring its window forward; True if it was asked."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(pid))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(SHOW)
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return sent
