# generated from forms/young_person_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'young_person_form.ui'
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
    QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QWidget)

class Ui_YoungPersonForm(object):
    def setupUi(self, YoungPersonForm):
        if not YoungPersonForm.objectName():
            YoungPersonForm.setObjectName(u"YoungPersonForm")
        self.formLayout = QFormLayout(YoungPersonForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.firstNameLabel = QLabel(YoungPersonForm)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(YoungPersonForm)
        self.firstNameEdit.setObjectName(u"firstNameEdit")
        self.firstNameEdit.setMaxLength(100)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(YoungPersonForm)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(YoungPersonForm)
        self.lastNameEdit.setObjectName(u"lastNameEdit")
        self.lastNameEdit.setMaxLength(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.localRefLabel = QLabel(YoungPersonForm)
        self.localRefLabel.setObjectName(u"localRefLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.localRefLabel)

        self.localRefEdit = QLineEdit(YoungPersonForm)
        self.localRefEdit.setObjectName(u"localRefEdit")
        self.localRefEdit.setMaxLength(40)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.localRefEdit)

        self.birthLabel = QLabel(YoungPersonForm)
        self.birthLabel.setObjectName(u"birthLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthLabel)

        self.birthBox = QWidget(YoungPersonForm)
        self.birthBox.setObjectName(u"birthBox")
        self.birthBoxLayout = QHBoxLayout(self.birthBox)
        self.birthBoxLayout.setObjectName(u"birthBoxLayout")
        self.birthBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.birthDateEdit = QDateEdit(self.birthBox)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setCalendarPopup(True)

        self.birthBoxLayout.addWidget(self.birthDateEdit)

        self.birthUnknownCheck = QCheckBox(self.birthBox)
        self.birthUnknownCheck.setObjectName(u"birthUnknownCheck")

        self.birthBoxLayout.addWidget(self.birthUnknownCheck)

        self.birthBoxSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.birthBoxLayout.addItem(self.birthBoxSpacer)


        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthBox)

        self.ageBandLabel = QLabel(YoungPersonForm)
        self.ageBandLabel.setObjectName(u"ageBandLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ageBandLabel)

        self.ageBandCombo = QComboBox(YoungPersonForm)
        self.ageBandCombo.setObjectName(u"ageBandCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ageBandCombo)

        self.genderLabel = QLabel(YoungPersonForm)
        self.genderLabel.setObjectName(u"genderLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderCombo = QComboBox(YoungPersonForm)
        self.genderCombo.setObjectName(u"genderCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.ethnicityLabel = QLabel(YoungPersonForm)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityCombo = QComboBox(YoungPersonForm)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ethnicityCombo)

        self.needsBox = QWidget(YoungPersonForm)
        self.needsBox.setObjectName(u"needsBox")
        self.needsBoxLayout = QGridLayout(self.needsBox)
        self.needsBoxLayout.setObjectName(u"needsBoxLayout")
        self.needsBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.disabilityCheck = QCheckBox(self.needsBox)
        self.disabilityCheck.setObjectName(u"disabilityCheck")

        self.needsBoxLayout.addWidget(self.disabilityCheck, 0, 0, 1, 1)

        self.lookedAfterCheck = QCheckBox(self.needsBox)
        self.lookedAfterCheck.setObjectName(u"lookedAfterCheck")

        self.needsBoxLayout.addWidget(self.lookedAfterCheck, 0, 1, 1, 1)

        self.youngCarerCheck = QCheckBox(self.needsBox)
        self.youngCarerCheck.setObjectName(u"youngCarerCheck")

        self.needsBoxLayout.addWidget(self.youngCarerCheck, 1, 0, 1, 1)

        self.teenageParentCheck = QCheckBox(self.needsBox)
        self.teenageParentCheck.setObjectName(u"teenageParentCheck")

        self.needsBoxLayout.addWidget(self.teenageParentCheck, 1, 1, 1, 1)

        self.needsBoxSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.needsBoxLayout.addItem(self.needsBoxSpacer, 0, 2, 1, 1)


        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.needsBox)

        self.postcodeLabel = QLabel(YoungPersonForm)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeEdit = QLineEdit(YoungPersonForm)
        self.postcodeEdit.setObjectName(u"postcodeEdit")
        self.postcodeEdit.setMaxLength(10)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)

        self.privacyNote = QLabel(YoungPersonForm)
        self.privacyNote.setObjectName(u"privacyNote")
        self.privacyNote.setWordWrap(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.privacyNote)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.localRefLabel.setBuddy(self.localRefEdit)
        self.birthLabel.setBuddy(self.birthDateEdit)
        self.ageBandLabel.setBuddy(self.ageBandCombo)
        self.genderLabel.setBuddy(self.genderCombo)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.postcodeLabel.setBuddy(self.postcodeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.localRefEdit)
        QWidget.setTabOrder(self.localRefEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.birthUnknownCheck)
        QWidget.setTabOrder(self.birthUnknownCheck, self.ageBandCombo)
        QWidget.setTabOrder(self.ageBandCombo, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.disabilityCheck)
        QWidget.setTabOrder(self.disabilityCheck, self.lookedAfterCheck)
        QWidget.setTabOrder(self.lookedAfterCheck, self.youngCarerCheck)
        QWidget.setTabOrder(self.youngCarerCheck, self.teenageParentCheck)
        QWidget.setTabOrder(self.teenageParentCheck, self.postcodeEdit)

        self.retranslateUi(YoungPersonForm)

        QMetaObject.connectSlotsByName(YoungPersonForm)
    # setupUi

    def retranslateUi(self, YoungPersonForm):
#if QT_CONFIG(accessibility)
        YoungPersonForm.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Young person", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameLabel.setText(QCoreApplication.translate("YoungPersonForm", u"First na&me", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("YoungPersonForm", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.localRefLabel.setText(QCoreApplication.translate("YoungPersonForm", u"Lo&cal reference", None))
#if QT_CONFIG(accessibility)
        self.localRefEdit.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Local reference", None))
#endif // QT_CONFIG(accessibility)
        self.localRefEdit.setPlaceholderText(QCoreApplication.translate("YoungPersonForm", u"e.g. BUR-00123 (use it instead of a name if you prefer)", None))
        self.birthLabel.setText(QCoreApplication.translate("YoungPersonForm", u"Date of &birth", None))
#if QT_CONFIG(accessibility)
        self.birthDateEdit.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.birthDateEdit.setDisplayFormat(QCoreApplication.translate("YoungPersonForm", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.birthUnknownCheck.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Date of birth not known: give an age band", None))
#endif // QT_CONFIG(accessibility)
        self.birthUnknownCheck.setText(QCoreApplication.translate("YoungPersonForm", u"Not kno&wn", None))
        self.ageBandLabel.setText(QCoreApplication.translate("YoungPersonForm", u"&Age band", None))
#if QT_CONFIG(accessibility)
        self.ageBandCombo.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Age band, when the date of birth is not known", None))
#endif // QT_CONFIG(accessibility)
        self.genderLabel.setText(QCoreApplication.translate("YoungPersonForm", u"Gender", None))
#if QT_CONFIG(accessibility)
        self.genderCombo.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Gender", None))
#endif // QT_CONFIG(accessibility)
        self.ethnicityLabel.setText(QCoreApplication.translate("YoungPersonForm", u"E&thnicity", None))
#if QT_CONFIG(accessibility)
        self.ethnicityCombo.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Ethnic group", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.disabilityCheck.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Has a disability", None))
#endif // QT_CONFIG(accessibility)
        self.disabilityCheck.setText(QCoreApplication.translate("YoungPersonForm", u"D&isability", None))
#if QT_CONFIG(accessibility)
        self.lookedAfterCheck.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Looked after by the local authority", None))
#endif // QT_CONFIG(accessibility)
        self.lookedAfterCheck.setText(QCoreApplication.translate("YoungPersonForm", u"Loo&ked after", None))
#if QT_CONFIG(accessibility)
        self.youngCarerCheck.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Young carer", None))
#endif // QT_CONFIG(accessibility)
        self.youngCarerCheck.setText(QCoreApplication.translate("YoungPersonForm", u"&Young carer", None))
#if QT_CONFIG(tooltip)
        self.teenageParentCheck.setToolTip(QCoreApplication.translate("YoungPersonForm", u"A young mother or father, or expecting a baby. Returns count teenage parents as a group, never by name.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.teenageParentCheck.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Teenage parent", None))
#endif // QT_CONFIG(accessibility)
        self.teenageParentCheck.setText(QCoreApplication.translate("YoungPersonForm", u"Teenage pa&rent", None))
        self.postcodeLabel.setText(QCoreApplication.translate("YoungPersonForm", u"&Postcode district", None))
#if QT_CONFIG(accessibility)
        self.postcodeEdit.setAccessibleName(QCoreApplication.translate("YoungPersonForm", u"Postcode district", None))
#endif // QT_CONFIG(accessibility)
        self.postcodeEdit.setPlaceholderText(QCoreApplication.translate("YoungPersonForm", u"e.g. WS7 \u2014 never the full postcode", None))
        self.privacyNote.setText(QCoreApplication.translate("YoungPersonForm", u"Only the postcode district is kept; nothing identifying leaves this laptop in a return.", None))
    # retranslateUi

