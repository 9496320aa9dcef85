# generated from forms/spend_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'spend_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_SpendForm(object):
    def setupUi(self, SpendForm):
        if not SpendForm.objectName():
            SpendForm.setObjectName(u"SpendForm")
        self.formLayout = QFormLayout(SpendForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(SpendForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(SpendForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.amountLabel = QLabel(SpendForm)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(SpendForm)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.purposeLabel = QLabel(SpendForm)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeCombo = QComboBox(SpendForm)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.activityLabel = QLabel(SpendForm)
        self.activityLabel.setObjectName(u"activityLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.activityLabel)

        self.activityCombo = QComboBox(SpendForm)
        self.activityCombo.setObjectName(u"activityCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activityCombo)

        self.noteLabel = QLabel(SpendForm)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(SpendForm)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteEdit)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.amountLabel.setBuddy(self.amountEdit)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.activityLabel.setBuddy(self.activityCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.purposeCombo)
        QWidget.setTabOrder(self.purposeCombo, self.activityCombo)
        QWidget.setTabOrder(self.activityCombo, self.noteEdit)

        self.retranslateUi(SpendForm)

        QMetaObject.connectSlotsByName(SpendForm)
    # setupUi

    def retranslateUi(self, SpendForm):
#if QT_CONFIG(accessibility)
        SpendForm.setAccessibleName(QCoreApplication.translate("SpendForm", u"Payment", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("SpendForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("SpendForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("SpendForm", u"dd/MM/yyyy", None))
        self.amountLabel.setText(QCoreApplication.translate("SpendForm", u"&Amount (\u00a3)", None))
#if QT_CONFIG(accessibility)
        self.amountEdit.setAccessibleName(QCoreApplication.translate("SpendForm", u"Amount in pounds", None))
#endif // QT_CONFIG(accessibility)
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("SpendForm", u"e.g. 12.50", None))
        self.purposeLabel.setText(QCoreApplication.translate("SpendForm", u"&Purpose", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("SpendForm", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.activityLabel.setText(QCoreApplication.translate("SpendForm", u"Ac&tivity", None))
#if QT_CONFIG(accessibility)
        self.activityCombo.setAccessibleName(QCoreApplication.translate("SpendForm", u"Activity the payment was for", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("SpendForm", u"N&ote", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("SpendForm", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("SpendForm", u"What it was for. Do not name the young person.", None))
    # retranslateUi

