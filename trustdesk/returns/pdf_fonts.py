"""The fonts of every PDF TrustDesk writes: DejaVu Sans Condensed, embedded.

reportlab's own Helvetica is not embedded and knows only the Latin-1 letters, so a partner
called "Gŵyl Łódź Youth Club" printed as black boxes. DejaVu Sans (``resources/fonts``, with
its licence) covers Welsh, Polish and the rest of Europe, and reportlab embeds only the
letters a document uses. The condensed cut, because it sets text as wide as Helvetica did:
the tables' columns and the charts' labels are measured for that width (DejaVu Sans itself
is about a sixth wider, and wrapped the tables' headings and names).

The faces are registered with reportlab when this module is first imported; ``<b>`` and
``<i>`` in a paragraph pick the bold and the oblique face (both together: bold, as nothing
prints that).
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from trustdesk.resources import resource_path

FONT = "DejaVuSansCondensed"
BOLD = "DejaVuSansCondensed-Bold"
ITALIC = "DejaVuSansCondensed-Oblique"

FACES = {FONT: f"{FONT}.ttf", BOLD: f"{BOLD}.ttf", ITALIC: f"{ITALIC}.ttf"}


def register() -> None:
    """Register the faces and the family with reportlab; registering again changes nothing."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in FACES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{file_name}"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


register()
