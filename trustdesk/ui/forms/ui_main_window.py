# generated from forms/main_window.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QSpacerItem, QStackedWidget,
    QStatusBar, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1080, 660)
        MainWindow.setMinimumSize(QSize(720, 480))
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.mainLayout = QVBoxLayout(self.centralwidget)
        self.mainLayout.setSpacing(4)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 16)
        self.unitLabel = QLabel(self.centralwidget)
        self.unitLabel.setObjectName(u"unitLabel")
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.unitLabel.setFont(font)
        self.unitLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.unitLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.unitLabel)

        self.workspaceLabel = QLabel(self.centralwidget)
        self.workspaceLabel.setObjectName(u"workspaceLabel")
        self.workspaceLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.workspaceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.workspaceLabel)

        self.headingSpacer = QSpacerItem(20, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.headingSpacer)

        self.contentLayout = QHBoxLayout()
        self.contentLayout.setSpacing(24)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentStack = QStackedWidget(self.centralwidget)
        self.contentStack.setObjectName(u"contentStack")
        self.countsPage = QWidget()
        self.countsPage.setObjectName(u"countsPage")
        self.countsLayout = QVBoxLayout(self.countsPage)
        self.countsLayout.setSpacing(8)
        self.countsLayout.setObjectName(u"countsLayout")
        self.countsLayout.setContentsMargins(0, 0, 0, 0)
        self.countsHeading = QLabel(self.countsPage)
        self.countsHeading.setObjectName(u"countsHeading")

        self.countsLayout.addWidget(self.countsHeading)

        self.countsTable = QTableWidget(self.countsPage)
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
        self.countsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.countsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.countsTable.setShowGrid(False)
        self.countsTable.setWordWrap(False)
        self.countsTable.setCornerButtonEnabled(False)
        self.countsTable.setColumnCount(2)
        self.countsTable.horizontalHeader().setHighlightSections(False)
        self.countsTable.verticalHeader().setVisible(False)

        self.countsLayout.addWidget(self.countsTable)

        self.contentStack.addWidget(self.countsPage)
        self.noWorkspacePage = QWidget()
        self.noWorkspacePage.setObjectName(u"noWorkspacePage")
        self.noWorkspaceLayout = QVBoxLayout(self.noWorkspacePage)
        self.noWorkspaceLayout.setObjectName(u"noWorkspaceLayout")
        self.noWorkspaceLayout.setContentsMargins(0, 0, 0, 0)
        self.helpLabel = QLabel(self.noWorkspacePage)
        self.helpLabel.setObjectName(u"helpLabel")
        self.helpLabel.setTextFormat(Qt.TextFormat.RichText)
        self.helpLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.helpLabel.setWordWrap(True)
        self.helpLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.noWorkspaceLayout.addWidget(self.helpLabel)

        self.noWorkspaceSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noWorkspaceLayout.addItem(self.noWorkspaceSpacer)

        self.contentStack.addWidget(self.noWorkspacePage)

        self.contentLayout.addWidget(self.contentStack)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.noticeFrame = QFrame(self.centralwidget)
        self.noticeFrame.setObjectName(u"noticeFrame")
        self.noticeFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.noticeLayout = QVBoxLayout(self.noticeFrame)
        self.noticeLayout.setSpacing(8)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeLayout.setContentsMargins(16, 14, 16, 16)
        self.noticeTitle = QLabel(self.noticeFrame)
        self.noticeTitle.setObjectName(u"noticeTitle")

        self.noticeLayout.addWidget(self.noticeTitle)

        self.noticeLabel = QLabel(self.noticeFrame)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setTextFormat(Qt.TextFormat.RichText)
        self.noticeLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.noticeLabel.setWordWrap(True)

        self.noticeLayout.addWidget(self.noticeLabel)


        self.sideLayout.addWidget(self.noticeFrame)

        self.sideSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)


        self.contentLayout.addLayout(self.sideLayout)

        self.contentLayout.setStretch(0, 3)
        self.contentLayout.setStretch(1, 2)

        self.mainLayout.addLayout(self.contentLayout)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menubar.setGeometry(QRect(0, 0, 1080, 24))
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.countsHeading.setBuddy(self.countsTable)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionQuit)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        self.contentStack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"TrustDesk", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(statustip)
        self.actionQuit.setStatusTip(QCoreApplication.translate("MainWindow", u"Close TrustDesk", None))
#endif // QT_CONFIG(statustip)
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About TrustDesk", None))
#if QT_CONFIG(statustip)
        self.actionAbout.setStatusTip(QCoreApplication.translate("MainWindow", u"Show the version of TrustDesk", None))
#endif // QT_CONFIG(statustip)
#if QT_CONFIG(accessibility)
        self.unitLabel.setAccessibleName(QCoreApplication.translate("MainWindow", u"Unit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.unitLabel.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"The unit of the trust this workspace belongs to, and its level", None))
#endif // QT_CONFIG(accessibility)
        self.unitLabel.setText(QCoreApplication.translate("MainWindow", u"No workspace open", None))
#if QT_CONFIG(accessibility)
        self.workspaceLabel.setAccessibleName(QCoreApplication.translate("MainWindow", u"Workspace folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.workspaceLabel.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"The folder that holds this workspace's database", None))
#endif // QT_CONFIG(accessibility)
        self.workspaceLabel.setText("")
        self.countsHeading.setText(QCoreApplication.translate("MainWindow", u"&Records in this workspace", None))
        ___qtablewidgetitem = self.countsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MainWindow", u"Record", None))
        ___qtablewidgetitem1 = self.countsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MainWindow", u"Count", None))
#if QT_CONFIG(accessibility)
        self.countsTable.setAccessibleName(QCoreApplication.translate("MainWindow", u"Record counts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countsTable.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"How many records of each kind this workspace holds", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.helpLabel.setAccessibleName(QCoreApplication.translate("MainWindow", u"How to create a workspace", None))
#endif // QT_CONFIG(accessibility)
        self.helpLabel.setText("")
        self.noticeTitle.setText(QCoreApplication.translate("MainWindow", u"What this release does", None))
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleName(QCoreApplication.translate("MainWindow", u"Release notice", None))
#endif // QT_CONFIG(accessibility)
        self.noticeLabel.setText(QCoreApplication.translate("MainWindow", u"<p>Record partners and their contact people, contacts with partners, what young people said and what changed, case studies and small-budget spending on the tabs above, and export the quarter's return on the Returns tab. Activities and registers, young people, meetings and actions and the dashboard are coming next.</p>\n"
"<p>Until then, the trustdesk command line works with your workspace: <nobr><code>trustdesk --help</code></nobr> shows what it can do.</p>", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
#if QT_CONFIG(accessibility)
        self.statusbar.setAccessibleName(QCoreApplication.translate("MainWindow", u"Status bar", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

