"""Documents: PDF only, checked by their content (the ``%PDF-`` header and a parse by pypdf),
never by their name or the type the browser declared."""

import io
import logging

from flask_babel import lazy_gettext as _l

from participa.files.errors import FileRefused
from participa.files.images import too_big

REFUSED_NOT_PDF = _l("This document is not a PDF file. Please save it as PDF and upload it "
                     "again.")
REFUSED_BROKEN_PDF = _l("This PDF could not be read: the file seems damaged or protected.")


def check_pdf(data: bytes, *, max_bytes: int) -> None:
    """Refuse anything that is not a readable PDF within the size limit."""
    if len(data) > max_bytes:
        raise too_big(max_bytes)
    if not data.startswith(b"%PDF-"):
        raise FileRefused(REFUSED_NOT_PDF, field="files")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise FileRefused(REFUSED_BROKEN_PDF, field="files")
        if len(reader.pages) < 1:
            raise FileRefused(REFUSED_BROKEN_PDF, field="files")
    except FileRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError,
            RecursionError, IndexError):
        raise FileRefused(REFUSED_BROKEN_PDF, field="files") from None
