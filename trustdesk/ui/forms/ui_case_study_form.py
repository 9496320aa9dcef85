# generated from forms/case_study_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_study_form.ui'
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
    QVBoxLayout, QWidget)

class Ui_CaseStudyForm(object):
    def setupUi(self, CaseStudyForm):
        if not CaseStudyForm.objectName():
            CaseStudyForm.setObjectName(u"CaseStudyForm")
        self.formLayout = QFormLayout(CaseStudyForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dateLabel = QLabel(CaseStudyForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(CaseStudyForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.titleLabel = QLabel(CaseStudyForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(CaseStudyForm)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.activityLabel = QLabel(CaseStudyForm)
        self.activityLabel.setObjectName(u"activityLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.activityLabel)

        self.activityCombo = QComboBox(CaseStudyForm)
        self.activityCombo.setObjectName(u"activityCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.activityCombo)

        self.outcomesLabel = QLabel(CaseStudyForm)
        self.outcomesLabel.setObjectName(u"outcomesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.outcomesLabel)

        self.outcomesBox = QWidget(CaseStudyForm)
        self.outcomesBox.setObjectName(u"outcomesBox")
        self.outcomesLayout = QVBoxLayout(self.outcomesBox)
        self.outcomesLayout.setObjectName(u"outcomesLayout")
        self.outcomesLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outcomesBox)

        self.narrativeLabel = QLabel(CaseStudyForm)
        self.narrativeLabel.setObjectName(u"narrativeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.narrativeLabel)

        self.narrativeEdit = QPlainTextEdit(CaseStudyForm)
        self.narrativeEdit.setObjectName(u"narrativeEdit")
        self.narrativeEdit.setTabChangesFocus(True)
        self.narrativeEdit.setMinimumSize(QSize(0, 260))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.narrativeEdit)

        self.narrativeHint = QLabel(CaseStudyForm)
        self.narrativeHint.setObjectName(u"narrativeHint")
        self.narrativeHint.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.narrativeHint)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.activityLabel.setBuddy(self.activityCombo)
        self.narrativeLabel.setBuddy(self.narrativeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.activityCombo)
        QWidget.setTabOrder(self.activityCombo, self.narrativeEdit)

        self.retranslateUi(CaseStudyForm)

        QMetaObject.connectSlotsByName(CaseStudyForm)
    # setupUi

    def retranslateUi(self, CaseStudyForm):
#if QT_CONFIG(accessibility)
        CaseStudyForm.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Case study", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("CaseStudyForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CaseStudyForm", u"dd/MM/yyyy", None))
        self.titleLabel.setText(QCoreApplication.translate("CaseStudyForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("CaseStudyForm", u"e.g. First aid at the youth club", None))
        self.activityLabel.setText(QCoreApplication.translate("CaseStudyForm", u"Ac&tivity", None))
#if QT_CONFIG(accessibility)
        self.activityCombo.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Activity the story is about", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.outcomesLabel.setToolTip(QCoreApplication.translate("CaseStudyForm", u"ECM: Every Child Matters: the five outcomes every activity serves (Be healthy, Stay safe, Enjoy and achieve, Make a positive contribution, Achieve economic well-being)", None))
#endif // QT_CONFIG(tooltip)
        self.outcomesLabel.setText(QCoreApplication.translate("CaseStudyForm", u"ECM outcomes", None))
#if QT_CONFIG(accessibility)
        self.outcomesBox.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Every Child Matters outcomes", None))
#endif // QT_CONFIG(accessibility)
        self.narrativeLabel.setText(QCoreApplication.translate("CaseStudyForm", u"&Narrative", None))
#if QT_CONFIG(accessibility)
        self.narrativeEdit.setAccessibleName(QCoreApplication.translate("CaseStudyForm", u"Narrative", None))
#endif // QT_CONFIG(accessibility)
        self.narrativeEdit.setPlaceholderText(QCoreApplication.translate("CaseStudyForm", u"What happened, what the young people did, and what difference it made.", None))
        self.narrativeHint.setText(QCoreApplication.translate("CaseStudyForm", u"Describe young people without names: \"a Year 10 girl\", \"two brothers\".", None))
    # retranslateUi

