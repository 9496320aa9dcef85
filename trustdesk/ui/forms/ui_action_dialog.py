# generated from forms/action_dialog.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        self.dialogLayout = QVBoxLayout(ActionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.textLabel = QLabel(ActionDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QLineEdit(ActionDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setMinimumSize(QSize(360, 0))

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.ownerLabel = QLabel(ActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(ActionDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.ownerPartnerLabel = QLabel(ActionDialog)
        self.ownerPartnerLabel.setObjectName(u"ownerPartnerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerPartnerLabel)

        self.ownerPartnerCombo = QComboBox(ActionDialog)
        self.ownerPartnerCombo.setObjectName(u"ownerPartnerCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerPartnerCombo)

        self.dueCheck = QCheckBox(ActionDialog)
        self.dueCheck.setObjectName(u"dueCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueCheck)

        self.dueEdit = QDateEdit(ActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.statusLabel = QLabel(ActionDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ActionDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.closedLabel = QLabel(ActionDialog)
        self.closedLabel.setObjectName(u"closedLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedEdit = QDateEdit(ActionDialog)
        self.closedEdit.setObjectName(u"closedEdit")
        self.closedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.closedEdit)

        self.closedNote = QLabel(ActionDialog)
        self.closedNote.setObjectName(u"closedNote")
        self.closedNote.setWordWrap(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.closedNote)


        self.dialogLayout.addLayout(self.formLayout)

        self.formProblem = QLabel(ActionDialog)
        self.formProblem.setObjectName(u"formProblem")
        self.formProblem.setWordWrap(True)

        self.dialogLayout.addWidget(self.formProblem)

        self.buttonBox = QDialogButtonBox(ActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.textEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.ownerPartnerLabel.setBuddy(self.ownerPartnerCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.closedLabel.setBuddy(self.closedEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.textEdit, self.ownerEdit)
        QWidget.setTabOrder(self.ownerEdit, self.ownerPartnerCombo)
        QWidget.setTabOrder(self.ownerPartnerCombo, self.dueCheck)
        QWidget.setTabOrder(self.dueCheck, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.closedEdit)

        self.retranslateUi(ActionDialog)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Action agreed at the meeting", None))
#if QT_CONFIG(accessibility)
        ActionDialog.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Action agreed at the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("ActionDialog", u"&Action", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"What was agreed", None))
#endif // QT_CONFIG(accessibility)
        self.textEdit.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"e.g. Draft a joint risk assessment for the fun day", None))
        self.ownerLabel.setText(QCoreApplication.translate("ActionDialog", u"&Owner", None))
#if QT_CONFIG(accessibility)
        self.ownerEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Who will do it", None))
#endif // QT_CONFIG(accessibility)
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"A named person, e.g. Sarah Cooper (Youth Service)", None))
        self.ownerPartnerLabel.setText(QCoreApplication.translate("ActionDialog", u"Owner's o&rganisation", None))
#if QT_CONFIG(accessibility)
        self.ownerPartnerCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"The owner's partner organisation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dueCheck.setAccessibleName(QCoreApplication.translate("ActionDialog", u"The action has a due date", None))
#endif // QT_CONFIG(accessibility)
        self.dueCheck.setText(QCoreApplication.translate("ActionDialog", u"&Due by", None))
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Due date", None))
#endif // QT_CONFIG(accessibility)
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
        self.statusLabel.setText(QCoreApplication.translate("ActionDialog", u"&Status", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Status of the action", None))
#endif // QT_CONFIG(accessibility)
        self.closedLabel.setText(QCoreApplication.translate("ActionDialog", u"Done or dropped &on", None))
#if QT_CONFIG(accessibility)
        self.closedEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"The day the action was done or dropped", None))
#endif // QT_CONFIG(accessibility)
        self.closedEdit.setDisplayFormat(QCoreApplication.translate("ActionDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.formProblem.setAccessibleDescription(QCoreApplication.translate("ActionDialog", u"Problem with the action", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

