"""Creating the workspace for my group, in three steps: the trust's configuration (the one
the admin installed on this computer, or a file the district sent), the unit (a list
grouped by district, searchable, each unit's level in words) and the folder to keep it in
(the per-user data folder unless the user chooses another). Create makes it through
:func:`trustdesk.store.migrate.create_workspace`; the window then shows it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from trustdesk.config.machine import find_machine_config
from trustdesk.config.trust import TrustConfig, Unit, example_trust_path, load_trust_config
from trustdesk.errors import UserError
from trustdesk.ops.trust_update import check_targets
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import DB_NAME, Workspace, default_workspace_dir
from trustdesk.ui import messages
from trustdesk.ui.clear_button import clear_button

LEVEL_WORDS = {
    "county": "County Children's Trust board",
    "district": "District board",
    "locality": "Locality group",
}
CODE_ROLE = Qt.ItemDataRole.UserRole
BAD_FILE_TITLE = "This file cannot be used"


@dataclass(frozen=True)
class ConfigChoice:
    """A trust configuration that can be chosen: where it is, and how it is described."""

    path: Path
    config: TrustConfig
    label: str


def describe(config: TrustConfig) -> str:
    """The trust's name, and its configuration's version if the file gives one."""
    version = getattr(config.file, "version", None)
    return f"{config.trust_name} (version {version})" if version else config.trust_name


class ConfigStep(QWizardPage):
    """Step 1: whose configuration — the one installed on this computer (else the example
    trust, said to be an example), or a file from the district."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Your trust's configuration")
        self.setSubTitle(
            "The configuration lists your trust's districts and locality groups, and the "
            "lists every record uses. Your administrator or district office provides it."
        )
        self.group = QButtonGroup(self)
        self.installed: ConfigChoice | None = None
        self.from_file: ConfigChoice | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        problem = None
        machine = find_machine_config()
        if machine is not None:
            try:
                config = load_trust_config(machine)
                self.installed = ConfigChoice(
                    machine,
                    config,
                    f"The configuration installed on this computer: {describe(config)}",
                )
            except UserError as exc:
                problem = (
                    "The configuration installed on this computer cannot be used, so ask "
                    f"whoever installed TrustDesk to look at it:\n{exc}"
                )
        if self.installed is None:
            config = load_trust_config(example_trust_path())
            self.installed = ConfigChoice(
                example_trust_path(),
                config,
                f"An example: {describe(config)}, to try TrustDesk with",
            )
            self.is_example = True
        else:
            self.is_example = False

        self.installed_radio = QRadioButton(self.installed.label.replace("&", "&&"), self)
        self.installed_radio.setAccessibleName("Installed configuration")
        self.file_radio = QRadioButton("A &file from your district or county\u2026", self)
        self.file_radio.setAccessibleName("A configuration file")
        self.group.addButton(self.installed_radio)
        self.group.addButton(self.file_radio)
        self.installed_radio.setChecked(True)
        self.choose_button = QPushButton("&Choose file\u2026", self)
        self.choose_button.setAccessibleName("Choose a configuration file")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel("No file chosen yet.", self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setAccessibleDescription("Configuration file chosen")
        self.problem = QLabel(problem or "", self)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setVisible(bool(problem))

        layout.addWidget(self.problem)
        layout.addWidget(self.installed_radio)
        layout.addWidget(
            _note(
                "Start TrustDesk with this one unless your district has sent you a file."
                if not self.is_example
                else "No configuration has been installed on this computer. The example "
                "trust is there to try TrustDesk; for your own group's records, use the file "
                "your district or county sent, or ask whoever installed TrustDesk.",
                self,
            )
        )
        layout.addSpacing(6)
        layout.addWidget(self.file_radio)
        layout.addWidget(
            _note(
                "A file ending in .toml that your district or county office sent you, by "
                "e-mail or on a USB stick. TrustDesk checks it before using it.",
                self,
            )
        )
        file_row = QHBoxLayout()
        file_row.setContentsMargins(24, 0, 0, 0)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        layout.addLayout(file_row)
        layout.addStretch(1)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "The trust's configuration", str(Path.home()), "Trust configuration (*.toml)"
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> bool:
        """Load a configuration file; a broken one is said plainly, and not chosen."""
        try:
            config = load_trust_config(path)
            check_targets(config)
        except UserError as exc:
            messages.show_error(self, BAD_FILE_TITLE, str(exc))
            return False
        self.from_file = ConfigChoice(path, config, describe(config))
        self.file_label.setText(f"{describe(config)}\n{path}")
        self.file_radio.setChecked(True)
        self.completeChanged.emit()
        return True

    def choice(self) -> ConfigChoice | None:
        return self.from_file if self.file_radio.isChecked() else self.installed

    def isComplete(self) -> bool:
        return self.choice() is not None


class UnitStep(QWizardPage):
    """Step 2: which unit — every county, district and locality group of the trust, grouped,
    found by typing part of a name; nothing chosen until the user chooses."""

    def __init__(self, config_step: ConfigStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_step = config_step
        self.setTitle("Which group is this workspace for?")
        self.setSubTitle(
            "Choose your locality group, or your district or county board if you work for one. "
            "Type part of a name to find it."
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find by name, e.g. Burntwood")
        clear_button(self.search, "Clear the search")
        self.search.setAccessibleName("Find a unit by name")
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Name", "Level", "Code"])
        self.tree.setAccessibleName("Units of the trust")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._chosen)
        self.chosen_label = QLabel(self)
        self.chosen_label.setAccessibleDescription("Unit chosen")
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.found_nothing = QLabel("No unit has that in its name.", self)
        self.found_nothing.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.found_nothing)
        layout.addWidget(self.chosen_label)
        self._shown_for: Path | None = None

    def initializePage(self) -> None:
        choice = self.config_step.choice()
        if choice is None or choice.path == self._shown_for:
            return
        self._shown_for = choice.path
        self.fill(choice.config)

    def fill(self, config: TrustConfig) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for unit in config.units.values():  # parents come before their children
            parent = items.get(unit.parent_code or "")
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, unit.name)
            item.setText(1, LEVEL_WORDS.get(unit.level, unit.level))
            item.setText(2, unit.code)
            item.setData(0, CODE_ROLE, unit.code)
            items[unit.code] = item
        self.config = config
        self.tree.expandAll()
        self.tree.clearSelection()
        self.tree.setCurrentItem(None)
        self._chosen()

    def filter(self, text: str) -> None:
        """Show the units whose name (or code) holds ``text``, with the board above each."""
        wanted = text.strip().casefold()
        shown = 0
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            item = iterator.value()
            match = (
                not wanted
                or wanted in item.text(0).casefold()
                or wanted in (item.text(2).casefold())
            )
            item.setHidden(not match)
            shown += match
            iterator += 1
        if wanted:  # the district and county above a match stay, to say where it is
            iterator = QTreeWidgetItemIterator(self.tree)
            while iterator.value() is not None:
                item = iterator.value()
                if not item.isHidden():
                    parent = item.parent()
                    while parent is not None:
                        parent.setHidden(False)
                        parent = parent.parent()
                iterator += 1
        self.found_nothing.setVisible(shown == 0)
        self.tree.expandAll()
        current = self.tree.currentItem()
        if current is not None and current.isHidden():
            self.tree.clearSelection()

    def visible_names(self) -> list[str]:
        """The names the list shows now, top to bottom (for tests and the screen reader)."""
        names = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            if not iterator.value().isHidden():
                names.append(iterator.value().text(0))
            iterator += 1
        return names

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            if iterator.value().data(0, CODE_ROLE) == code:
                return iterator.value()
            iterator += 1
        return None

    def unit(self) -> Unit | None:
        chosen = [i for i in self.tree.selectedItems() if not i.isHidden()]
        return self.config.unit(chosen[0].data(0, CODE_ROLE)) if chosen else None

    def _chosen(self) -> None:
        unit = self.unit()
        self.chosen_label.setText(
            f"Chosen: {unit.name} \u2014 {LEVEL_WORDS[unit.level].lower()}"
            if unit
            else "Nothing chosen yet."
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.unit() is not None


class FolderStep(QWizardPage):
    """Step 3: where to keep it — this user's own TrustDesk folder on this computer unless
    the user chooses another (a subfolder named after the unit if that holds one already)."""

    def __init__(self, unit_step: UnitStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_step = unit_step
        self.setTitle("Where to keep the workspace")
        self.setSubTitle(
            "TrustDesk suggests your own TrustDesk folder on this computer. Keep the workspace "
            "on this computer rather than on a network drive or in a folder that OneDrive or "
            "Dropbox keep in sync: TrustDesk makes backups of it by itself."
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleDescription("What will be created")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setAccessibleName("Workspace folder")
        self.folder_edit.textEdited.connect(lambda _: self._typed())
        self.change_button = QPushButton("C&hange\u2026", self)
        self.change_button.setAccessibleName("Choose another folder")
        self.change_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.change_button)
        label = QLabel("&Folder:", self)
        label.setBuddy(self.folder_edit)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(
            _note(
                "The window shows the new workspace as soon as it is made, ready for your "
                "first records. TrustDesk makes a checked backup of it each day it is open, "
                "and you can also back it up to a USB stick from the File menu.",
                self,
            )
        )
        layout.addStretch(1)
        self._chosen_by_user = False

    def initializePage(self) -> None:
        unit = self.unit_step.unit()
        assert unit is not None
        if not self._chosen_by_user:
            self.folder_edit.setText(str(suggested_folder(unit)))
        choice = self.unit_step.config_step.choice()
        trust = choice.config.trust_name if choice else ""
        self.summary.setText(
            f"TrustDesk will create the workspace for {unit.name} "
            f"({LEVEL_WORDS[unit.level].lower()}, {trust}) in this folder:"
        )

    def _typed(self) -> None:
        self._chosen_by_user = True
        self.completeChanged.emit()

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or str(default_workspace_dir())
        chosen = QFileDialog.getExistingDirectory(self, "Keep the workspace in", start)
        if chosen:
            self.folder_edit.setText(chosen)
            self._typed()

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def isComplete(self) -> bool:
        return self.folder() is not None


def _note(text: str, parent: QWidget) -> QLabel:
    """A sentence under a choice, indented under it and in a quieter colour."""
    note = QLabel(text, parent)
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setContentsMargins(24, 0, 0, 0)
    note.setStyleSheet("color: #52606d;")
    return note


def suggested_folder(unit: Unit) -> Path:
    """The per-user data folder; a subfolder named after the unit if that holds a workspace
    already (numbered, if that one does too)."""
    base = default_workspace_dir()
    if not (base / DB_NAME).exists():
        return base
    name = "".join(c for c in unit.name if c.isalnum() or c in " -_'.,()").strip() or unit.code
    candidate, n = base / name, 2
    while (candidate / DB_NAME).exists():
        candidate, n = base / f"{name} {n}", n + 1
    return candidate


class NewWorkspaceWizard(QWizard):
    """The three steps; ``workspace`` holds the workspace once it has been created (open,
    locked, for the window to show)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Create the workspace for my group")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create workspace")
        self.setMinimumSize(600, 420)
        self.resize(720, 480)  # room for a district's localities without scrolling
        self.workspace: Workspace | None = None
        self.config_step = ConfigStep(self)
        self.unit_step = UnitStep(self.config_step, self)
        self.folder_step = FolderStep(self.unit_step, self)
        for step in (self.config_step, self.unit_step, self.folder_step):
            self.addPage(step)

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.folder_step:
            return super().validateCurrentPage()
        return self.create()

    def create(self) -> bool:
        """Create the workspace; a problem (a folder that cannot be written to, one that
        holds a workspace already) is said plainly, and the user can choose again."""
        choice = self.config_step.choice()
        unit = self.unit_step.unit()
        folder = self.folder_step.folder()
        if choice is None or unit is None or folder is None:
            return False
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            self.workspace = create_workspace(folder, unit.code, config_path=choice.path)
        except UserError as exc:
            messages.show_error(self, "The workspace was not created", str(exc))
            return False
        finally:
            self.unsetCursor()
        return True
