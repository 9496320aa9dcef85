# generated from forms/register_page.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_RegisterPage(object):
    def setupUi(self, RegisterPage):
        if not RegisterPage.objectName():
            RegisterPage.setObjectName(u"RegisterPage")
        self.pageLayout = QVBoxLayout(RegisterPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.chooserLayout = QHBoxLayout()
        self.chooserLayout.setObjectName(u"chooserLayout")
        self.sessionLabel = QLabel(RegisterPage)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.chooserLayout.addWidget(self.sessionLabel)

        self.sessionCombo = QComboBox(RegisterPage)
        self.sessionCombo.setObjectName(u"sessionCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sessionCombo.sizePolicy().hasHeightForWidth())
        self.sessionCombo.setSizePolicy(sizePolicy)
        self.sessionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sessionCombo.setMinimumContentsLength(30)
        self.sessionCombo.setMaxVisibleItems(20)

        self.chooserLayout.addWidget(self.sessionCombo)

        self.nearLabel = QLabel(RegisterPage)
        self.nearLabel.setObjectName(u"nearLabel")

        self.chooserLayout.addWidget(self.nearLabel)

        self.nearDateEdit = QDateEdit(RegisterPage)
        self.nearDateEdit.setObjectName(u"nearDateEdit")
        self.nearDateEdit.setCalendarPopup(True)
        self.nearDateEdit.setKeyboardTracking(False)

        self.chooserLayout.addWidget(self.nearDateEdit)


        self.pageLayout.addLayout(self.chooserLayout)

        self.modeLayout = QHBoxLayout()
        self.modeLayout.setObjectName(u"modeLayout")
        self.modeLabel = QLabel(RegisterPage)
        self.modeLabel.setObjectName(u"modeLabel")

        self.modeLayout.addWidget(self.modeLabel)

        self.namesRadio = QRadioButton(RegisterPage)
        self.namesRadio.setObjectName(u"namesRadio")
        self.namesRadio.setChecked(True)

        self.modeLayout.addWidget(self.namesRadio)

        self.headcountRadio = QRadioButton(RegisterPage)
        self.headcountRadio.setObjectName(u"headcountRadio")

        self.modeLayout.addWidget(self.headcountRadio)

        self.sessionNote = QLabel(RegisterPage)
        self.sessionNote.setObjectName(u"sessionNote")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.sessionNote.sizePolicy().hasHeightForWidth())
        self.sessionNote.setSizePolicy(sizePolicy1)
        self.sessionNote.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.modeLayout.addWidget(self.sessionNote)


        self.pageLayout.addLayout(self.modeLayout)

        self.hintLabel = QLabel(RegisterPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.hintLabel)

        self.modeStack = QStackedWidget(RegisterPage)
        self.modeStack.setObjectName(u"modeStack")
        self.namesPage = QWidget()
        self.namesPage.setObjectName(u"namesPage")
        self.namesLayout = QVBoxLayout(self.namesPage)
        self.namesLayout.setObjectName(u"namesLayout")
        self.namesLayout.setContentsMargins(0, 0, 0, 0)
        self.sheetLayout = QHBoxLayout()
        self.sheetLayout.setObjectName(u"sheetLayout")
        self.sheetLabel = QLabel(self.namesPage)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sheetLayout.addWidget(self.sheetLabel)

        self.sheetEdit = QLineEdit(self.namesPage)
        self.sheetEdit.setObjectName(u"sheetEdit")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.sheetEdit.sizePolicy().hasHeightForWidth())
        self.sheetEdit.setSizePolicy(sizePolicy2)
        self.sheetEdit.setMaxLength(3)

        self.sheetLayout.addWidget(self.sheetEdit)

        self.sheetSaid = QLabel(self.namesPage)
        self.sheetSaid.setObjectName(u"sheetSaid")
        sizePolicy1.setHeightForWidth(self.sheetSaid.sizePolicy().hasHeightForWidth())
        self.sheetSaid.setSizePolicy(sizePolicy1)
        self.sheetSaid.setTextFormat(Qt.TextFormat.PlainText)

        self.sheetLayout.addWidget(self.sheetSaid)


        self.namesLayout.addLayout(self.sheetLayout)

        self.findLayout = QHBoxLayout()
        self.findLayout.setObjectName(u"findLayout")
        self.findLabel = QLabel(self.namesPage)
        self.findLabel.setObjectName(u"findLabel")

        self.findLayout.addWidget(self.findLabel)

        self.findEdit = QLineEdit(self.namesPage)
        self.findEdit.setObjectName(u"findEdit")
        sizePolicy.setHeightForWidth(self.findEdit.sizePolicy().hasHeightForWidth())
        self.findEdit.setSizePolicy(sizePolicy)
        self.findEdit.setClearButtonEnabled(True)

        self.findLayout.addWidget(self.findEdit)

        self.addNewButton = QPushButton(self.namesPage)
        self.addNewButton.setObjectName(u"addNewButton")
        self.addNewButton.setAutoDefault(False)

        self.findLayout.addWidget(self.addNewButton)


        self.namesLayout.addLayout(self.findLayout)

        self.peopleLayout = QHBoxLayout()
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleTable = QTableView(self.namesPage)
        self.peopleTable.setObjectName(u"peopleTable")
        self.peopleTable.setTabKeyNavigation(False)
        self.peopleTable.setAlternatingRowColors(True)
        self.peopleTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peopleTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peopleTable.setWordWrap(False)
        self.peopleTable.horizontalHeader().setHighlightSections(False)
        self.peopleTable.verticalHeader().setVisible(False)

        self.peopleLayout.addWidget(self.peopleTable)

        self.peopleLayout.setStretch(0, 1)

        self.namesLayout.addLayout(self.peopleLayout)

        self.modeStack.addWidget(self.namesPage)
        self.headcountPage = QWidget()
        self.headcountPage.setObjectName(u"headcountPage")
        self.headcountLayout = QVBoxLayout(self.headcountPage)
        self.headcountLayout.setObjectName(u"headcountLayout")
        self.headcountLayout.setContentsMargins(0, 0, 0, 0)
        self.headcountHelp = QLabel(self.headcountPage)
        self.headcountHelp.setObjectName(u"headcountHelp")
        self.headcountHelp.setWordWrap(True)

        self.headcountLayout.addWidget(self.headcountHelp)

        self.headcountGrid = QGridLayout()
        self.headcountGrid.setObjectName(u"headcountGrid")

        self.headcountLayout.addLayout(self.headcountGrid)

        self.headcountSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.headcountLayout.addItem(self.headcountSpacer)

        self.modeStack.addWidget(self.headcountPage)

        self.pageLayout.addWidget(self.modeStack)

        self.problemLabel = QLabel(RegisterPage)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.problemLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.saveButton = QPushButton(RegisterPage)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.saveButton)

        self.revertButton = QPushButton(RegisterPage)
        self.revertButton.setObjectName(u"revertButton")
        self.revertButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.revertButton)

        self.countLabel = QLabel(RegisterPage)
        self.countLabel.setObjectName(u"countLabel")
        sizePolicy1.setHeightForWidth(self.countLabel.sizePolicy().hasHeightForWidth())
        self.countLabel.setSizePolicy(sizePolicy1)
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.buttonsLayout.addWidget(self.countLabel)


        self.pageLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.sessionLabel.setBuddy(self.sessionCombo)
        self.nearLabel.setBuddy(self.nearDateEdit)
        self.sheetLabel.setBuddy(self.sheetEdit)
        self.findLabel.setBuddy(self.findEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sessionCombo, self.nearDateEdit)
        QWidget.setTabOrder(self.nearDateEdit, self.namesRadio)
        QWidget.setTabOrder(self.namesRadio, self.headcountRadio)
        QWidget.setTabOrder(self.headcountRadio, self.sheetEdit)
        QWidget.setTabOrder(self.sheetEdit, self.findEdit)
        QWidget.setTabOrder(self.findEdit, self.peopleTable)
        QWidget.setTabOrder(self.peopleTable, self.addNewButton)
        QWidget.setTabOrder(self.addNewButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.revertButton)

        self.retranslateUi(RegisterPage)

        QMetaObject.connectSlotsByName(RegisterPage)
    # setupUi

    def retranslateUi(self, RegisterPage):
#if QT_CONFIG(accessibility)
        RegisterPage.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Registers", None))
#endif // QT_CONFIG(accessibility)
        self.sessionLabel.setText(QCoreApplication.translate("RegisterPage", u"Sess&ion", None))
#if QT_CONFIG(accessibility)
        self.sessionCombo.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Session", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.sessionCombo.setToolTip(QCoreApplication.translate("RegisterPage", u"The session to mark: today's first, then the most recent ones, then the next ones", None))
#endif // QT_CONFIG(tooltip)
        self.nearLabel.setText(QCoreApplication.translate("RegisterPage", u"Sessions near &date", None))
#if QT_CONFIG(accessibility)
        self.nearDateEdit.setAccessibleName(QCoreApplication.translate("RegisterPage", u"List the sessions near this date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.nearDateEdit.setToolTip(QCoreApplication.translate("RegisterPage", u"The list holds sessions from 8 weeks before this date to 2 weeks after it; choose another date to find an older session", None))
#endif // QT_CONFIG(tooltip)
        self.nearDateEdit.setDisplayFormat(QCoreApplication.translate("RegisterPage", u"dd/MM/yyyy", None))
        self.modeLabel.setText(QCoreApplication.translate("RegisterPage", u"Record", None))
#if QT_CONFIG(accessibility)
        self.namesRadio.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Record names", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.namesRadio.setToolTip(QCoreApplication.translate("RegisterPage", u"Tick the young people who came", None))
#endif // QT_CONFIG(tooltip)
        self.namesRadio.setText(QCoreApplication.translate("RegisterPage", u"&Names", None))
#if QT_CONFIG(accessibility)
        self.headcountRadio.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Record a headcount for a big event", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.headcountRadio.setToolTip(QCoreApplication.translate("RegisterPage", u"Count everyone by age band and gender, without names", None))
#endif // QT_CONFIG(tooltip)
        self.headcountRadio.setText(QCoreApplication.translate("RegisterPage", u"Head&count (big event)", None))
#if QT_CONFIG(accessibility)
        self.sessionNote.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"About the session", None))
#endif // QT_CONFIG(accessibility)
        self.sheetLabel.setText(QCoreApplication.translate("RegisterPage", u"Sign-in sheet &line", None))
#if QT_CONFIG(accessibility)
        self.sheetEdit.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Sign-in sheet line", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sheetEdit.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"Type the number of a line ticked on the printed sheet and press Enter: that young person is ticked, or unticked if they were", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.sheetEdit.setToolTip(QCoreApplication.translate("RegisterPage", u"The number of a ticked line on the printed sign-in sheet, then Enter; the next number, then Enter", None))
#endif // QT_CONFIG(tooltip)
        self.sheetEdit.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"No.", None))
#if QT_CONFIG(accessibility)
        self.sheetSaid.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"The last line typed from the sign-in sheet and who it ticked", None))
#endif // QT_CONFIG(accessibility)
        self.findLabel.setText(QCoreApplication.translate("RegisterPage", u"Find or &add a young person", None))
#if QT_CONFIG(accessibility)
        self.findEdit.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Find or add a young person", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.findEdit.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"Type a name or local reference; Enter ticks the highlighted person, Down moves into the list", None))
#endif // QT_CONFIG(accessibility)
        self.findEdit.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"Type a name or local reference, then Enter to tick", None))
#if QT_CONFIG(accessibility)
        self.addNewButton.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Add a new young person", None))
#endif // QT_CONFIG(accessibility)
        self.addNewButton.setText(QCoreApplication.translate("RegisterPage", u"Add as a ne&w young person", None))
#if QT_CONFIG(accessibility)
        self.peopleTable.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Young people at this activity", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.peopleTable.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"Space ticks or unticks the highlighted person; typing a name goes to the find box", None))
#endif // QT_CONFIG(accessibility)
        self.headcountHelp.setText(QCoreApplication.translate("RegisterPage", u"For a big event where names cannot be taken: count everyone who came by age band and gender. A headcount keeps no names; it counts towards attendances in the return, not towards young people reached.", None))
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"Why the register was not saved", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Save the register", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("RegisterPage", u"Save the register (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("RegisterPage", u"&Save register", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("RegisterPage", u"Undo the changes not yet saved", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("RegisterPage", u"&Revert", None))
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleDescription(QCoreApplication.translate("RegisterPage", u"How many are ticked", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

