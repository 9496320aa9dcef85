# generated from forms/partner_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'partner_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_PartnerForm(object):
    def setupUi(self, PartnerForm):
        if not PartnerForm.objectName():
            PartnerForm.setObjectName(u"PartnerForm")
        self.formLayout = QFormLayout(PartnerForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(PartnerForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PartnerForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.typeLabel = QLabel(PartnerForm)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(PartnerForm)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.addressLabel = QLabel(PartnerForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(PartnerForm)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 80))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.notesLabel = QLabel(PartnerForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(PartnerForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 100))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.activeCheck = QCheckBox(PartnerForm)
        self.activeCheck.setObjectName(u"activeCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.activeCheck)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.activeCheck)

        self.retranslateUi(PartnerForm)

        QMetaObject.connectSlotsByName(PartnerForm)
    # setupUi

    def retranslateUi(self, PartnerForm):
#if QT_CONFIG(accessibility)
        PartnerForm.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Partner", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("PartnerForm", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Partner name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("PartnerForm", u"e.g. Burntwood Youth Club", None))
        self.typeLabel.setText(QCoreApplication.translate("PartnerForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Partner type", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("PartnerForm", u"A&ddress", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("PartnerForm", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.activeCheck.setText(QCoreApplication.translate("PartnerForm", u"A&ctive (still working with us)", None))
#if QT_CONFIG(accessibility)
        self.activeCheck.setAccessibleName(QCoreApplication.translate("PartnerForm", u"Active partner", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

