# generated from forms/returns_in_page.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'returns_in_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_ReturnsInPage(object):
    def setupUi(self, ReturnsInPage):
        if not ReturnsInPage.objectName():
            ReturnsInPage.setObjectName(u"ReturnsInPage")
        ReturnsInPage.resize(1150, 680)
        self.pageLayout = QVBoxLayout(ReturnsInPage)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 12)
        self.topLayout = QHBoxLayout()
        self.topLayout.setSpacing(8)
        self.topLayout.setObjectName(u"topLayout")
        self.introLabel = QLabel(ReturnsInPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.topLayout.addWidget(self.introLabel)

        self.importButton = QPushButton(ReturnsInPage)
        self.importButton.setObjectName(u"importButton")

        self.topLayout.addWidget(self.importButton)

        self.folderButton = QPushButton(ReturnsInPage)
        self.folderButton.setObjectName(u"folderButton")

        self.topLayout.addWidget(self.folderButton)

        self.dropHint = QLabel(ReturnsInPage)
        self.dropHint.setObjectName(u"dropHint")

        self.topLayout.addWidget(self.dropHint)

        self.topLayout.setStretch(0, 1)

        self.pageLayout.addLayout(self.topLayout)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setSpacing(12)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setSpacing(8)
        self.leftLayout.setObjectName(u"leftLayout")
        self.gridView = QTableView(ReturnsInPage)
        self.gridView.setObjectName(u"gridView")
        self.gridView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gridView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gridView.setTabKeyNavigation(False)
        self.gridView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gridView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.gridView.setIconSize(QSize(16, 16))
        self.gridView.setWordWrap(False)
        self.gridView.setCornerButtonEnabled(False)

        self.leftLayout.addWidget(self.gridView)

        self.summaryLabel = QLabel(ReturnsInPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        font = QFont()
        font.setBold(True)
        self.summaryLabel.setFont(font)
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.leftLayout.addWidget(self.summaryLabel)

        self.legendLayout = QHBoxLayout()
        self.legendLayout.setSpacing(6)
        self.legendLayout.setObjectName(u"legendLayout")

        self.leftLayout.addLayout(self.legendLayout)

        self.chaseBox = QGroupBox(ReturnsInPage)
        self.chaseBox.setObjectName(u"chaseBox")
        self.chaseLayout = QVBoxLayout(self.chaseBox)
        self.chaseLayout.setObjectName(u"chaseLayout")
        self.chaseEmptyLabel = QLabel(self.chaseBox)
        self.chaseEmptyLabel.setObjectName(u"chaseEmptyLabel")
        self.chaseEmptyLabel.setWordWrap(True)

        self.chaseLayout.addWidget(self.chaseEmptyLabel)

        self.chaseArea = QWidget(self.chaseBox)
        self.chaseArea.setObjectName(u"chaseArea")
        self.chaseAreaLayout = QHBoxLayout(self.chaseArea)
        self.chaseAreaLayout.setObjectName(u"chaseAreaLayout")
        self.chaseAreaLayout.setContentsMargins(0, 0, 0, 0)
        self.chaseListLayout = QVBoxLayout()
        self.chaseListLayout.setObjectName(u"chaseListLayout")
        self.chaseListLabel = QLabel(self.chaseArea)
        self.chaseListLabel.setObjectName(u"chaseListLabel")

        self.chaseListLayout.addWidget(self.chaseListLabel)

        self.chaseList = QListWidget(self.chaseArea)
        self.chaseList.setObjectName(u"chaseList")
        self.chaseList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chaseList.setResizeMode(QListView.ResizeMode.Adjust)
        self.chaseList.setSpacing(2)
        self.chaseList.setWordWrap(True)

        self.chaseListLayout.addWidget(self.chaseList)


        self.chaseAreaLayout.addLayout(self.chaseListLayout)

        self.messageLayout = QVBoxLayout()
        self.messageLayout.setObjectName(u"messageLayout")
        self.subjectLayout = QHBoxLayout()
        self.subjectLayout.setObjectName(u"subjectLayout")
        self.subjectLabel = QLabel(self.chaseArea)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.subjectLayout.addWidget(self.subjectLabel)

        self.subjectEdit = QLineEdit(self.chaseArea)
        self.subjectEdit.setObjectName(u"subjectEdit")
        self.subjectEdit.setAcceptDrops(False)
        self.subjectEdit.setReadOnly(True)

        self.subjectLayout.addWidget(self.subjectEdit)

        self.copySubjectButton = QPushButton(self.chaseArea)
        self.copySubjectButton.setObjectName(u"copySubjectButton")

        self.subjectLayout.addWidget(self.copySubjectButton)

        self.subjectLayout.setStretch(1, 1)

        self.messageLayout.addLayout(self.subjectLayout)

        self.chaseText = QPlainTextEdit(self.chaseArea)
        self.chaseText.setObjectName(u"chaseText")
        self.chaseText.setAcceptDrops(False)
        self.chaseText.setTabChangesFocus(True)
        self.chaseText.setReadOnly(True)

        self.messageLayout.addWidget(self.chaseText)

        self.copyLayout = QHBoxLayout()
        self.copyLayout.setObjectName(u"copyLayout")
        self.copySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.copyLayout.addItem(self.copySpacer)

        self.copyButton = QPushButton(self.chaseArea)
        self.copyButton.setObjectName(u"copyButton")

        self.copyLayout.addWidget(self.copyButton)


        self.messageLayout.addLayout(self.copyLayout)

        self.messageLayout.setStretch(1, 1)

        self.chaseAreaLayout.addLayout(self.messageLayout)

        self.chaseAreaLayout.setStretch(0, 2)
        self.chaseAreaLayout.setStretch(1, 5)

        self.chaseLayout.addWidget(self.chaseArea)

        self.chaseLayout.setStretch(1, 1)

        self.leftLayout.addWidget(self.chaseBox)

        self.leftLayout.setStretch(3, 1)

        self.bodyLayout.addLayout(self.leftLayout)

        self.detailBox = QGroupBox(ReturnsInPage)
        self.detailBox.setObjectName(u"detailBox")
        self.detailLayout = QVBoxLayout(self.detailBox)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailHeading = QLabel(self.detailBox)
        self.detailHeading.setObjectName(u"detailHeading")
        self.detailHeading.setWordWrap(True)

        self.detailLayout.addWidget(self.detailHeading)

        self.detailStack = QStackedWidget(self.detailBox)
        self.detailStack.setObjectName(u"detailStack")
        self.returnPage = QWidget()
        self.returnPage.setObjectName(u"returnPage")
        self.returnLayout = QVBoxLayout(self.returnPage)
        self.returnLayout.setObjectName(u"returnLayout")
        self.returnLayout.setContentsMargins(0, 0, 0, 0)
        self.factsLayout = QFormLayout()
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.statusCaption = QLabel(self.returnPage)
        self.statusCaption.setObjectName(u"statusCaption")

        self.factsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusLabel = QLabel(self.returnPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.factsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusLabel)

        self.revisionCaption = QLabel(self.returnPage)
        self.revisionCaption.setObjectName(u"revisionCaption")

        self.factsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.revisionCaption)

        self.revisionLabel = QLabel(self.returnPage)
        self.revisionLabel.setObjectName(u"revisionLabel")

        self.factsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.revisionLabel)

        self.sentCaption = QLabel(self.returnPage)
        self.sentCaption.setObjectName(u"sentCaption")

        self.factsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sentCaption)

        self.sentLabel = QLabel(self.returnPage)
        self.sentLabel.setObjectName(u"sentLabel")
        self.sentLabel.setWordWrap(True)

        self.factsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sentLabel)

        self.fileCaption = QLabel(self.returnPage)
        self.fileCaption.setObjectName(u"fileCaption")

        self.factsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fileCaption)

        self.fileLabel = QLabel(self.returnPage)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)

        self.factsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fileLabel)

        self.noteCaption = QLabel(self.returnPage)
        self.noteCaption.setObjectName(u"noteCaption")

        self.factsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteCaption)

        self.noteLabel = QLabel(self.returnPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteLabel)


        self.returnLayout.addLayout(self.factsLayout)

        self.editedWarning = QLabel(self.returnPage)
        self.editedWarning.setObjectName(u"editedWarning")
        self.editedWarning.setStyleSheet(u"QLabel#editedWarning { background: #fff4e5; color: #7a2e0e; border: 1px solid #e8a55a; border-radius: 4px; padding: 6px; }")
        self.editedWarning.setWordWrap(True)

        self.returnLayout.addWidget(self.editedWarning)

        self.madeHowLabel = QLabel(self.returnPage)
        self.madeHowLabel.setObjectName(u"madeHowLabel")
        self.madeHowLabel.setStyleSheet(u"QLabel#madeHowLabel { background: #eef1f4; color: #3e4c59; border: 1px solid #9aa5b1; border-radius: 4px; padding: 6px; }")
        self.madeHowLabel.setWordWrap(True)

        self.returnLayout.addWidget(self.madeHowLabel)

        self.figuresTitle = QLabel(self.returnPage)
        self.figuresTitle.setObjectName(u"figuresTitle")
        self.figuresTitle.setFont(font)

        self.returnLayout.addWidget(self.figuresTitle)

        self.figuresBox = QWidget(self.returnPage)
        self.figuresBox.setObjectName(u"figuresBox")
        self.figuresLayout = QFormLayout(self.figuresBox)
        self.figuresLayout.setObjectName(u"figuresLayout")
        self.figuresLayout.setVerticalSpacing(2)
        self.figuresLayout.setContentsMargins(0, 0, 0, 0)

        self.returnLayout.addWidget(self.figuresBox)

        self.reviewLayout = QHBoxLayout()
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.reviewLayout.setContentsMargins(-1, 8, -1, -1)
        self.acceptButton = QPushButton(self.returnPage)
        self.acceptButton.setObjectName(u"acceptButton")

        self.reviewLayout.addWidget(self.acceptButton)

        self.queryButton = QPushButton(self.returnPage)
        self.queryButton.setObjectName(u"queryButton")

        self.reviewLayout.addWidget(self.queryButton)

        self.reviewSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewLayout.addItem(self.reviewSpacer)


        self.returnLayout.addLayout(self.reviewLayout)

        self.returnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.returnLayout.addItem(self.returnSpacer)

        self.detailStack.addWidget(self.returnPage)
        self.absentPage = QWidget()
        self.absentPage.setObjectName(u"absentPage")
        self.absentLayout = QVBoxLayout(self.absentPage)
        self.absentLayout.setObjectName(u"absentLayout")
        self.absentLayout.setContentsMargins(0, 0, 0, 0)
        self.absentLabel = QLabel(self.absentPage)
        self.absentLabel.setObjectName(u"absentLabel")
        self.absentLabel.setWordWrap(True)

        self.absentLayout.addWidget(self.absentLabel)

        self.handLayout = QHBoxLayout()
        self.handLayout.setObjectName(u"handLayout")
        self.handLayout.setContentsMargins(-1, 8, -1, -1)
        self.enterButton = QPushButton(self.absentPage)
        self.enterButton.setObjectName(u"enterButton")

        self.handLayout.addWidget(self.enterButton)

        self.templateButton = QPushButton(self.absentPage)
        self.templateButton.setObjectName(u"templateButton")

        self.handLayout.addWidget(self.templateButton)

        self.handSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.handLayout.addItem(self.handSpacer)


        self.absentLayout.addLayout(self.handLayout)

        self.absentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.absentLayout.addItem(self.absentSpacer)

        self.absentLayout.setStretch(2, 1)
        self.detailStack.addWidget(self.absentPage)

        self.detailLayout.addWidget(self.detailStack)

        self.detailLayout.setStretch(1, 1)

        self.bodyLayout.addWidget(self.detailBox)

        self.bodyLayout.setStretch(0, 2)
        self.bodyLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.bodyLayout)

        self.pageLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.chaseListLabel.setBuddy(self.chaseList)
        self.subjectLabel.setBuddy(self.subjectEdit)
        self.statusCaption.setBuddy(self.statusLabel)
        self.revisionCaption.setBuddy(self.revisionLabel)
        self.sentCaption.setBuddy(self.sentLabel)
        self.fileCaption.setBuddy(self.fileLabel)
        self.noteCaption.setBuddy(self.noteLabel)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.importButton, self.folderButton)
        QWidget.setTabOrder(self.folderButton, self.gridView)
        QWidget.setTabOrder(self.gridView, self.acceptButton)
        QWidget.setTabOrder(self.acceptButton, self.queryButton)
        QWidget.setTabOrder(self.queryButton, self.chaseList)
        QWidget.setTabOrder(self.chaseList, self.subjectEdit)
        QWidget.setTabOrder(self.subjectEdit, self.copySubjectButton)
        QWidget.setTabOrder(self.copySubjectButton, self.chaseText)
        QWidget.setTabOrder(self.chaseText, self.copyButton)

        self.retranslateUi(ReturnsInPage)

        self.detailStack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReturnsInPage)
    # setupUi

    def retranslateUi(self, ReturnsInPage):
        ReturnsInPage.setWindowTitle(QCoreApplication.translate("ReturnsInPage", u"Returns in", None))
#if QT_CONFIG(accessibility)
        ReturnsInPage.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Returns in", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Choose the return workbooks (.xlsx) to import", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Import returns", None))
#endif // QT_CONFIG(accessibility)
        self.importButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Import returns\u2026", None))
#if QT_CONFIG(tooltip)
        self.folderButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Import every return workbook in a folder (and the folders in it)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.folderButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Import a folder", None))
#endif // QT_CONFIG(accessibility)
        self.folderButton.setText(QCoreApplication.translate("ReturnsInPage", u"Import a f&older\u2026", None))
        self.dropHint.setText(QCoreApplication.translate("ReturnsInPage", u"or drop files or folders on this page", None))
#if QT_CONFIG(accessibility)
        self.gridView.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Returns received, by unit and quarter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.gridView.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"Each cell is a unit's return for a quarter: accepted, queried, on time, late, missing or not due yet", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"The chosen quarter", None))
#endif // QT_CONFIG(accessibility)
        self.chaseBox.setTitle(QCoreApplication.translate("ReturnsInPage", u"Reminders", None))
#if QT_CONFIG(accessibility)
        self.chaseEmptyLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"Reminders", None))
#endif // QT_CONFIG(accessibility)
        self.chaseListLabel.setText(QCoreApplication.translate("ReturnsInPage", u"&Not received:", None))
#if QT_CONFIG(accessibility)
        self.chaseList.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Units whose return is missing", None))
#endif // QT_CONFIG(accessibility)
        self.subjectLabel.setText(QCoreApplication.translate("ReturnsInPage", u"Su&bject:", None))
#if QT_CONFIG(accessibility)
        self.subjectEdit.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Reminder subject", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.copySubjectButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Copy the subject to paste into an e-mail", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.copySubjectButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Copy the subject", None))
#endif // QT_CONFIG(accessibility)
        self.copySubjectButton.setText(QCoreApplication.translate("ReturnsInPage", u"Copy s&ubject", None))
#if QT_CONFIG(accessibility)
        self.chaseText.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Reminder text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Copy the reminder to paste into an e-mail", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.copyButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Copy the reminder text", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Copy text", None))
        self.detailBox.setTitle(QCoreApplication.translate("ReturnsInPage", u"The chosen return", None))
#if QT_CONFIG(accessibility)
        self.detailHeading.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"The chosen return", None))
#endif // QT_CONFIG(accessibility)
        self.statusCaption.setText(QCoreApplication.translate("ReturnsInPage", u"Status:", None))
        self.revisionCaption.setText(QCoreApplication.translate("ReturnsInPage", u"Revision:", None))
        self.sentCaption.setText(QCoreApplication.translate("ReturnsInPage", u"First sent:", None))
        self.fileCaption.setText(QCoreApplication.translate("ReturnsInPage", u"File:", None))
        self.noteCaption.setText(QCoreApplication.translate("ReturnsInPage", u"Review:", None))
#if QT_CONFIG(accessibility)
        self.editedWarning.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"Warning", None))
#endif // QT_CONFIG(accessibility)
        self.editedWarning.setText(QCoreApplication.translate("ReturnsInPage", u"Edited after export: the figures in this file were changed after the coordinator exported it. Check the change with them before you accept it.", None))
#if QT_CONFIG(accessibility)
        self.madeHowLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"How the return was made", None))
#endif // QT_CONFIG(accessibility)
        self.figuresTitle.setText(QCoreApplication.translate("ReturnsInPage", u"Headline figures", None))
#if QT_CONFIG(tooltip)
        self.acceptButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Accept the return: its figures go into the consolidation", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.acceptButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Accept the return", None))
#endif // QT_CONFIG(accessibility)
        self.acceptButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Accept", None))
#if QT_CONFIG(tooltip)
        self.queryButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Query the return with a note of what to look at", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.queryButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Query the return", None))
#endif // QT_CONFIG(accessibility)
        self.queryButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Query\u2026", None))
#if QT_CONFIG(accessibility)
        self.absentLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsInPage", u"No return", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.enterButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Key in the unit's figures on its behalf (for a group without TrustDesk): the return is marked as entered by you", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.enterButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Enter this return", None))
#endif // QT_CONFIG(accessibility)
        self.enterButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Enter this return\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("ReturnsInPage", u"Save a return workbook for the unit to fill in by hand in Excel or LibreOffice, then import it: it is marked as filled in by hand", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.templateButton.setAccessibleName(QCoreApplication.translate("ReturnsInPage", u"Blank return to fill in", None))
#endif // QT_CONFIG(accessibility)
        self.templateButton.setText(QCoreApplication.translate("ReturnsInPage", u"&Blank return to fill in\u2026", None))
    # retranslateUi

