# generated from forms/meeting_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateEdit, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QTabWidget,
    QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_MeetingForm(object):
    def setupUi(self, MeetingForm):
        if not MeetingForm.objectName():
            MeetingForm.setObjectName(u"MeetingForm")
        self.meetingLayout = QVBoxLayout(MeetingForm)
        self.meetingLayout.setObjectName(u"meetingLayout")
        self.meetingLayout.setContentsMargins(0, 0, 0, 0)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(MeetingForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(MeetingForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.titleLabel = QLabel(MeetingForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(MeetingForm)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.venueLabel = QLabel(MeetingForm)
        self.venueLabel.setObjectName(u"venueLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(MeetingForm)
        self.venueEdit.setObjectName(u"venueEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.notesLabel = QLabel(MeetingForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(MeetingForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.meetingLayout.addLayout(self.formLayout)

        self.sectionTabs = QTabWidget(MeetingForm)
        self.sectionTabs.setObjectName(u"sectionTabs")
        self.attendancePage = QWidget()
        self.attendancePage.setObjectName(u"attendancePage")
        self.attendanceLayout = QVBoxLayout(self.attendancePage)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceTable = QTableWidget(self.attendancePage)
        if (self.attendanceTable.columnCount() < 3):
            self.attendanceTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.attendanceTable.setObjectName(u"attendanceTable")
        self.attendanceTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.attendanceTable.setTabKeyNavigation(False)
        self.attendanceTable.setAlternatingRowColors(True)
        self.attendanceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendanceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendanceTable.setWordWrap(False)
        self.attendanceTable.verticalHeader().setVisible(False)

        self.attendanceLayout.addWidget(self.attendanceTable)

        self.attendanceHint = QLabel(self.attendancePage)
        self.attendanceHint.setObjectName(u"attendanceHint")
        self.attendanceHint.setWordWrap(True)

        self.attendanceLayout.addWidget(self.attendanceHint)

        self.sectionTabs.addTab(self.attendancePage, "")
        self.followUpPage = QWidget()
        self.followUpPage.setObjectName(u"followUpPage")
        self.followUpLayout = QVBoxLayout(self.followUpPage)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpTable = QTableView(self.followUpPage)
        self.followUpTable.setObjectName(u"followUpTable")
        self.followUpTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followUpTable.setTabKeyNavigation(False)
        self.followUpTable.setAlternatingRowColors(True)
        self.followUpTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followUpTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followUpTable.setWordWrap(False)
        self.followUpTable.verticalHeader().setVisible(False)

        self.followUpLayout.addWidget(self.followUpTable)

        self.followUpButtons = QHBoxLayout()
        self.followUpButtons.setObjectName(u"followUpButtons")
        self.reviewButton = QPushButton(self.followUpPage)
        self.reviewButton.setObjectName(u"reviewButton")

        self.followUpButtons.addWidget(self.reviewButton)

        self.followUpNote = QLabel(self.followUpPage)
        self.followUpNote.setObjectName(u"followUpNote")
        self.followUpNote.setWordWrap(True)

        self.followUpButtons.addWidget(self.followUpNote)

        self.followUpButtons.setStretch(1, 1)

        self.followUpLayout.addLayout(self.followUpButtons)

        self.sectionTabs.addTab(self.followUpPage, "")
        self.actionsPage = QWidget()
        self.actionsPage.setObjectName(u"actionsPage")
        self.actionsLayout = QVBoxLayout(self.actionsPage)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsTable = QTableView(self.actionsPage)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsTable.setTabKeyNavigation(False)
        self.actionsTable.setAlternatingRowColors(True)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setWordWrap(False)
        self.actionsTable.verticalHeader().setVisible(False)

        self.actionsLayout.addWidget(self.actionsTable)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.addActionButton = QPushButton(self.actionsPage)
        self.addActionButton.setObjectName(u"addActionButton")

        self.actionButtons.addWidget(self.addActionButton)

        self.editActionButton = QPushButton(self.actionsPage)
        self.editActionButton.setObjectName(u"editActionButton")

        self.actionButtons.addWidget(self.editActionButton)

        self.actionsNote = QLabel(self.actionsPage)
        self.actionsNote.setObjectName(u"actionsNote")
        self.actionsNote.setWordWrap(True)

        self.actionButtons.addWidget(self.actionsNote)

        self.actionButtons.setStretch(2, 1)

        self.actionsLayout.addLayout(self.actionButtons)

        self.sectionTabs.addTab(self.actionsPage, "")

        self.meetingLayout.addWidget(self.sectionTabs)

        self.meetingLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.sectionTabs)
        QWidget.setTabOrder(self.sectionTabs, self.attendanceTable)
        QWidget.setTabOrder(self.attendanceTable, self.followUpTable)
        QWidget.setTabOrder(self.followUpTable, self.reviewButton)
        QWidget.setTabOrder(self.reviewButton, self.actionsTable)
        QWidget.setTabOrder(self.actionsTable, self.addActionButton)
        QWidget.setTabOrder(self.addActionButton, self.editActionButton)

        self.retranslateUi(MeetingForm)

        self.sectionTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MeetingForm)
    # setupUi

    def retranslateUi(self, MeetingForm):
#if QT_CONFIG(accessibility)
        MeetingForm.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Meeting", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("MeetingForm", u"D&ate", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Date of the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingForm", u"dd/MM/yyyy", None))
        self.titleLabel.setText(QCoreApplication.translate("MeetingForm", u"Tit&le", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Title of the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"e.g. Locality group meeting", None))
        self.venueLabel.setText(QCoreApplication.translate("MeetingForm", u"&Venue", None))
#if QT_CONFIG(accessibility)
        self.venueEdit.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"e.g. Burntwood Library", None))
        self.notesLabel.setText(QCoreApplication.translate("MeetingForm", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Notes of the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"What was discussed. Do not name young people.", None))
#if QT_CONFIG(accessibility)
        self.sectionTabs.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Partners, follow-up and actions of the meeting", None))
#endif // QT_CONFIG(accessibility)
        ___qtablewidgetitem = self.attendanceTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MeetingForm", u"Partner", None))
        ___qtablewidgetitem1 = self.attendanceTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MeetingForm", u"Type", None))
        ___qtablewidgetitem2 = self.attendanceTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MeetingForm", u"Attendance", None))
#if QT_CONFIG(accessibility)
        self.attendanceTable.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Partners attending the meeting", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.attendanceTable.setAccessibleDescription(QCoreApplication.translate("MeetingForm", u"Up and Down move between partners. P marks present, A apologies (A again: absent), N not expected; Left and Right step through the choices; F2 or a double click chooses from a list. Saved with the meeting.", None))
#endif // QT_CONFIG(accessibility)
        self.attendanceHint.setText(QCoreApplication.translate("MeetingForm", u"Keys: <b>P</b> present, <b>A</b> apologies (again: absent), <b>N</b> not expected, <b>Left/Right</b> step through, <b>F2</b> a list. Saved with the meeting.", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.attendancePage), QCoreApplication.translate("MeetingForm", u"&Partners", None))
#if QT_CONFIG(accessibility)
        self.followUpTable.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Open actions from earlier meetings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followUpTable.setAccessibleDescription(QCoreApplication.translate("MeetingForm", u"Enter reviews the selected action: done, dropped or still open.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reviewButton.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Review the selected action: done, dropped or still open", None))
#endif // QT_CONFIG(accessibility)
        self.reviewButton.setText(QCoreApplication.translate("MeetingForm", u"Revie&w\u2026", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.followUpPage), QCoreApplication.translate("MeetingForm", u"Follow-&up of earlier actions", None))
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Actions agreed at this meeting", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleDescription(QCoreApplication.translate("MeetingForm", u"Enter edits the selected action.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.addActionButton.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Add an action agreed at this meeting", None))
#endif // QT_CONFIG(accessibility)
        self.addActionButton.setText(QCoreApplication.translate("MeetingForm", u"Add act&ion\u2026", None))
#if QT_CONFIG(accessibility)
        self.editActionButton.setAccessibleName(QCoreApplication.translate("MeetingForm", u"Edit the selected action", None))
#endif // QT_CONFIG(accessibility)
        self.editActionButton.setText(QCoreApplication.translate("MeetingForm", u"Edit a&ction\u2026", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.actionsPage), QCoreApplication.translate("MeetingForm", u"Ac&tions agreed here", None))
    # retranslateUi

