"""PyInstaller's hook for PySide6.QtNetwork, without its plugins (TLS back-ends, network
information): TrustDesk uses QtNetwork only for QLocalServer and QLocalSocket, the local
socket (a named pipe on Windows) by which a second TrustDesk asks the first to bring its
window forward (trustdesk/ui/single_instance.py). It never opens a network connection."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest_dir) for source, dest_dir in binaries if "plugins" not in dest_dir]
