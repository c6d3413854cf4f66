"""The kinds of content that may carry files. Each registers itself at start-up (a lower
layer never imports the content it serves): who may read an owner's files, who may attach
to or remove from it, and what the council may set for it.

``can_read(user, owner_id) -> bool`` must be False for an owner the user may not see (hidden,
draft, withdrawn, deleted): its files are then answered 404, so nothing tells they exist.
``can_attach(user, owner_id) -> bool`` decides adding and removing files.
``public(owner_id) -> bool`` (optional) says whether anyone, even a visitor, may read the
files, so they may be cached publicly; by default a file is public when an anonymous visitor
may read it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from participa.files.models import DOCUMENT, IMAGE


@dataclass(frozen=True)
class FileKind:
    kind: str
    label: object  # a lazy string: the kind's name on the council's page
    can_read: Callable
    can_attach: Callable
    accepts: tuple = (IMAGE, DOCUMENT)  # what this kind may ever carry (the council narrows it)
    max_files: int | None = None  # this kind's own default limit, when the council set none
    extra: dict = field(default_factory=dict)


_KINDS: dict[str, FileKind] = {}


def register_kind(kind: str, label, can_read: Callable, can_attach: Callable, *,
                  accepts: tuple = (IMAGE, DOCUMENT), max_files: int | None = None) -> FileKind:
    """Declare that content of ``kind`` may carry files (``accepts``: image and/or document)."""
    entry = FileKind(kind=kind, label=label, can_read=can_read, can_attach=can_attach,
                     accepts=tuple(accepts), max_files=max_files)
    _KINDS[kind] = entry
    return entry


def kind_of(kind: str) -> FileKind | None:
    return _KINDS.get(kind)


def registered_kinds() -> list[FileKind]:
    return sorted(_KINDS.values(), key=lambda entry: entry.kind)
