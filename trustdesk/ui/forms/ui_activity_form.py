# generated from forms/activity_form.ui by pyside6-uic — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_form.ui'
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
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActivityForm(object):
    def setupUi(self, ActivityForm):
        if not ActivityForm.objectName():
            ActivityForm.setObjectName(u"ActivityForm")
        self.activityLayout = QVBoxLayout(ActivityForm)
        self.activityLayout.setObjectName(u"activityLayout")
        self.activityLayout.setContentsMargins(0, 0, 0, 0)
        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleLabel = QLabel(ActivityForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ActivityForm)
        self.titleEdit.setObjectName(u"titleEdit")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoryLabel = QLabel(ActivityForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(ActivityForm)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.startLabel = QLabel(ActivityForm)
        self.startLabel.setObjectName(u"startLabel")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateEdit(ActivityForm)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(ActivityForm)
        self.endLabel.setObjectName(u"endLabel")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endBox = QWidget(ActivityForm)
        self.endBox.setObjectName(u"endBox")
        self.endLayout = QHBoxLayout(self.endBox)
        self.endLayout.setObjectName(u"endLayout")
        self.endLayout.setContentsMargins(0, 0, 0, 0)
        self.endCheck = QCheckBox(self.endBox)
        self.endCheck.setObjectName(u"endCheck")

        self.endLayout.addWidget(self.endCheck)

        self.endEdit = QDateEdit(self.endBox)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.endLayout.addWidget(self.endEdit)

        self.endSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endLayout.addItem(self.endSpacer)


        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endBox)

        self.venueLabel = QLabel(ActivityForm)
        self.venueLabel.setObjectName(u"venueLabel")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(ActivityForm)
        self.venueEdit.setObjectName(u"venueEdit")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.leadLabel = QLabel(ActivityForm)
        self.leadLabel.setObjectName(u"leadLabel")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(ActivityForm)
        self.leadCombo.setObjectName(u"leadCombo")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.outcomesLabel = QLabel(ActivityForm)
        self.outcomesLabel.setObjectName(u"outcomesLabel")

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outcomesLabel)

        self.outcomesBox = QWidget(ActivityForm)
        self.outcomesBox.setObjectName(u"outcomesBox")
        self.outcomesLayout = QVBoxLayout(self.outcomesBox)
        self.outcomesLayout.setSpacing(2)
        self.outcomesLayout.setObjectName(u"outcomesLayout")
        self.outcomesLayout.setContentsMargins(0, 0, 0, 0)

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outcomesBox)

        self.descriptionLabel = QLabel(ActivityForm)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ActivityForm)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.activityLayout.addLayout(self.fieldsLayout)

        self.sessionsBox = QGroupBox(ActivityForm)
        self.sessionsBox.setObjectName(u"sessionsBox")
        self.sessionsLayout = QVBoxLayout(self.sessionsBox)
        self.sessionsLayout.setObjectName(u"sessionsLayout")
        self.sessionsNote = QLabel(self.sessionsBox)
        self.sessionsNote.setObjectName(u"sessionsNote")
        self.sessionsNote.setWordWrap(True)

        self.sessionsLayout.addWidget(self.sessionsNote)

        self.sessionButtons = QGridLayout()
        self.sessionButtons.setObjectName(u"sessionButtons")
        self.addSessionButton = QPushButton(self.sessionsBox)
        self.addSessionButton.setObjectName(u"addSessionButton")

        self.sessionButtons.addWidget(self.addSessionButton, 0, 0, 1, 1)

        self.addWeeklyButton = QPushButton(self.sessionsBox)
        self.addWeeklyButton.setObjectName(u"addWeeklyButton")

        self.sessionButtons.addWidget(self.addWeeklyButton, 0, 1, 1, 1)

        self.editSessionButton = QPushButton(self.sessionsBox)
        self.editSessionButton.setObjectName(u"editSessionButton")

        self.sessionButtons.addWidget(self.editSessionButton, 1, 0, 1, 1)

        self.deleteSessionButton = QPushButton(self.sessionsBox)
        self.deleteSessionButton.setObjectName(u"deleteSessionButton")

        self.sessionButtons.addWidget(self.deleteSessionButton, 1, 1, 1, 1)


        self.sessionsLayout.addLayout(self.sessionButtons)


        self.activityLayout.addWidget(self.sessionsBox)

        self.contributionsBox = QGroupBox(ActivityForm)
        self.contributionsBox.setObjectName(u"contributionsBox")
        self.contributionsLayout = QVBoxLayout(self.contributionsBox)
        self.contributionsLayout.setObjectName(u"contributionsLayout")
        self.contributionButtons = QHBoxLayout()
        self.contributionButtons.setObjectName(u"contributionButtons")
        self.addContributionButton = QPushButton(self.contributionsBox)
        self.addContributionButton.setObjectName(u"addContributionButton")

        self.contributionButtons.addWidget(self.addContributionButton)

        self.deleteContributionButton = QPushButton(self.contributionsBox)
        self.deleteContributionButton.setObjectName(u"deleteContributionButton")

        self.contributionButtons.addWidget(self.deleteContributionButton)

        self.contributionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contributionButtons.addItem(self.contributionSpacer)


        self.contributionsLayout.addLayout(self.contributionButtons)


        self.activityLayout.addWidget(self.contributionsBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.leadLabel.setBuddy(self.leadCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endCheck)
        QWidget.setTabOrder(self.endCheck, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.addSessionButton)
        QWidget.setTabOrder(self.addSessionButton, self.addWeeklyButton)
        QWidget.setTabOrder(self.addWeeklyButton, self.editSessionButton)
        QWidget.setTabOrder(self.editSessionButton, self.deleteSessionButton)
        QWidget.setTabOrder(self.deleteSessionButton, self.addContributionButton)
        QWidget.setTabOrder(self.addContributionButton, self.deleteContributionButton)

        self.retranslateUi(ActivityForm)

        QMetaObject.connectSlotsByName(ActivityForm)
    # setupUi

    def retranslateUi(self, ActivityForm):
#if QT_CONFIG(accessibility)
        ActivityForm.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Activity", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("ActivityForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"e.g. Summer street dance", None))
        self.categoryLabel.setText(QCoreApplication.translate("ActivityForm", u"&Category", None))
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Category", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("ActivityForm", u"&From", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.startEdit.setDisplayFormat(QCoreApplication.translate("ActivityForm", u"dd/MM/yyyy", None))
        self.endLabel.setText(QCoreApplication.translate("ActivityForm", u"Ends", None))
        self.endCheck.setText(QCoreApplication.translate("ActivityForm", u"&Until", None))
#if QT_CONFIG(accessibility)
        self.endCheck.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Has an end date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("ActivityForm", u"End date", None))
#endif // QT_CONFIG(accessibility)
        self.endEdit.setDisplayFormat(QCoreApplication.translate("ActivityForm", u"dd/MM/yyyy", None))
        self.venueLabel.setText(QCoreApplication.translate("ActivityForm", u"&Venue", None))
#if QT_CONFIG(accessibility)
        self.venueEdit.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"e.g. Burntwood Leisure Centre", None))
        self.leadLabel.setText(QCoreApplication.translate("ActivityForm", u"&Lead partner", None))
#if QT_CONFIG(accessibility)
        self.leadCombo.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Lead partner", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.outcomesLabel.setToolTip(QCoreApplication.translate("ActivityForm", u"ECM: Every Child Matters: the five outcomes every activity serves (Be healthy, Stay safe, Enjoy and achieve, Make a positive contribution, Achieve economic well-being)", None))
#endif // QT_CONFIG(tooltip)
        self.outcomesLabel.setText(QCoreApplication.translate("ActivityForm", u"ECM outcomes", None))
#if QT_CONFIG(accessibility)
        self.outcomesBox.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Every Child Matters outcomes it serves", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("ActivityForm", u"Descri&ption", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"What happens, who it is for, and how young people get there.", None))
        self.sessionsBox.setTitle(QCoreApplication.translate("ActivityForm", u"Sessions", None))
        self.sessionsNote.setText(QCoreApplication.translate("ActivityForm", u"Save the activity first, then add its sessions.", None))
        self.addSessionButton.setText(QCoreApplication.translate("ActivityForm", u"&Add session\u2026", None))
#if QT_CONFIG(accessibility)
        self.addSessionButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Add a session", None))
#endif // QT_CONFIG(accessibility)
        self.addWeeklyButton.setText(QCoreApplication.translate("ActivityForm", u"Add &weekly sessions\u2026", None))
#if QT_CONFIG(accessibility)
        self.addWeeklyButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Add the same session every week", None))
#endif // QT_CONFIG(accessibility)
        self.editSessionButton.setText(QCoreApplication.translate("ActivityForm", u"&Edit session\u2026", None))
#if QT_CONFIG(accessibility)
        self.editSessionButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Edit the selected session", None))
#endif // QT_CONFIG(accessibility)
        self.deleteSessionButton.setText(QCoreApplication.translate("ActivityForm", u"Delete sess&ion\u2026", None))
#if QT_CONFIG(accessibility)
        self.deleteSessionButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Delete the selected session", None))
#endif // QT_CONFIG(accessibility)
        self.contributionsBox.setTitle(QCoreApplication.translate("ActivityForm", u"Partner contributions", None))
        self.addContributionButton.setText(QCoreApplication.translate("ActivityForm", u"Add contri&bution\u2026", None))
#if QT_CONFIG(accessibility)
        self.addContributionButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Add what a partner contributed", None))
#endif // QT_CONFIG(accessibility)
        self.deleteContributionButton.setText(QCoreApplication.translate("ActivityForm", u"Delete c&ontribution\u2026", None))
#if QT_CONFIG(accessibility)
        self.deleteContributionButton.setAccessibleName(QCoreApplication.translate("ActivityForm", u"Delete the selected contribution", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

