# generated from forms/review_dialog.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReviewDialog(object):
    def setupUi(self, ReviewDialog):
        if not ReviewDialog.objectName():
            ReviewDialog.setObjectName(u"ReviewDialog")
        self.dialogLayout = QVBoxLayout(ReviewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.actionLabel = QLabel(ReviewDialog)
        self.actionLabel.setObjectName(u"actionLabel")
        self.actionLabel.setMinimumSize(QSize(360, 0))
        self.actionLabel.setWordWrap(True)
        self.actionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.actionLabel)

        self.decisionBox = QGroupBox(ReviewDialog)
        self.decisionBox.setObjectName(u"decisionBox")
        self.decisionLayout = QVBoxLayout(self.decisionBox)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.doneRadio = QRadioButton(self.decisionBox)
        self.doneRadio.setObjectName(u"doneRadio")

        self.decisionLayout.addWidget(self.doneRadio)

        self.droppedRadio = QRadioButton(self.decisionBox)
        self.droppedRadio.setObjectName(u"droppedRadio")

        self.decisionLayout.addWidget(self.droppedRadio)

        self.openRadio = QRadioButton(self.decisionBox)
        self.openRadio.setObjectName(u"openRadio")
        self.openRadio.setChecked(True)

        self.decisionLayout.addWidget(self.openRadio)


        self.dialogLayout.addWidget(self.decisionBox)

        self.noteLayout = QFormLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteLabel = QLabel(ReviewDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.noteLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(ReviewDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.dialogLayout.addLayout(self.noteLayout)

        self.formProblem = QLabel(ReviewDialog)
        self.formProblem.setObjectName(u"formProblem")
        self.formProblem.setWordWrap(True)

        self.dialogLayout.addWidget(self.formProblem)

        self.buttonBox = QDialogButtonBox(ReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.doneRadio, self.droppedRadio)
        QWidget.setTabOrder(self.droppedRadio, self.openRadio)
        QWidget.setTabOrder(self.openRadio, self.noteEdit)

        self.retranslateUi(ReviewDialog)

        QMetaObject.connectSlotsByName(ReviewDialog)
    # setupUi

    def retranslateUi(self, ReviewDialog):
        ReviewDialog.setWindowTitle(QCoreApplication.translate("ReviewDialog", u"Review an action", None))
#if QT_CONFIG(accessibility)
        ReviewDialog.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Review an action from an earlier meeting", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionLabel.setAccessibleDescription(QCoreApplication.translate("ReviewDialog", u"The action being reviewed", None))
#endif // QT_CONFIG(accessibility)
        self.decisionBox.setTitle(QCoreApplication.translate("ReviewDialog", u"What this meeting found", None))
#if QT_CONFIG(accessibility)
        self.decisionBox.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"What this meeting found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.doneRadio.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Done", None))
#endif // QT_CONFIG(accessibility)
        self.doneRadio.setText(QCoreApplication.translate("ReviewDialog", u"&Done", None))
#if QT_CONFIG(accessibility)
        self.droppedRadio.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Dropped: no longer needed", None))
#endif // QT_CONFIG(accessibility)
        self.droppedRadio.setText(QCoreApplication.translate("ReviewDialog", u"D&ropped (no longer needed)", None))
#if QT_CONFIG(accessibility)
        self.openRadio.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Still open: carried forward to the next meeting", None))
#endif // QT_CONFIG(accessibility)
        self.openRadio.setText(QCoreApplication.translate("ReviewDialog", u"&Still open (carried forward)", None))
        self.noteLabel.setText(QCoreApplication.translate("ReviewDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Note on the review", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ReviewDialog", u"e.g. Waiting for the venue to confirm", None))
#if QT_CONFIG(accessibility)
        self.formProblem.setAccessibleDescription(QCoreApplication.translate("ReviewDialog", u"Problem with the review", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

