"""Every write on files: attach (check, re-encode, store, record), remove, reorder, and the
council's rules. Operations flush, never commit; the store is passed in or is the one the
application configured at start-up (``storage.active``).

A refused file raises ``FileRefused`` before anything is stored. The stored objects follow
the transaction: those stored in a transaction that rolls back are deleted, and those of a
removed attachment are deleted only once the removal is committed."""

import os
import re
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from participa.core.models import CONTENT_LANGUAGES, log_action
from participa.core.text import single_line_problem
from participa.extensions import db
from participa.files import registry
from participa.files import storage as stores
from participa.files.documents import check_pdf
from participa.files.errors import FileRefused
from participa.files.images import REFUSED_SVG, looks_like_svg, process_image
from participa.files.lifecycle import delete_after_commit, stored_in_transaction
from participa.files.models import (
    ALT_LIMIT,
    DOCUMENT,
    IMAGE,
    MAX_MB_CEILING,
    TITLE_LIMIT,
    Attachment,
    FileRules,
)
from participa.files.queries import count_files, rules_for

VERBS = {
    "update_file_rules": _l("changed the rules for files"),
    "remove_file": _l("removed a file"),
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
DOCUMENT_EXTENSIONS = {".pdf"}
READ_LIMIT = MAX_MB_CEILING * 1024 * 1024


@dataclass
class Prepared:
    """An upload checked and re-encoded, ready to store (nothing stored yet)."""

    kind: str
    content_type: str
    objects: dict  # variant -> bytes
    width: int | None = None
    height: int | None = None
    sizes: dict | None = None  # variant -> (width, height)
    alt_text: str = ""
    title: str = ""
    language: str = "ca"


def _read(upload) -> tuple[bytes, str]:
    """The bytes and the name of an upload (a werkzeug FileStorage, or bytes)."""
    if isinstance(upload, bytes | bytearray):
        return bytes(upload), ""
    name = getattr(upload, "filename", "") or ""
    stream = getattr(upload, "stream", upload)
    data = stream.read(READ_LIMIT + 1)
    return data, name


def _check_name(name: str) -> str:
    """The extension of an upload's name, refusing a name that carries a path or control
    characters. The name itself is never stored."""
    if not name:
        return ""
    if "/" in name or "\\" in name or "\x00" in name or single_line_problem(name) \
            or name.startswith(".."):
        raise FileRefused(_l("The file's name must not contain a folder path. Please rename "
                             "the file and choose it again."), field="files")
    return os.path.splitext(name)[1].lower()


def prepare_file(owner_kind: str, upload, *, alt_text: str = "", title: str = "",
                 language: str = "ca", rules=None) -> Prepared:
    """Check one upload against the rules for ``owner_kind`` and re-encode it: an image or a
    PDF, told apart by its content. Raises ``FileRefused``; stores nothing."""
    rules = rules or rules_for(owner_kind)
    data, name = _read(upload)
    extension = _check_name(name)
    if not data:
        raise FileRefused(_l("The file is empty. Please choose another one."), field="files")
    if len(data) > rules.max_bytes:
        raise FileRefused(_l("This file is too big: the most allowed is %(mb)s MB.",
                             mb=rules.max_mb), field="files")
    kind = DOCUMENT if data.startswith(b"%PDF-") or extension in DOCUMENT_EXTENSIONS else IMAGE
    if not rules.allows(kind):
        raise FileRefused(_l("Images are not accepted here.") if kind == IMAGE else
                          _l("Documents are not accepted here."), field="files")
    language = language if language in CONTENT_LANGUAGES else CONTENT_LANGUAGES[0]
    if kind == IMAGE:
        if extension == ".svg" or looks_like_svg(data[:1024]):
            raise FileRefused(REFUSED_SVG, field="files")
        if extension and extension not in IMAGE_EXTENSIONS:
            raise FileRefused(_l("Only JPEG, PNG or WebP pictures and PDF documents are "
                                 "accepted."), field="files")
        alt_text = _one_line(alt_text, ALT_LIMIT)
        if not alt_text:
            raise FileRefused(_l("Describe the image in a few words (its alternative text), "
                                 "for people who cannot see it."), field="alt_text")
        image = process_image(data, max_bytes=rules.max_bytes)
        objects = {"full": image.full}
        sizes = {"full": (image.width, image.height)}
        for variant, (encoded, width, height) in image.variants.items():
            objects[variant] = encoded
            sizes[variant] = (width, height)
        return Prepared(kind=IMAGE, content_type=image.content_type, objects=objects,
                        width=image.width, height=image.height, sizes=sizes,
                        alt_text=alt_text, language=language)
    if extension and extension not in DOCUMENT_EXTENSIONS:
        raise FileRefused(_l("This file's content does not match its name. Please upload a "
                             "PDF document named .pdf."), field="files")
    check_pdf(data, max_bytes=rules.max_bytes)
    title = _one_line(title, TITLE_LIMIT)
    if not title:
        raise FileRefused(_l("Give the document a title, so people know what it is before "
                             "they download it."), field="title")
    return Prepared(kind=DOCUMENT, content_type="application/pdf", objects={"full": data},
                    title=title, language=language)


def _one_line(text, limit) -> str:
    text = re.sub(r"\s+", " ", (text or "")).strip()
    if single_line_problem(text):
        raise FileRefused(_l("Write this on one line, without line breaks or invisible "
                             "characters."), field="alt_text")
    return text[:limit]


def attach_file(owner_kind: str, owner_id: int, upload, *, alt_text: str = "",
                title: str = "", language: str = "ca", actor, storage=None) -> Attachment:
    """Attach one upload (image or PDF) to the content ``owner_kind``/``owner_id``: checked
    against the council's rules (kind allowed, how many, how big), re-encoded, stored under
    a random key. Raises ``FileRefused`` (nothing stored) when refused."""
    prepared = upload if isinstance(upload, Prepared) else prepare_file(
        owner_kind, upload, alt_text=alt_text, title=title, language=language)
    return attach_prepared(owner_kind, owner_id, prepared, actor=actor, storage=storage)


def attach_prepared(owner_kind: str, owner_id: int, prepared: Prepared, *, actor,
                    storage=None) -> Attachment:
    """Store an upload ``prepare_file`` checked, once the count rule allows it."""
    if registry.kind_of(owner_kind) is None:
        raise FileRefused(_l("Files cannot be attached here."), field="files")
    rules = rules_for(owner_kind)
    if not rules.allows(prepared.kind):
        raise FileRefused(_l("Images are not accepted here.") if prepared.kind == IMAGE else
                          _l("Documents are not accepted here."), field="files")
    if count_files(owner_kind, owner_id) >= rules.max_files:
        raise FileRefused(lazy_ngettext("You can attach at most %(num)s file here.",
                                        "You can attach at most %(num)s files here.",
                                        rules.max_files), field="files")
    store = storage or stores.active()
    key = stores.new_key()
    position = db.session.scalar(sa.select(sa.func.max(Attachment.position)).where(
        Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id))
    sizes = prepared.sizes or {}
    attachment = Attachment(
        owner_kind=owner_kind, owner_id=owner_id, kind=prepared.kind, storage_key=key,
        content_type=prepared.content_type, byte_size=len(prepared.objects["full"]),
        width=prepared.width, height=prepared.height,
        card_width=sizes.get("card", (None, None))[0],
        card_height=sizes.get("card", (None, None))[1],
        page_width=sizes.get("page", (None, None))[0],
        page_height=sizes.get("page", (None, None))[1],
        alt_text=prepared.alt_text, title=prepared.title, language=prepared.language,
        position=(position + 1) if position is not None else 0,
        uploaded_by_id=getattr(actor, "id", None),
    )
    stored = []
    try:
        for variant, data in prepared.objects.items():
            variant_key = attachment.variant_key(variant)
            store.put(variant_key, data, attachment.variant_type(variant))
            stored.append(variant_key)
    except Exception:
        for variant_key in stored:
            store.delete(variant_key)
        raise
    stored_in_transaction(store, stored)
    db.session.add(attachment)
    db.session.flush()
    return attachment


def remove_file(attachment: Attachment, *, actor, storage=None) -> None:
    """Remove one file; its stored objects are deleted once the removal is committed."""
    store = storage or stores.active()
    keys = [attachment.variant_key(variant) for variant in attachment.variants]
    if getattr(actor, "id", None) != attachment.uploaded_by_id:
        log_action("remove_file", attachment, actor=actor, owner_kind=attachment.owner_kind,
                   owner_id=attachment.owner_id)
    db.session.delete(attachment)
    db.session.flush()
    delete_after_commit(store, keys)


def remove_files_of(owner_kind: str, owner_id: int, *, actor, storage=None) -> int:
    """Remove every file of one owner (when the owner itself is deleted for good)."""
    rows = list(db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)))
    for row in rows:
        remove_file(row, actor=actor, storage=storage)
    return len(rows)


def move_file(attachment: Attachment, position: int, *, actor) -> Attachment:
    """Put one file at ``position`` among its owner's files (0 is first)."""
    siblings = [row for row in db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == attachment.owner_kind,
        Attachment.owner_id == attachment.owner_id,
    ).order_by(Attachment.position, Attachment.id)) if row.id != attachment.id]
    position = max(0, min(position, len(siblings)))
    siblings.insert(position, attachment)
    for index, row in enumerate(siblings):
        row.position = index
    db.session.flush()
    return attachment


def update_file_rules(owner_kind: str, data: dict, *, actor) -> FileRules:
    """The council's rules for one kind of content."""
    if registry.kind_of(owner_kind) is None:
        raise FileRefused(_l("Files cannot be attached here."))
    row = db.session.scalar(sa.select(FileRules).where(FileRules.owner_kind == owner_kind))
    if row is None:
        row = FileRules(owner_kind=owner_kind)
        db.session.add(row)
    row.images_allowed = bool(data.get("images_allowed"))
    row.documents_allowed = bool(data.get("documents_allowed"))
    row.max_files = max(0, min(int(data.get("max_files") or 0), 50))
    row.max_mb = max(1, min(int(data.get("max_mb") or 1), MAX_MB_CEILING))
    db.session.flush()
    log_action("update_file_rules", row, actor=actor, owner_kind=owner_kind,
               images_allowed=row.images_allowed, documents_allowed=row.documents_allowed,
               max_files=row.max_files, max_mb=row.max_mb)
    return row


# --- the upload fields of a content form (``forms.FileFieldsMixin``) ----------------------

def _chosen(upload) -> bool:
    return upload is not None and bool(getattr(upload, "filename", ""))


def prepare_form_files(owner_kind: str, data: dict, *, language: str) -> list[Prepared]:
    """The files a content form carries (its ``image`` with ``alt_text``, its ``document``
    with ``document_title``), checked and re-encoded, nothing stored: a refusal names the
    form field it belongs to. Call it before saving the content, so a refused file saves
    nothing."""
    prepared = []
    for field, upload, extra in (
        ("image", data.get("image"), {"alt_text": data.get("alt_text") or ""}),
        ("document", data.get("document"), {"title": data.get("document_title") or ""}),
    ):
        if not _chosen(upload):
            continue
        try:
            prepared.append(prepare_file(owner_kind, upload, language=language, **extra))
        except FileRefused as error:
            name = {"alt_text": "alt_text", "title": "document_title"}.get(error.field, field)
            raise FileRefused(error.message, field=name) from None
    return prepared


def save_with_files(owner_kind: str, data: dict, save, *, actor, language: str):
    """Save a content form (``save()`` returns the saved content) with the files it carries:
    the files are checked first, so a refused file saves nothing; they are stored on the
    saved content. Returns what ``save()`` returned."""
    prepared = prepare_form_files(owner_kind, data, language=language)
    content = save()
    attach_form_files(owner_kind, content.id, prepared, actor=actor)
    return content


def attach_form_files(owner_kind: str, owner_id: int, prepared: list[Prepared], *,
                      actor) -> list[Attachment]:
    """Store what ``prepare_form_files`` checked on the saved content (the count limit is
    checked for each)."""
    attached = []
    for item in prepared:
        try:
            attached.append(attach_prepared(owner_kind, owner_id, item, actor=actor))
        except FileRefused as error:
            raise FileRefused(error.message,
                              field="image" if item.kind == IMAGE else "document") from None
    return attached
