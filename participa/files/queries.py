"""Reading attachments: an owner's files, and the first image of many owners at once."""

import sqlalchemy as sa

from participa.extensions import db
from participa.files import registry
from participa.files.models import (
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_MB,
    DOCUMENT,
    IMAGE,
    Attachment,
    FileRules,
)


def files_of(owner_kind: str, owner_id: int, kind: str | None = None) -> list[Attachment]:
    """An owner's files in their order (images first when both are asked for)."""
    query = sa.select(Attachment).where(Attachment.owner_kind == owner_kind,
                                        Attachment.owner_id == owner_id)
    if kind:
        query = query.where(Attachment.kind == kind)
    return list(db.session.scalars(query.order_by(Attachment.position, Attachment.id)))


def images_of(owner_kind: str, owner_id: int) -> list[Attachment]:
    return files_of(owner_kind, owner_id, IMAGE)


def documents_of(owner_kind: str, owner_id: int) -> list[Attachment]:
    return files_of(owner_kind, owner_id, DOCUMENT)


def first_images(owner_kind: str, ids) -> dict[int, Attachment]:
    """The first image of each owner among ``ids`` ({owner_id: Attachment}), in ONE query."""
    ids = {int(owner_id) for owner_id in ids if owner_id is not None}
    if not ids:
        return {}
    rows = db.session.scalars(
        sa.select(Attachment)
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(ids),
               Attachment.kind == IMAGE)
        .order_by(Attachment.owner_id, Attachment.position, Attachment.id)
    )
    first: dict[int, Attachment] = {}
    for row in rows:
        first.setdefault(row.owner_id, row)
    return first


def get_attachment(attachment_id: int) -> Attachment | None:
    if not 0 < attachment_id < 2**31:
        return None
    return db.session.get(Attachment, attachment_id)


def count_files(owner_kind: str, owner_id: int) -> int:
    return db.session.scalar(sa.select(sa.func.count(Attachment.id)).where(
        Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)) or 0


class Rules:
    """The rules in force for one kind of content: the council's row, or the defaults."""

    def __init__(self, owner_kind, *, images_allowed, documents_allowed, max_files, max_mb,
                 saved=False):
        self.owner_kind = owner_kind
        self.images_allowed = images_allowed
        self.documents_allowed = documents_allowed
        self.max_files = max_files
        self.max_mb = max_mb
        self.saved = saved

    @property
    def max_bytes(self) -> int:
        return self.max_mb * 1024 * 1024

    def allows(self, kind: str) -> bool:
        return self.images_allowed if kind == IMAGE else self.documents_allowed

    @property
    def accepts_any(self) -> bool:
        return (self.images_allowed or self.documents_allowed) and self.max_files > 0


def rules_for(owner_kind: str) -> Rules:
    """What the council allows on ``owner_kind`` (the defaults when it set nothing), narrowed
    by what the kind can ever carry."""
    row = db.session.scalar(sa.select(FileRules).where(FileRules.owner_kind == owner_kind))
    entry = registry.kind_of(owner_kind)
    accepts = entry.accepts if entry else ()
    default_files = entry.max_files if entry and entry.max_files is not None else \
        DEFAULT_MAX_FILES
    if row is None:
        return Rules(owner_kind, images_allowed=IMAGE in accepts,
                     documents_allowed=DOCUMENT in accepts, max_files=default_files,
                     max_mb=DEFAULT_MAX_MB)
    return Rules(owner_kind, images_allowed=row.images_allowed and IMAGE in accepts,
                 documents_allowed=row.documents_allowed and DOCUMENT in accepts,
                 max_files=row.max_files, max_mb=row.max_mb, saved=True)


def get_rules_row(owner_kind: str) -> FileRules | None:
    return db.session.scalar(sa.select(FileRules).where(FileRules.owner_kind == owner_kind))
