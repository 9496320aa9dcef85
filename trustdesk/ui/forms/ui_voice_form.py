# generated from forms/voice_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'voice_form.ui'
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
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QWidget)

class Ui_VoiceForm(object):
    def setupUi(self, VoiceForm):
        if not VoiceForm.objectName():
            VoiceForm.setObjectName(u"VoiceForm")
        self.formLayout = QFormLayout(VoiceForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(VoiceForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(VoiceForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.methodLabel = QLabel(VoiceForm)
        self.methodLabel.setObjectName(u"methodLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(VoiceForm)
        self.methodCombo.setObjectName(u"methodCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.whoLabel = QLabel(VoiceForm)
        self.whoLabel.setObjectName(u"whoLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whoLabel)

        self.whoEdit = QLineEdit(VoiceForm)
        self.whoEdit.setObjectName(u"whoEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.whoEdit)

        self.groupSizeLabel = QLabel(VoiceForm)
        self.groupSizeLabel.setObjectName(u"groupSizeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.groupSizeLabel)

        self.groupSizeSpin = QSpinBox(VoiceForm)
        self.groupSizeSpin.setObjectName(u"groupSizeSpin")
        self.groupSizeSpin.setMaximum(9999)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.groupSizeSpin)

        self.activityLabel = QLabel(VoiceForm)
        self.activityLabel.setObjectName(u"activityLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.activityLabel)

        self.activityCombo = QComboBox(VoiceForm)
        self.activityCombo.setObjectName(u"activityCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.activityCombo)

        self.saidLabel = QLabel(VoiceForm)
        self.saidLabel.setObjectName(u"saidLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.saidLabel)

        self.saidEdit = QPlainTextEdit(VoiceForm)
        self.saidEdit.setObjectName(u"saidEdit")
        self.saidEdit.setTabChangesFocus(True)
        self.saidEdit.setMinimumSize(QSize(0, 120))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.saidEdit)

        self.changeLabel = QLabel(VoiceForm)
        self.changeLabel.setObjectName(u"changeLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.changeLabel)

        self.changeEdit = QPlainTextEdit(VoiceForm)
        self.changeEdit.setObjectName(u"changeEdit")
        self.changeEdit.setTabChangesFocus(True)
        self.changeEdit.setMinimumSize(QSize(0, 100))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.changeEdit)

        self.changeDateCheck = QCheckBox(VoiceForm)
        self.changeDateCheck.setObjectName(u"changeDateCheck")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.changeDateCheck)

        self.changeDateEdit = QDateEdit(VoiceForm)
        self.changeDateEdit.setObjectName(u"changeDateEdit")
        self.changeDateEdit.setCalendarPopup(True)
        self.changeDateEdit.setEnabled(False)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.changeDateEdit)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.methodLabel.setBuddy(self.methodCombo)
        self.whoLabel.setBuddy(self.whoEdit)
        self.groupSizeLabel.setBuddy(self.groupSizeSpin)
        self.activityLabel.setBuddy(self.activityCombo)
        self.saidLabel.setBuddy(self.saidEdit)
        self.changeLabel.setBuddy(self.changeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.methodCombo)
        QWidget.setTabOrder(self.methodCombo, self.whoEdit)
        QWidget.setTabOrder(self.whoEdit, self.groupSizeSpin)
        QWidget.setTabOrder(self.groupSizeSpin, self.activityCombo)
        QWidget.setTabOrder(self.activityCombo, self.saidEdit)
        QWidget.setTabOrder(self.saidEdit, self.changeEdit)
        QWidget.setTabOrder(self.changeEdit, self.changeDateCheck)
        QWidget.setTabOrder(self.changeDateCheck, self.changeDateEdit)

        self.retranslateUi(VoiceForm)

        QMetaObject.connectSlotsByName(VoiceForm)
    # setupUi

    def retranslateUi(self, VoiceForm):
#if QT_CONFIG(accessibility)
        VoiceForm.setAccessibleName(QCoreApplication.translate("VoiceForm", u"Voice entry", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("VoiceForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("VoiceForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("VoiceForm", u"dd/MM/yyyy", None))
        self.methodLabel.setText(QCoreApplication.translate("VoiceForm", u"&How", None))
#if QT_CONFIG(accessibility)
        self.methodCombo.setAccessibleName(QCoreApplication.translate("VoiceForm", u"How they were heard", None))
#endif // QT_CONFIG(accessibility)
        self.whoLabel.setText(QCoreApplication.translate("VoiceForm", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.whoEdit.setAccessibleName(QCoreApplication.translate("VoiceForm", u"Who said it", None))
#endif // QT_CONFIG(accessibility)
        self.whoEdit.setPlaceholderText(QCoreApplication.translate("VoiceForm", u"e.g. Year 9 group \u2014 never a name", None))
        self.groupSizeLabel.setText(QCoreApplication.translate("VoiceForm", u"&Group size", None))
#if QT_CONFIG(accessibility)
        self.groupSizeSpin.setAccessibleName(QCoreApplication.translate("VoiceForm", u"How many young people", None))
#endif // QT_CONFIG(accessibility)
        self.groupSizeSpin.setSpecialValueText(QCoreApplication.translate("VoiceForm", u"Not known", None))
        self.activityLabel.setText(QCoreApplication.translate("VoiceForm", u"Ac&tivity", None))
#if QT_CONFIG(accessibility)
        self.activityCombo.setAccessibleName(QCoreApplication.translate("VoiceForm", u"Activity it came from", None))
#endif // QT_CONFIG(accessibility)
        self.saidLabel.setText(QCoreApplication.translate("VoiceForm", u"What they &said", None))
#if QT_CONFIG(accessibility)
        self.saidEdit.setAccessibleName(QCoreApplication.translate("VoiceForm", u"What they said", None))
#endif // QT_CONFIG(accessibility)
        self.saidEdit.setPlaceholderText(QCoreApplication.translate("VoiceForm", u"What young people said, in their words where you can.", None))
        self.changeLabel.setText(QCoreApplication.translate("VoiceForm", u"What &changed\n"
"because of it", None))
#if QT_CONFIG(accessibility)
        self.changeEdit.setAccessibleName(QCoreApplication.translate("VoiceForm", u"What changed because of it", None))
#endif // QT_CONFIG(accessibility)
        self.changeEdit.setPlaceholderText(QCoreApplication.translate("VoiceForm", u"What was done differently because of what they said (leave empty if nothing yet).", None))
        self.changeDateCheck.setText(QCoreApplication.translate("VoiceForm", u"Date of the c&hange", None))
#if QT_CONFIG(accessibility)
        self.changeDateCheck.setAccessibleName(QCoreApplication.translate("VoiceForm", u"The date of the change is known", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.changeDateEdit.setAccessibleName(QCoreApplication.translate("VoiceForm", u"Date of the change", None))
#endif // QT_CONFIG(accessibility)
        self.changeDateEdit.setDisplayFormat(QCoreApplication.translate("VoiceForm", u"dd/MM/yyyy", None))
    # retranslateUi

