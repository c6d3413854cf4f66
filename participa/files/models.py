"""Files attached to content: images (re-encoded, with their variants) and PDF documents, and
the council's rules for each kind of content.

An attachment names its owner by kind and id (``owner_kind``, ``owner_id``): any content kind
that registers itself (``registry``) may carry files. The stored object is named by a random
``storage_key``; the uploader's original file name is never kept, so it can never leak. A
document is downloaded under a name made from its title (``download_name``)."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from participa.core.text import slugify
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

IMAGE, DOCUMENT = "image", "document"
KIND_LABELS = {IMAGE: _l("Image"), DOCUMENT: _l("Document")}
# the variants of an image, made once at upload time (never during a page request)
FULL, PAGE, CARD = "full", "page", "card"
IMAGE_VARIANTS = (FULL, PAGE, CARD)
DOCUMENT_VARIANTS = (FULL,)
ALT_LIMIT = 250  # characters of an image's alternative text
TITLE_LIMIT = 150  # characters of a document's title

# what applies when the council has set nothing for a kind of content
DEFAULT_MAX_FILES = 6
DEFAULT_MAX_MB = 5
MAX_MB_CEILING = 25  # the most the council may allow for one file


class Attachment(db.Model):
    """One file of one piece of content: an image (with ``width``/``height`` and ``alt_text``)
    or a document (with a ``title``)."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    owner_id: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    kind: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    storage_key: Mapped[str] = mapped_column(sa.String(64), nullable=False, unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    byte_size: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    width: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    # the card variant's size, so lists set width and height without reading the file
    card_width: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    card_height: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    page_width: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    page_height: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    alt_text: Mapped[str] = mapped_column(sa.String(ALT_LIMIT), nullable=False, default="")
    title: Mapped[str] = mapped_column(sa.String(TITLE_LIMIT), nullable=False, default="")
    language: Mapped[str] = mapped_column(sa.String(5), nullable=False, default="ca")
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (
        sa.Index("ix_attachments_owner", "owner_kind", "owner_id", "position"),
        sa.CheckConstraint("kind IN ('image', 'document')", name="kind_known"),
        sa.CheckConstraint("byte_size >= 0", name="byte_size_positive"),
    )

    @property
    def is_image(self) -> bool:
        return self.kind == IMAGE

    @property
    def variants(self) -> tuple:
        return IMAGE_VARIANTS if self.is_image else DOCUMENT_VARIANTS

    def variant_key(self, variant: str) -> str:
        """The stored object's name for one variant: the random key, never the upload's name."""
        return self.storage_key if variant == FULL else f"{self.storage_key}-{variant}"

    def variant_type(self, variant: str) -> str:
        return "image/webp" if self.is_image and variant != FULL else self.content_type

    @property
    def download_name(self) -> str:
        """A document's file name when downloaded: its title, made safe (ASCII, no path)."""
        stem = slugify(self.title or "", max_length=80) or f"document-{self.id}"
        return f"{stem}.pdf" if self.kind == DOCUMENT else stem

    def __repr__(self):
        return f"<Attachment {self.id} {self.owner_kind}:{self.owner_id} {self.kind}>"


class FileRules(db.Model):
    """What the council allows on one kind of content. No row: the defaults (``rules_for``)."""

    __tablename__ = "file_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(sa.String(32), nullable=False, unique=True)
    images_allowed: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    documents_allowed: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    max_files: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=DEFAULT_MAX_FILES)
    max_mb: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=DEFAULT_MAX_MB)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)

    __table_args__ = (
        sa.CheckConstraint("max_files >= 0", name="max_files_positive"),
        sa.CheckConstraint("max_mb >= 1", name="max_mb_positive"),
    )

    @property
    def max_bytes(self) -> int:
        return self.max_mb * 1024 * 1024

    def __repr__(self):
        return f"<FileRules {self.id} {self.owner_kind}>"
