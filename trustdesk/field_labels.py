"""What each field of a record is called on screen: one table, by the name the services and
the forms use for it (a model attribute, or the service's keyword for it, e.g. ``first_name``,
``staff_hours``).

A service refuses a value with ``ValidationError("first_name", "is required.")``; the user
reads "First name: is required.", the label coming from here. A form finds the field with the
problem by the same name (``trustdesk/ui/binding.py``), so relabelling a field changes only
this table. A field a service names must be here: ``tests/test_field_labels.py`` checks.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    # activities and their sessions
    "title": "Title",
    "category": "Category",
    "venue": "Venue",
    "description": "Description",
    "lead_partner_id": "Lead partner",
    "start_date": "Start date",
    "end_date": "End date",
    "ecm_outcomes": "ECM outcomes",
    "date": "Date",
    "first_date": "First date",
    "weeks": "Weeks",
    "start_time": "Start time",
    "end_time": "End time",
    "notes": "Notes",
    # what a partner put in
    "partner_id": "Partner",
    "staff_hours": "Staff hours",
    "money": "Money",
    "in_kind": "In kind",
    "in_kind_value": "In-kind value",
    "contribution": "Contribution",  # none of the four given
    # headcounts
    "counts": "Headcount",
    "age_band": "Age band",
    "gender": "Gender",
    # partners, their people and the contact log
    "name": "Name",
    "partner_type": "Partner type",
    "address": "Address",
    "role": "Role",
    "phone": "Phone",
    "email": "E-mail",
    "contact_id": "Person",
    "method": "Method",
    "summary": "Summary",
    "follow_up_date": "Follow-up date",
    # voice and case studies
    "activity_id": "Activity",
    "who": "Who",
    "group_size": "Group size",
    "said": "What was said",
    "change_made": "What changed",
    "change_date": "Date of change",
    "narrative": "Narrative",
    # meetings and their actions
    "meeting_id": "Meeting",
    "attendance": "Attendance",
    "text": "Action",
    "owner": "Owner",
    "due_date": "Due date",
    "status": "Status",
    "closed_on": "Done or dropped on",
    # outcomes
    "kind": "Kind",
    "accreditation": "Accreditation",
    "ecm_outcome": "ECM outcome",
    # spending
    "amount": "Amount",
    "purpose": "Purpose",
    # young people
    "first_name": "First name",
    "last_name": "Last name",
    "local_ref": "Local reference",
    "date_of_birth": "Date of birth",
    "postcode_district": "Postcode district",
    "ethnicity": "Ethnicity",
    # settings and the audit trail's filters
    "backups_kept": "Backups kept",
    "retention_years": "Retention period (years)",
    "since": "From date",
    "until": "To date",
    "table": "Kind of record",
}


def label(field: str) -> str:
    """The words for ``field``; a name not in the table is shown as it is (a command line
    option such as ``--today``)."""
    return FIELD_LABELS.get(field, field)
