"""Images: read by their content (JPEG, PNG or WebP, whatever the name or declared type),
guarded against decompression bombs, turned upright and re-encoded without any metadata
(EXIF, GPS, XMP, ICC, text chunks), with their variants made once, at upload time.

Nothing here resizes during a page request: the ``card`` and ``page`` variants are stored
beside the re-encoded full image and served as they are."""

import io
import warnings
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

from participa.files.errors import FileRefused

# Pillow refuses (DecompressionBombError) images with more pixels than twice this; we refuse
# anything above it ourselves, before decoding a single pixel
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
CARD_WIDTH = 480  # px wide on cards and lists
PAGE_MAX = 1600  # px on the longer side on a content's page
FULL_MAX = 4000  # px on the longer side of the kept "full" image

REFUSED_TYPE = _l("This image is not a JPEG, PNG or WebP picture. Please choose a photo or "
                  "picture in one of those formats.")
REFUSED_SVG = _l("SVG drawings are not accepted, as they may carry scripts. Please upload a "
                 "JPEG, PNG or WebP picture instead.")
REFUSED_BOMB = _l("This image has too many pixels to be processed safely. Please upload a "
                  "smaller picture.")
REFUSED_BROKEN = _l("This image could not be read: the file seems damaged or incomplete.")


@dataclass
class ProcessedImage:
    content_type: str
    full: bytes
    width: int
    height: int
    variants: dict  # variant name -> (bytes, width, height)


def too_big(max_bytes: int):
    return FileRefused(_l("This file is too big: the most allowed is %(mb)s MB.",
                          mb=max(1, max_bytes // (1024 * 1024))), field="files")


def looks_like_svg(head: bytes) -> bool:
    start = head.lstrip()[:512].lower()
    return start.startswith(b"<?xml") or b"<svg" in start


def process_image(data: bytes, *, max_bytes: int) -> ProcessedImage:
    """Check and re-encode an uploaded image. Raises ``FileRefused`` with the reason."""
    if len(data) > max_bytes:
        raise too_big(max_bytes)
    if looks_like_svg(data[:1024]):
        raise FileRefused(REFUSED_SVG, field="files")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if image.format not in FORMATS:
                raise FileRefused(REFUSED_TYPE, field="files")
            width, height = image.size
            if width * height > MAX_PIXELS or width < 1 or height < 1:
                raise FileRefused(REFUSED_BOMB, field="files")
            content_type = FORMATS[image.format]
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FileRefused(REFUSED_BOMB, field="files") from None
    except UnidentifiedImageError:
        raise FileRefused(REFUSED_TYPE, field="files") from None
    except FileRefused:
        raise
    except (OSError, ValueError, SyntaxError, EOFError):
        raise FileRefused(REFUSED_BROKEN, field="files") from None
    image = ImageOps.exif_transpose(image)
    image = _plain(image)
    image.thumbnail((FULL_MAX, FULL_MAX))
    full_format = image_format = "PNG" if content_type == "image/png" else "JPEG"
    if content_type == "image/webp":
        full_format = "WEBP"
    if image_format == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    full = _encode(image, full_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[full_format]
    variants = {}
    card = image.copy()
    if card.width > CARD_WIDTH:
        card = card.resize((CARD_WIDTH, max(1, round(card.height * CARD_WIDTH / card.width))),
                           Image.Resampling.LANCZOS)
    variants["card"] = (_encode(card, "WEBP"), card.width, card.height)
    page = image.copy()
    page.thumbnail((PAGE_MAX, PAGE_MAX), Image.Resampling.LANCZOS)
    variants["page"] = (_encode(page, "WEBP"), page.width, page.height)
    return ProcessedImage(content_type=content_type, full=full, width=image.width,
                          height=image.height, variants=variants)


def _plain(image):
    """The pixels alone: a fresh image in RGB or RGBA, with no metadata carried over."""
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info) else "RGB"
    converted = image.convert(mode)
    fresh = Image.new(mode, converted.size)
    fresh.paste(converted)
    return fresh


def _encode(image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=80, method=4)
    return out.getvalue()
