"""Files for tests: real images and PDFs made on the spot, and hostile ones."""

import io
import zlib

from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from werkzeug.datastructures import FileStorage


def image_bytes(fmt="JPEG", size=(800, 600), color=(40, 120, 200), exif_gps=False,
                text_chunk=False) -> bytes:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    kwargs = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "SpyCam Maker"  # Make
        exif[0x0112] = 6  # Orientation: rotated 90°
        gps = exif.get_ifd(0x8825)
        gps[2] = (41.0, 23.0, 0.0)  # latitude
        gps[4] = (2.0, 10.0, 0.0)
        kwargs["exif"] = exif.tobytes()
    if text_chunk and fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Secret Person")
        kwargs["pnginfo"] = info
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bomb_png(side=20_000) -> bytes:
    """A tiny PNG that claims 20000×20000 pixels (400 megapixels) of zeros."""
    def chunk(kind, data):
        body = kind + data
        return (len(data).to_bytes(4, "big") + body
                + zlib.crc32(body).to_bytes(4, "big"))
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])  # 1-bit greyscale
    raw = zlib.compress(b"\x00" * ((side // 8 + 1) * 64), 9)  # a few rows; enough to claim
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw)
            + chunk(b"IEND", b""))


SVG_WITH_SCRIPT = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
                   b'<script>alert(document.cookie)</script></svg>')
HTML_AS_PDF = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def polyglot() -> bytes:
    """A real JPEG with HTML and a script appended after its end."""
    return image_bytes() + b"<html><script>alert(1)</script></html>"


def upload(data: bytes, name="photo.jpg", mimetype="image/jpeg") -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=name, content_type=mimetype)
