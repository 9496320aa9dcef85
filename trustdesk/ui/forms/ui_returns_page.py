# generated from forms/returns_page.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'returns_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ReturnsPage(object):
    def setupUi(self, ReturnsPage):
        if not ReturnsPage.objectName():
            ReturnsPage.setObjectName(u"ReturnsPage")
        ReturnsPage.resize(1200, 720)
        self.pageLayout = QVBoxLayout(ReturnsPage)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 12)
        self.periodLayout = QHBoxLayout()
        self.periodLayout.setSpacing(8)
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodLabel = QLabel(ReturnsPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(ReturnsPage)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.periodLayout.addWidget(self.periodCombo)

        self.periodStatusLabel = QLabel(ReturnsPage)
        self.periodStatusLabel.setObjectName(u"periodStatusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.periodStatusLabel.sizePolicy().hasHeightForWidth())
        self.periodStatusLabel.setSizePolicy(sizePolicy)
        self.periodStatusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.periodStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.periodLayout.addWidget(self.periodStatusLabel)


        self.pageLayout.addLayout(self.periodLayout)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setSpacing(16)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.figuresTabs = QTabWidget(ReturnsPage)
        self.figuresTabs.setObjectName(u"figuresTabs")
        self.headlineTab = QWidget()
        self.headlineTab.setObjectName(u"headlineTab")
        self.headlineLayout = QVBoxLayout(self.headlineTab)
        self.headlineLayout.setSpacing(6)
        self.headlineLayout.setObjectName(u"headlineLayout")
        self.headlineView = QTableView(self.headlineTab)
        self.headlineView.setObjectName(u"headlineView")
        self.headlineView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.headlineView.setTabKeyNavigation(False)
        self.headlineView.setAlternatingRowColors(True)
        self.headlineView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.headlineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.headlineView.setShowGrid(False)
        self.headlineView.setWordWrap(False)
        self.headlineView.setCornerButtonEnabled(False)
        self.headlineView.horizontalHeader().setHighlightSections(False)
        self.headlineView.verticalHeader().setVisible(False)

        self.headlineLayout.addWidget(self.headlineView)

        self.reachLabel = QLabel(self.headlineTab)
        self.reachLabel.setObjectName(u"reachLabel")
        font = QFont()
        font.setBold(True)
        self.reachLabel.setFont(font)

        self.headlineLayout.addWidget(self.reachLabel)

        self.reachView = QTableView(self.headlineTab)
        self.reachView.setObjectName(u"reachView")
        self.reachView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reachView.setTabKeyNavigation(False)
        self.reachView.setAlternatingRowColors(True)
        self.reachView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reachView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reachView.setShowGrid(False)
        self.reachView.setWordWrap(False)
        self.reachView.setCornerButtonEnabled(False)
        self.reachView.horizontalHeader().setHighlightSections(False)
        self.reachView.verticalHeader().setVisible(False)

        self.headlineLayout.addWidget(self.reachView)

        self.reachNote = QLabel(self.headlineTab)
        self.reachNote.setObjectName(u"reachNote")
        self.reachNote.setTextFormat(Qt.TextFormat.PlainText)
        self.reachNote.setWordWrap(True)

        self.headlineLayout.addWidget(self.reachNote)

        self.headlineLayout.setStretch(0, 1)
        self.figuresTabs.addTab(self.headlineTab, "")
        self.breakdownTab = QWidget()
        self.breakdownTab.setObjectName(u"breakdownTab")
        self.breakdownLayout = QVBoxLayout(self.breakdownTab)
        self.breakdownLayout.setSpacing(6)
        self.breakdownLayout.setObjectName(u"breakdownLayout")
        self.breakdownChoiceLayout = QHBoxLayout()
        self.breakdownChoiceLayout.setSpacing(8)
        self.breakdownChoiceLayout.setObjectName(u"breakdownChoiceLayout")
        self.breakdownLabel = QLabel(self.breakdownTab)
        self.breakdownLabel.setObjectName(u"breakdownLabel")

        self.breakdownChoiceLayout.addWidget(self.breakdownLabel)

        self.breakdownCombo = QComboBox(self.breakdownTab)
        self.breakdownCombo.setObjectName(u"breakdownCombo")
        self.breakdownCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.breakdownChoiceLayout.addWidget(self.breakdownCombo)

        self.breakdownChoiceSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.breakdownChoiceLayout.addItem(self.breakdownChoiceSpacer)


        self.breakdownLayout.addLayout(self.breakdownChoiceLayout)

        self.breakdownView = QTableView(self.breakdownTab)
        self.breakdownView.setObjectName(u"breakdownView")
        self.breakdownView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breakdownView.setTabKeyNavigation(False)
        self.breakdownView.setAlternatingRowColors(True)
        self.breakdownView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.breakdownView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.breakdownView.setShowGrid(False)
        self.breakdownView.setWordWrap(False)
        self.breakdownView.setCornerButtonEnabled(False)
        self.breakdownView.horizontalHeader().setHighlightSections(False)
        self.breakdownView.verticalHeader().setVisible(False)

        self.breakdownLayout.addWidget(self.breakdownView)

        self.breakdownNote = QLabel(self.breakdownTab)
        self.breakdownNote.setObjectName(u"breakdownNote")
        self.breakdownNote.setTextFormat(Qt.TextFormat.PlainText)
        self.breakdownNote.setWordWrap(True)

        self.breakdownLayout.addWidget(self.breakdownNote)

        self.figuresTabs.addTab(self.breakdownTab, "")

        self.bodyLayout.addWidget(self.figuresTabs)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setSpacing(10)
        self.sideLayout.setObjectName(u"sideLayout")
        self.checksGroup = QGroupBox(ReturnsPage)
        self.checksGroup.setObjectName(u"checksGroup")
        self.checksLayout = QVBoxLayout(self.checksGroup)
        self.checksLayout.setSpacing(6)
        self.checksLayout.setObjectName(u"checksLayout")
        self.checksSummaryLabel = QLabel(self.checksGroup)
        self.checksSummaryLabel.setObjectName(u"checksSummaryLabel")
        self.checksSummaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.checksSummaryLabel.setWordWrap(True)

        self.checksLayout.addWidget(self.checksSummaryLabel)

        self.checksList = QListView(self.checksGroup)
        self.checksList.setObjectName(u"checksList")
        self.checksList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checksList.setAlternatingRowColors(True)
        self.checksList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checksList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.checksList.setResizeMode(QListView.ResizeMode.Adjust)
        self.checksList.setWordWrap(True)

        self.checksLayout.addWidget(self.checksList)

        self.checksHintLabel = QLabel(self.checksGroup)
        self.checksHintLabel.setObjectName(u"checksHintLabel")
        self.checksHintLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.checksHintLabel.setWordWrap(True)

        self.checksLayout.addWidget(self.checksHintLabel)


        self.sideLayout.addWidget(self.checksGroup)

        self.exportGroup = QGroupBox(ReturnsPage)
        self.exportGroup.setObjectName(u"exportGroup")
        self.exportLayout = QGridLayout(self.exportGroup)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportLayout.setHorizontalSpacing(8)
        self.exportLayout.setVerticalSpacing(6)
        self.folderLabel = QLabel(self.exportGroup)
        self.folderLabel.setObjectName(u"folderLabel")

        self.exportLayout.addWidget(self.folderLabel, 0, 0, 1, 1)

        self.folderEdit = QLineEdit(self.exportGroup)
        self.folderEdit.setObjectName(u"folderEdit")
        self.folderEdit.setClearButtonEnabled(True)

        self.exportLayout.addWidget(self.folderEdit, 0, 1, 1, 1)

        self.chooseButton = QPushButton(self.exportGroup)
        self.chooseButton.setObjectName(u"chooseButton")
        self.chooseButton.setAutoDefault(False)

        self.exportLayout.addWidget(self.chooseButton, 0, 2, 1, 1)

        self.filesLabel = QLabel(self.exportGroup)
        self.filesLabel.setObjectName(u"filesLabel")

        self.exportLayout.addWidget(self.filesLabel, 1, 0, 1, 1)

        self.formatsLayout = QHBoxLayout()
        self.formatsLayout.setSpacing(16)
        self.formatsLayout.setObjectName(u"formatsLayout")
        self.workbookCheck = QCheckBox(self.exportGroup)
        self.workbookCheck.setObjectName(u"workbookCheck")
        self.workbookCheck.setChecked(True)

        self.formatsLayout.addWidget(self.workbookCheck)

        self.pdfCheck = QCheckBox(self.exportGroup)
        self.pdfCheck.setObjectName(u"pdfCheck")
        self.pdfCheck.setChecked(True)

        self.formatsLayout.addWidget(self.pdfCheck)

        self.formatsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.formatsLayout.addItem(self.formatsSpacer)


        self.exportLayout.addLayout(self.formatsLayout, 1, 1, 1, 2)

        self.publicationCheck = QCheckBox(self.exportGroup)
        self.publicationCheck.setObjectName(u"publicationCheck")

        self.exportLayout.addWidget(self.publicationCheck, 2, 1, 1, 2)

        self.exportButtonLayout = QHBoxLayout()
        self.exportButtonLayout.setSpacing(10)
        self.exportButtonLayout.setObjectName(u"exportButtonLayout")
        self.exportButton = QPushButton(self.exportGroup)
        self.exportButton.setObjectName(u"exportButton")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.exportButton.sizePolicy().hasHeightForWidth())
        self.exportButton.setSizePolicy(sizePolicy1)
        self.exportButton.setAutoDefault(False)

        self.exportButtonLayout.addWidget(self.exportButton)

        self.exportReasonLabel = QLabel(self.exportGroup)
        self.exportReasonLabel.setObjectName(u"exportReasonLabel")
        sizePolicy.setHeightForWidth(self.exportReasonLabel.sizePolicy().hasHeightForWidth())
        self.exportReasonLabel.setSizePolicy(sizePolicy)
        self.exportReasonLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.exportReasonLabel.setWordWrap(True)

        self.exportButtonLayout.addWidget(self.exportReasonLabel)


        self.exportLayout.addLayout(self.exportButtonLayout, 3, 0, 1, 3)

        self.resultFrame = QFrame(self.exportGroup)
        self.resultFrame.setObjectName(u"resultFrame")
        self.resultFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.resultLayout = QHBoxLayout(self.resultFrame)
        self.resultLayout.setSpacing(10)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(10, 8, 10, 8)
        self.resultLabel = QLabel(self.resultFrame)
        self.resultLabel.setObjectName(u"resultLabel")
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)
        self.resultLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultLayout.addWidget(self.resultLabel)

        self.openFolderButton = QPushButton(self.resultFrame)
        self.openFolderButton.setObjectName(u"openFolderButton")
        self.openFolderButton.setAutoDefault(False)

        self.resultLayout.addWidget(self.openFolderButton)


        self.exportLayout.addWidget(self.resultFrame, 4, 0, 1, 3)

        self.exportLayout.setColumnStretch(1, 1)

        self.sideLayout.addWidget(self.exportGroup)

        self.historyGroup = QGroupBox(ReturnsPage)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTreeWidget(self.historyGroup)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyView.setRootIsDecorated(False)
        self.historyView.setUniformRowHeights(True)
        self.historyView.setItemsExpandable(False)
        self.historyView.header().setStretchLastSection(True)

        self.historyLayout.addWidget(self.historyView)


        self.sideLayout.addWidget(self.historyGroup)

        self.sideLayout.setStretch(0, 3)
        self.sideLayout.setStretch(2, 2)

        self.bodyLayout.addLayout(self.sideLayout)

        self.bodyLayout.setStretch(0, 3)
        self.bodyLayout.setStretch(1, 2)

        self.pageLayout.addLayout(self.bodyLayout)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.reachLabel.setBuddy(self.reachView)
        self.breakdownLabel.setBuddy(self.breakdownCombo)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodCombo, self.figuresTabs)
        QWidget.setTabOrder(self.figuresTabs, self.headlineView)
        QWidget.setTabOrder(self.headlineView, self.reachView)
        QWidget.setTabOrder(self.reachView, self.breakdownCombo)
        QWidget.setTabOrder(self.breakdownCombo, self.breakdownView)
        QWidget.setTabOrder(self.breakdownView, self.checksList)
        QWidget.setTabOrder(self.checksList, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.workbookCheck)
        QWidget.setTabOrder(self.workbookCheck, self.pdfCheck)
        QWidget.setTabOrder(self.pdfCheck, self.publicationCheck)
        QWidget.setTabOrder(self.publicationCheck, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.historyView)

        self.retranslateUi(ReturnsPage)

        self.figuresTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReturnsPage)
    # setupUi

    def retranslateUi(self, ReturnsPage):
        ReturnsPage.setWindowTitle(QCoreApplication.translate("ReturnsPage", u"Returns", None))
#if QT_CONFIG(accessibility)
        ReturnsPage.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Returns", None))
#endif // QT_CONFIG(accessibility)
        self.periodLabel.setText(QCoreApplication.translate("ReturnsPage", u"Return &period:", None))
#if QT_CONFIG(accessibility)
        self.periodCombo.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Return period", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.periodCombo.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"The quarter whose figures, checks and export this page shows", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.periodStatusLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"About this period", None))
#endif // QT_CONFIG(accessibility)
        self.periodStatusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.figuresTabs.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Figures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headlineView.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Headline figures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headlineView.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"The period's headline figures, as the return will show them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.reachLabel.setToolTip(QCoreApplication.translate("ReturnsPage", u"REYS: Resourcing Excellent Youth Services (2002) benchmarks: of the 13 to 19 population, 25% contacted and 15% participating; of participants, 60% with a recorded outcome and 30% with an accredited one. They are yearly figures: a quarter's reach is not comparable with them.", None))
#endif // QT_CONFIG(tooltip)
        self.reachLabel.setText(QCoreApplication.translate("ReturnsPage", u"Reach a&gainst the REYS benchmarks", None))
#if QT_CONFIG(accessibility)
        self.reachView.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Reach against the REYS benchmarks", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reachView.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Young people reached, the rate against the 13-19 population, and the benchmark", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reachNote.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"About the reach figures", None))
#endif // QT_CONFIG(accessibility)
        self.reachNote.setText("")
        self.figuresTabs.setTabText(self.figuresTabs.indexOf(self.headlineTab), QCoreApplication.translate("ReturnsPage", u"Headli&ne figures", None))
        self.breakdownLabel.setText(QCoreApplication.translate("ReturnsPage", u"&Table:", None))
#if QT_CONFIG(accessibility)
        self.breakdownCombo.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Breakdown table", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.breakdownCombo.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Which breakdown of the figures to show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.breakdownView.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Breakdown figures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.breakdownView.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"The figures of the chosen breakdown, one row per category and a total row", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.breakdownNote.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"About this breakdown", None))
#endif // QT_CONFIG(accessibility)
        self.breakdownNote.setText("")
        self.figuresTabs.setTabText(self.figuresTabs.indexOf(self.breakdownTab), QCoreApplication.translate("ReturnsPage", u"&Breakdowns", None))
        self.checksGroup.setTitle(QCoreApplication.translate("ReturnsPage", u"&Checks before export", None))
#if QT_CONFIG(accessibility)
        self.checksSummaryLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Summary of the checks", None))
#endif // QT_CONFIG(accessibility)
        self.checksSummaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.checksList.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Checks before export", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checksList.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"What to fix or look at before exporting, errors first. Press Enter to open the record a check is about.", None))
#endif // QT_CONFIG(accessibility)
        self.checksHintLabel.setText(QCoreApplication.translate("ReturnsPage", u"Double-click a check, or select it and press Enter, to open its record.", None))
        self.exportGroup.setTitle(QCoreApplication.translate("ReturnsPage", u"Export the return", None))
        self.folderLabel.setText(QCoreApplication.translate("ReturnsPage", u"Sa&ve in:", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Folder to save the return in", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"The folder the workbook and the PDF are written to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.chooseButton.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Choose a folder", None))
#endif // QT_CONFIG(accessibility)
        self.chooseButton.setText(QCoreApplication.translate("ReturnsPage", u"Ch&oose\u2026", None))
        self.filesLabel.setText(QCoreApplication.translate("ReturnsPage", u"Files:", None))
#if QT_CONFIG(accessibility)
        self.workbookCheck.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Write the Excel workbook", None))
#endif // QT_CONFIG(accessibility)
        self.workbookCheck.setText(QCoreApplication.translate("ReturnsPage", u"&Workbook (.xlsx)", None))
#if QT_CONFIG(accessibility)
        self.pdfCheck.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Write the PDF", None))
#endif // QT_CONFIG(accessibility)
        self.pdfCheck.setText(QCoreApplication.translate("ReturnsPage", u"P&DF", None))
#if QT_CONFIG(accessibility)
        self.publicationCheck.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Publication copy", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.publicationCheck.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Make the PDF a copy to publish: numbers from 1 to 4 are shown as less than 5", None))
#endif // QT_CONFIG(accessibility)
        self.publicationCheck.setText(QCoreApplication.translate("ReturnsPage", u"P&ublication copy (numbers 1-4 shown as <5)", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Export the return", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("ReturnsPage", u"E&xport return", None))
#if QT_CONFIG(accessibility)
        self.exportReasonLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Why the return cannot be exported", None))
#endif // QT_CONFIG(accessibility)
        self.exportReasonLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"Export result", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
#if QT_CONFIG(accessibility)
        self.openFolderButton.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Open the folder the return was saved in", None))
#endif // QT_CONFIG(accessibility)
        self.openFolderButton.setText(QCoreApplication.translate("ReturnsPage", u"Op&en folder", None))
        self.historyGroup.setTitle(QCoreApplication.translate("ReturnsPage", u"Ear&lier exports", None))
        ___qtreewidgetitem = self.historyView.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ReturnsPage", u"File", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReturnsPage", u"Exported", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReturnsPage", u"Revision", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReturnsPage", u"Period", None))
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleName(QCoreApplication.translate("ReturnsPage", u"Earlier exports", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleDescription(QCoreApplication.translate("ReturnsPage", u"The returns this workspace has exported, newest first", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

