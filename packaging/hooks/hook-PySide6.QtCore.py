"""PyInstaller's hook for PySide6.QtCore without Qt's translations of its own dialogs (several
megabytes): TrustDesk is in English and loads none of them."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [(source, dest_dir) for source, dest_dir in datas if "translations" not in dest_dir]
