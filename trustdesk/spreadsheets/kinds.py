"""The kinds of spreadsheet TrustDesk brings in, in words (small, for the command line's
parser, which every command loads)."""

KINDS = {
    "people": "young people",
    "partners": "partners and their contact people",
    "activities": "activities and their sessions",
    "registers": "past registers",
}
