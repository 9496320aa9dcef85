"""The whole data model of a workspace. Importing this package registers every table."""

from trustdesk.store.models.activities import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    PartnerContribution,
)
from trustdesk.store.models.audit import AuditEntry
from trustdesk.store.models.base import key, saved_id, table_of, utc_now
from trustdesk.store.models.evidence import CaseStudy, CaseStudyOutcome, Spend, VoiceEntry
from trustdesk.store.models.meetings import ActionReview, Meeting, MeetingAction, MeetingAttendance
from trustdesk.store.models.partners import ContactLogEntry, Partner, PartnerContact
from trustdesk.store.models.people import Attendance, Headcount, RecordedOutcome, YoungPerson
from trustdesk.store.models.returns import (
    ReturnConstituent,
    ReturnFigure,
    ReturnRecord,
    ReturnText,
)
from trustdesk.store.models.units import OrgUnit, WorkspaceSetting

__all__ = [
    "ActionReview",
    "Activity",
    "ActivityOutcome",
    "ActivitySession",
    "Attendance",
    "AuditEntry",
    "CaseStudy",
    "CaseStudyOutcome",
    "ContactLogEntry",
    "Headcount",
    "Meeting",
    "MeetingAction",
    "MeetingAttendance",
    "OrgUnit",
    "Partner",
    "PartnerContact",
    "PartnerContribution",
    "RecordedOutcome",
    "ReturnConstituent",
    "ReturnFigure",
    "ReturnRecord",
    "ReturnText",
    "Spend",
    "VoiceEntry",
    "WorkspaceSetting",
    "YoungPerson",
    "key",
    "saved_id",
    "table_of",
    "utc_now",
]

# Every kind of record a person would count, for `trustdesk info` and the self-test: the
# label people use, and the model.
RECORD_KINDS = [
    ("Partners", Partner),
    ("Partner contacts", PartnerContact),
    ("Contact log entries", ContactLogEntry),
    ("Activities", Activity),
    ("Sessions", ActivitySession),
    ("Partner contributions", PartnerContribution),
    ("Young people", YoungPerson),
    ("Attendance marks", Attendance),
    ("Headcount rows", Headcount),
    ("Recorded and accredited outcomes", RecordedOutcome),
    ("Meetings", Meeting),
    ("Meeting attendance (partners)", MeetingAttendance),
    ("Actions", MeetingAction),
    ("Action reviews", ActionReview),
    ("Voice entries", VoiceEntry),
    ("Case studies", CaseStudy),
    ("Spending entries", Spend),
    ("Returns", ReturnRecord),
    ("Audit entries", AuditEntry),
]
