"""Finding a young person's identity in the texts a return carries.

A return leaves the laptop; the case studies, the voice entries and the partners' names in
it are free text a coordinator typed. :class:`~trustdesk.privacy.identities.IdentityMatcher`
finds what would identify a young person on record (name, local reference, date of birth)
or a household (full postcode, e-mail address, phone number) in such a text, written the
way people write. The matcher itself needs no Qt and no database;
:func:`trustdesk.privacy.on_record.identity_matcher` builds one from a workspace's young
people on record, the return checks and the export run it, and the desktop uses it to
highlight what to change.
"""
