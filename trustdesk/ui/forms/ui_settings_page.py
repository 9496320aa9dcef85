# generated from forms/settings_page.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1100, 640)
        self.settingsLayout = QHBoxLayout(SettingsPage)
        self.settingsLayout.setSpacing(16)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsLayout.setContentsMargins(16, 12, 16, 12)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.workspaceBox = QGroupBox(SettingsPage)
        self.workspaceBox.setObjectName(u"workspaceBox")
        self.workspaceForm = QFormLayout(self.workspaceBox)
        self.workspaceForm.setObjectName(u"workspaceForm")
        self.unitValueCaption = QLabel(self.workspaceBox)
        self.unitValueCaption.setObjectName(u"unitValueCaption")
        self.unitValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitValueCaption)

        self.unitValue = QLabel(self.workspaceBox)
        self.unitValue.setObjectName(u"unitValue")
        self.unitValue.setTextFormat(Qt.TextFormat.PlainText)
        self.unitValue.setWordWrap(True)
        self.unitValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitValue)

        self.parentValueCaption = QLabel(self.workspaceBox)
        self.parentValueCaption.setObjectName(u"parentValueCaption")
        self.parentValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentValueCaption)

        self.parentValue = QLabel(self.workspaceBox)
        self.parentValue.setObjectName(u"parentValue")
        self.parentValue.setTextFormat(Qt.TextFormat.PlainText)
        self.parentValue.setWordWrap(True)
        self.parentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.parentValue)

        self.trustValueCaption = QLabel(self.workspaceBox)
        self.trustValueCaption.setObjectName(u"trustValueCaption")
        self.trustValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.trustValueCaption)

        self.trustValue = QLabel(self.workspaceBox)
        self.trustValue.setObjectName(u"trustValue")
        self.trustValue.setTextFormat(Qt.TextFormat.PlainText)
        self.trustValue.setWordWrap(True)
        self.trustValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.trustValue)

        self.folderValueCaption = QLabel(self.workspaceBox)
        self.folderValueCaption.setObjectName(u"folderValueCaption")
        self.folderValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folderValueCaption)

        self.folderValue = QLabel(self.workspaceBox)
        self.folderValue.setObjectName(u"folderValue")
        self.folderValue.setTextFormat(Qt.TextFormat.PlainText)
        self.folderValue.setWordWrap(True)
        self.folderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.folderValue)

        self.spanValueCaption = QLabel(self.workspaceBox)
        self.spanValueCaption.setObjectName(u"spanValueCaption")
        self.spanValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.spanValueCaption)

        self.spanValue = QLabel(self.workspaceBox)
        self.spanValue.setObjectName(u"spanValue")
        self.spanValue.setTextFormat(Qt.TextFormat.PlainText)
        self.spanValue.setWordWrap(True)
        self.spanValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.spanValue)

        self.schemaValueCaption = QLabel(self.workspaceBox)
        self.schemaValueCaption.setObjectName(u"schemaValueCaption")
        self.schemaValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.schemaValueCaption)

        self.schemaValue = QLabel(self.workspaceBox)
        self.schemaValue.setObjectName(u"schemaValue")
        self.schemaValue.setTextFormat(Qt.TextFormat.PlainText)
        self.schemaValue.setWordWrap(True)
        self.schemaValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.schemaValue)

        self.createdValueCaption = QLabel(self.workspaceBox)
        self.createdValueCaption.setObjectName(u"createdValueCaption")
        self.createdValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.workspaceForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.createdValueCaption)

        self.createdValue = QLabel(self.workspaceBox)
        self.createdValue.setObjectName(u"createdValue")
        self.createdValue.setTextFormat(Qt.TextFormat.PlainText)
        self.createdValue.setWordWrap(True)
        self.createdValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workspaceForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.createdValue)

        self.updateConfigRow = QHBoxLayout()
        self.updateConfigRow.setObjectName(u"updateConfigRow")
        self.updateConfigButton = QPushButton(self.workspaceBox)
        self.updateConfigButton.setObjectName(u"updateConfigButton")

        self.updateConfigRow.addWidget(self.updateConfigButton)

        self.updateConfigSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.updateConfigRow.addItem(self.updateConfigSpacer)


        self.workspaceForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.updateConfigRow)


        self.leftColumn.addWidget(self.workspaceBox)

        self.rulesBox = QGroupBox(SettingsPage)
        self.rulesBox.setObjectName(u"rulesBox")
        self.rulesLayout = QVBoxLayout(self.rulesBox)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesForm = QFormLayout()
        self.rulesForm.setObjectName(u"rulesForm")
        self.dueValueCaption = QLabel(self.rulesBox)
        self.dueValueCaption.setObjectName(u"dueValueCaption")
        self.dueValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dueValueCaption)

        self.dueValue = QLabel(self.rulesBox)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setTextFormat(Qt.TextFormat.PlainText)
        self.dueValue.setWordWrap(True)
        self.dueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dueValue)

        self.participantValueCaption = QLabel(self.rulesBox)
        self.participantValueCaption.setObjectName(u"participantValueCaption")
        self.participantValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.participantValueCaption)

        self.participantValue = QLabel(self.rulesBox)
        self.participantValue.setObjectName(u"participantValue")
        self.participantValue.setTextFormat(Qt.TextFormat.PlainText)
        self.participantValue.setWordWrap(True)
        self.participantValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.participantValue)

        self.retentionValueCaption = QLabel(self.rulesBox)
        self.retentionValueCaption.setObjectName(u"retentionValueCaption")
        self.retentionValueCaption.setTextFormat(Qt.TextFormat.PlainText)

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.retentionValueCaption)

        self.retentionValue = QLabel(self.rulesBox)
        self.retentionValue.setObjectName(u"retentionValue")
        self.retentionValue.setTextFormat(Qt.TextFormat.PlainText)
        self.retentionValue.setWordWrap(True)
        self.retentionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.retentionValue)


        self.rulesLayout.addLayout(self.rulesForm)

        self.rulesNote = QLabel(self.rulesBox)
        self.rulesNote.setObjectName(u"rulesNote")
        self.rulesNote.setTextFormat(Qt.TextFormat.PlainText)
        self.rulesNote.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesNote)


        self.leftColumn.addWidget(self.rulesBox)

        self.preferencesBox = QGroupBox(SettingsPage)
        self.preferencesBox.setObjectName(u"preferencesBox")
        self.preferencesForm = QFormLayout(self.preferencesBox)
        self.preferencesForm.setObjectName(u"preferencesForm")
        self.folderCaption = QLabel(self.preferencesBox)
        self.folderCaption.setObjectName(u"folderCaption")

        self.preferencesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderCaption)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(self.preferencesBox)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.chooseButton = QPushButton(self.preferencesBox)
        self.chooseButton.setObjectName(u"chooseButton")

        self.folderRow.addWidget(self.chooseButton)


        self.preferencesForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.reopenCheck = QCheckBox(self.preferencesBox)
        self.reopenCheck.setObjectName(u"reopenCheck")

        self.preferencesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reopenCheck)


        self.leftColumn.addWidget(self.preferencesBox)

        self.backupsBox = QGroupBox(SettingsPage)
        self.backupsBox.setObjectName(u"backupsBox")
        self.backupsForm = QFormLayout(self.backupsBox)
        self.backupsForm.setObjectName(u"backupsForm")
        self.keptCaption = QLabel(self.backupsBox)
        self.keptCaption.setObjectName(u"keptCaption")

        self.backupsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keptCaption)

        self.keptRow = QHBoxLayout()
        self.keptRow.setObjectName(u"keptRow")
        self.keptSpin = QSpinBox(self.backupsBox)
        self.keptSpin.setObjectName(u"keptSpin")
        self.keptSpin.setMinimum(1)
        self.keptSpin.setMaximum(100)

        self.keptRow.addWidget(self.keptSpin)

        self.keptSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keptRow.addItem(self.keptSpacer)


        self.backupsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.keptRow)

        self.newestCaption = QLabel(self.backupsBox)
        self.newestCaption.setObjectName(u"newestCaption")

        self.backupsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newestCaption)

        self.newestValue = QLabel(self.backupsBox)
        self.newestValue.setObjectName(u"newestValue")
        self.newestValue.setWordWrap(True)
        self.newestValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newestValue)

        self.backupsNote = QLabel(self.backupsBox)
        self.backupsNote.setObjectName(u"backupsNote")
        self.backupsNote.setWordWrap(True)

        self.backupsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.backupsNote)


        self.leftColumn.addWidget(self.backupsBox)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.settingsLayout.addLayout(self.leftColumn)

        self.countsBox = QGroupBox(SettingsPage)
        self.countsBox.setObjectName(u"countsBox")
        self.countsLayout = QVBoxLayout(self.countsBox)
        self.countsLayout.setObjectName(u"countsLayout")
        self.countsTable = QTableWidget(self.countsBox)
        if (self.countsTable.columnCount() < 2):
            self.countsTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.countsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.countsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.countsTable.setObjectName(u"countsTable")
        self.countsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.countsTable.setTabKeyNavigation(False)
        self.countsTable.setAlternatingRowColors(True)
        self.countsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.countsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.countsTable.setShowGrid(False)
        self.countsTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.countsTable.verticalHeader().setVisible(False)

        self.countsLayout.addWidget(self.countsTable)


        self.settingsLayout.addWidget(self.countsBox)

        self.settingsLayout.setStretch(0, 3)
        self.settingsLayout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.unitValueCaption.setBuddy(self.unitValue)
        self.parentValueCaption.setBuddy(self.parentValue)
        self.trustValueCaption.setBuddy(self.trustValue)
        self.folderValueCaption.setBuddy(self.folderValue)
        self.spanValueCaption.setBuddy(self.spanValue)
        self.schemaValueCaption.setBuddy(self.schemaValue)
        self.createdValueCaption.setBuddy(self.createdValue)
        self.dueValueCaption.setBuddy(self.dueValue)
        self.participantValueCaption.setBuddy(self.participantValue)
        self.retentionValueCaption.setBuddy(self.retentionValue)
        self.folderCaption.setBuddy(self.folderEdit)
        self.keptCaption.setBuddy(self.keptSpin)
        self.newestCaption.setBuddy(self.newestValue)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.updateConfigButton, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.reopenCheck)
        QWidget.setTabOrder(self.reopenCheck, self.keptSpin)
        QWidget.setTabOrder(self.keptSpin, self.countsTable)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.workspaceBox.setTitle(QCoreApplication.translate("SettingsPage", u"This workspace", None))
        self.unitValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Unit:", None))
        self.unitValue.setText("")
        self.parentValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Part of:", None))
        self.parentValue.setText("")
        self.trustValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Trust configuration:", None))
        self.trustValue.setText("")
        self.folderValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Folder:", None))
#if QT_CONFIG(accessibility)
        self.folderValue.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"Workspace folder", None))
#endif // QT_CONFIG(accessibility)
        self.folderValue.setText("")
        self.spanValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Records from:", None))
        self.spanValue.setText("")
        self.schemaValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Schema:", None))
#if QT_CONFIG(accessibility)
        self.schemaValue.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"Database schema", None))
#endif // QT_CONFIG(accessibility)
        self.schemaValue.setText("")
        self.createdValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Created:", None))
        self.createdValue.setText("")
        self.updateConfigButton.setText(QCoreApplication.translate("SettingsPage", u"&Update the configuration\u2026", None))
#if QT_CONFIG(accessibility)
        self.updateConfigButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Update the trust configuration", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.updateConfigButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Take in a newer trust configuration from your admin: the one installed on this computer, or a file you choose", None))
#endif // QT_CONFIG(tooltip)
        self.rulesBox.setTitle(QCoreApplication.translate("SettingsPage", u"Reporting rules", None))
        self.dueValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Returns due:", None))
        self.dueValue.setText("")
        self.participantValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Participant:", None))
#if QT_CONFIG(accessibility)
        self.participantValue.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"Who counts as a participant", None))
#endif // QT_CONFIG(accessibility)
        self.participantValue.setText("")
        self.retentionValueCaption.setText(QCoreApplication.translate("SettingsPage", u"Keep details for:", None))
#if QT_CONFIG(accessibility)
        self.retentionValue.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"How long young people's details are kept", None))
#endif // QT_CONFIG(accessibility)
        self.retentionValue.setText("")
        self.rulesNote.setText(QCoreApplication.translate("SettingsPage", u"These come from the trust's configuration (trust.toml in the workspace folder). Ask your district officer if one should change.", None))
        self.preferencesBox.setTitle(QCoreApplication.translate("SettingsPage", u"Preferences on this computer", None))
        self.folderCaption.setText(QCoreApplication.translate("SettingsPage", u"Save &returns in:", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Folder returns are saved in", None))
#endif // QT_CONFIG(accessibility)
        self.chooseButton.setText(QCoreApplication.translate("SettingsPage", u"C&hoose\u2026", None))
#if QT_CONFIG(accessibility)
        self.chooseButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Choose the folder returns are saved in", None))
#endif // QT_CONFIG(accessibility)
        self.reopenCheck.setText(QCoreApplication.translate("SettingsPage", u"&Start on the page I used last (otherwise on the Dashboard)", None))
#if QT_CONFIG(accessibility)
        self.reopenCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Start on the page used last", None))
#endif // QT_CONFIG(accessibility)
        self.backupsBox.setTitle(QCoreApplication.translate("SettingsPage", u"Backups", None))
        self.keptCaption.setText(QCoreApplication.translate("SettingsPage", u"&Keep automatic ones:", None))
#if QT_CONFIG(accessibility)
        self.keptSpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Automatic backups kept of each kind", None))
#endif // QT_CONFIG(accessibility)
        self.keptSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" of each kind", None))
        self.newestCaption.setText(QCoreApplication.translate("SettingsPage", u"Newest:", None))
#if QT_CONFIG(accessibility)
        self.newestValue.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"Newest backup", None))
#endif // QT_CONFIG(accessibility)
        self.backupsNote.setText(QCoreApplication.translate("SettingsPage", u"TrustDesk backs up as the workspace opens and daily while it is open, into the backups folder inside the workspace folder; backups made by hand or before an upgrade are always kept. File > Back up to\u2026 makes a copy somewhere else, such as a USB stick, locked with a passphrase TrustDesk never keeps; File > Restore\u2026 puts one back.", None))
        self.countsBox.setTitle(QCoreApplication.translate("SettingsPage", u"Records held", None))
        ___qtablewidgetitem = self.countsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SettingsPage", u"Record", None))
        ___qtablewidgetitem1 = self.countsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SettingsPage", u"Count", None))
#if QT_CONFIG(accessibility)
        self.countsTable.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Record counts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countsTable.setAccessibleDescription(QCoreApplication.translate("SettingsPage", u"How many records of each kind this workspace holds", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

