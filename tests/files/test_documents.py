"""Documents are PDFs by their content, not their name."""

import pytest

from participa.files.documents import check_pdf
from participa.files.errors import FileRefused
from tests.files.builders import HTML_AS_PDF, pdf_bytes


def test_a_real_pdf_passes():
    check_pdf(pdf_bytes(), max_bytes=1024 * 1024)


@pytest.mark.parametrize("data, words", [
    (HTML_AS_PDF, "not a PDF"),
    (b"%PDF-1.7\n<html><script>alert(1)</script>", "could not be read"),
    (pdf_bytes(), "too big"),
])
def test_what_is_not_a_readable_pdf_is_refused(data, words):
    limit = 100 if words == "too big" else 1024 * 1024
    with pytest.raises(FileRefused) as caught:
        check_pdf(data, max_bytes=limit)
    assert words in str(caught.value.message)
