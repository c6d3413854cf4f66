"""Images are read by their content, guarded against bombs and re-encoded without metadata."""

import io

import pytest
from PIL import Image

from participa.files.errors import FileRefused
from participa.files.images import CARD_WIDTH, PAGE_MAX, process_image
from tests.files.builders import (
    HTML_AS_PDF,
    SVG_WITH_SCRIPT,
    bomb_png,
    image_bytes,
    polyglot,
)

LIMIT = 5 * 1024 * 1024


def refusal(data, limit=LIMIT) -> str:
    with pytest.raises(FileRefused) as caught:
        process_image(data, max_bytes=limit)
    return str(caught.value.message)


def test_a_photo_is_turned_upright_and_loses_its_metadata():
    processed = process_image(image_bytes(size=(800, 600), exif_gps=True), max_bytes=LIMIT)
    assert (processed.width, processed.height) == (600, 800)  # EXIF orientation applied
    full = Image.open(io.BytesIO(processed.full))
    assert not full.getexif()  # no EXIF, so no GPS
    assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(full.info)
    assert b"SpyCam" not in processed.full
    for data, _width, _height in processed.variants.values():
        variant = Image.open(io.BytesIO(data))
        assert variant.format == "WEBP"
        assert not variant.getexif()


def test_png_text_chunks_are_dropped():
    processed = process_image(image_bytes("PNG", text_chunk=True), max_bytes=LIMIT)
    assert processed.content_type == "image/png"
    assert b"Secret Person" not in processed.full
    assert "Author" not in Image.open(io.BytesIO(processed.full)).info


def test_variants_are_made_at_upload_time():
    processed = process_image(image_bytes(size=(3000, 2000)), max_bytes=LIMIT)
    card = processed.variants["card"]
    page = processed.variants["page"]
    assert card[1] == CARD_WIDTH and card[2] == 320
    assert max(page[1], page[2]) == PAGE_MAX


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_three_formats_are_accepted(fmt):
    assert process_image(image_bytes(fmt), max_bytes=LIMIT).width == 800


def test_a_huge_file_is_refused_before_decoding():
    assert "too big" in refusal(image_bytes(), limit=1000)


def test_a_decompression_bomb_is_refused():
    assert "too many pixels" in refusal(bomb_png())


def test_an_svg_with_a_script_is_refused_with_its_own_message():
    assert "SVG" in refusal(SVG_WITH_SCRIPT)


def test_html_and_other_content_are_refused():
    assert "not a JPEG, PNG or WebP" in refusal(HTML_AS_PDF)
    assert "not a JPEG, PNG or WebP" in refusal(b"GIF89a" + b"\x00" * 100)


def test_a_polyglot_keeps_only_its_pixels():
    processed = process_image(polyglot(), max_bytes=LIMIT)
    assert b"<script>" not in processed.full
    assert all(b"<script>" not in data for data, _w, _h in processed.variants.values())


def test_a_truncated_image_is_refused():
    assert "damaged" in refusal(image_bytes()[:400]) or "not a JPEG" in refusal(
        image_bytes()[:400])
