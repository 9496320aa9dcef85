"""Modules generated from the Designer files in the top-level ``forms/`` folder. Do not edit
them; after changing ``forms/NAME.ui``, regenerate with

    pyside6-uic forms/NAME.ui -o trustdesk/ui/forms/ui_NAME.py

and put the "generated from ... do not edit" line back at the top
(tests/ui/test_forms_generated.py checks they match)."""
