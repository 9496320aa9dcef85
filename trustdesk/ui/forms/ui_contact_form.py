# generated from forms/contact_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QWidget)

class Ui_ContactForm(object):
    def setupUi(self, ContactForm):
        if not ContactForm.objectName():
            ContactForm.setObjectName(u"ContactForm")
        self.formLayout = QFormLayout(ContactForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(ContactForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ContactForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.partnerLabel = QLabel(ContactForm)
        self.partnerLabel.setObjectName(u"partnerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.partnerLabel)

        self.partnerCombo = QComboBox(ContactForm)
        self.partnerCombo.setObjectName(u"partnerCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.partnerCombo)

        self.personLabel = QLabel(ContactForm)
        self.personLabel.setObjectName(u"personLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personCombo = QComboBox(ContactForm)
        self.personCombo.setObjectName(u"personCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.personCombo)

        self.methodLabel = QLabel(ContactForm)
        self.methodLabel.setObjectName(u"methodLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(ContactForm)
        self.methodCombo.setObjectName(u"methodCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.summaryLabel = QLabel(ContactForm)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(ContactForm)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.followUpLabel = QLabel(ContactForm)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpBox = QWidget(ContactForm)
        self.followUpBox.setObjectName(u"followUpBox")
        self.followUpLayout = QHBoxLayout(self.followUpBox)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpLayout.setContentsMargins(0, 0, 0, 0)
        self.followUpCheck = QCheckBox(self.followUpBox)
        self.followUpCheck.setObjectName(u"followUpCheck")

        self.followUpLayout.addWidget(self.followUpCheck)

        self.followUpEdit = QDateEdit(self.followUpBox)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setCalendarPopup(True)

        self.followUpLayout.addWidget(self.followUpEdit)

        self.followUpSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followUpLayout.addItem(self.followUpSpacer)


        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.followUpBox)

        self.followUpDoneCheck = QCheckBox(ContactForm)
        self.followUpDoneCheck.setObjectName(u"followUpDoneCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.followUpDoneCheck)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.partnerLabel.setBuddy(self.partnerCombo)
        self.personLabel.setBuddy(self.personCombo)
        self.methodLabel.setBuddy(self.methodCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.partnerCombo)
        QWidget.setTabOrder(self.partnerCombo, self.personCombo)
        QWidget.setTabOrder(self.personCombo, self.methodCombo)
        QWidget.setTabOrder(self.methodCombo, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.followUpCheck)
        QWidget.setTabOrder(self.followUpCheck, self.followUpEdit)
        QWidget.setTabOrder(self.followUpEdit, self.followUpDoneCheck)

        self.retranslateUi(ContactForm)

        QMetaObject.connectSlotsByName(ContactForm)
    # setupUi

    def retranslateUi(self, ContactForm):
#if QT_CONFIG(accessibility)
        ContactForm.setAccessibleName(QCoreApplication.translate("ContactForm", u"Contact", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("ContactForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("ContactForm", u"Date of the contact", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ContactForm", u"dd/MM/yyyy", None))
        self.partnerLabel.setText(QCoreApplication.translate("ContactForm", u"&Partner", None))
#if QT_CONFIG(accessibility)
        self.partnerCombo.setAccessibleName(QCoreApplication.translate("ContactForm", u"Partner", None))
#endif // QT_CONFIG(accessibility)
        self.personLabel.setText(QCoreApplication.translate("ContactForm", u"P&erson", None))
#if QT_CONFIG(accessibility)
        self.personCombo.setAccessibleName(QCoreApplication.translate("ContactForm", u"Contact person at the partner", None))
#endif // QT_CONFIG(accessibility)
        self.methodLabel.setText(QCoreApplication.translate("ContactForm", u"&How", None))
#if QT_CONFIG(accessibility)
        self.methodCombo.setAccessibleName(QCoreApplication.translate("ContactForm", u"How the contact was made", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("ContactForm", u"S&ummary", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("ContactForm", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("ContactForm", u"What was discussed and agreed. Do not name young people.", None))
        self.followUpLabel.setText(QCoreApplication.translate("ContactForm", u"Follow-up", None))
        self.followUpCheck.setText(QCoreApplication.translate("ContactForm", u"&Follow up by", None))
#if QT_CONFIG(accessibility)
        self.followUpCheck.setAccessibleName(QCoreApplication.translate("ContactForm", u"Follow up by a date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followUpEdit.setAccessibleName(QCoreApplication.translate("ContactForm", u"Follow-up date", None))
#endif // QT_CONFIG(accessibility)
        self.followUpEdit.setDisplayFormat(QCoreApplication.translate("ContactForm", u"dd/MM/yyyy", None))
        self.followUpDoneCheck.setText(QCoreApplication.translate("ContactForm", u"Follow-up d&one", None))
#if QT_CONFIG(accessibility)
        self.followUpDoneCheck.setAccessibleName(QCoreApplication.translate("ContactForm", u"Follow-up done", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

