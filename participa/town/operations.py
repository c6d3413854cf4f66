"""Writes about the town's face: its name and brand colours (and its logo, through the files
core). Each change is written to the ActionLog; the pages' copy is forgotten when it commits
(``look``)."""

from flask_babel import lazy_gettext as _l

from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.text import one_line
from participa.core.types import utcnow
from participa.extensions import db
from participa.files.errors import FileRefused
from participa.files.operations import attach_prepared, prepare_file, remove_files_of
from participa.files.queries import images_of
from participa.town.colours import colour_problem, normalise
from participa.town.look import OWNER_KIND
from participa.town.models import NAME_LIMIT, SETTINGS_ID, TownSettings
from participa.town.queries import get_town_settings

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "update_town_settings": _l("changed the town's name or colours"),
    "set_town_logo": _l("changed the town's logo"),
}

NAME_MISSING = _l("Write the town's name.")
NAME_TOO_LONG = _l("The town's name can be at most %(limit)s characters.", limit=NAME_LIMIT)


def update_town_settings(data: dict, *, actor) -> TownSettings:
    """Save the town's ``name``, ``primary_colour`` and ``accent_colour``: each colour must be
    ``#rrggbb`` and keep 4.5:1 with the text it is shown with (``colours``), or nothing is
    saved."""
    name = one_line(data.get("name") or "").strip()
    if not name:
        raise DomainError(NAME_MISSING, field="name")
    if len(name) > NAME_LIMIT:
        raise DomainError(NAME_TOO_LONG, field="name")
    colours = {}
    for field, role in (("primary_colour", "primary"), ("accent_colour", "accent")):
        problem = colour_problem(role, data.get(field))
        if problem is not None:
            raise DomainError(problem, field=field)
        colours[field] = normalise(data.get(field))

    settings = get_town_settings()
    if settings is None:
        settings = TownSettings(id=SETTINGS_ID)
        db.session.add(settings)
    before = {"name": settings.name, "primary_colour": settings.primary_colour,
              "accent_colour": settings.accent_colour}
    settings.name = name
    settings.primary_colour = colours["primary_colour"]
    settings.accent_colour = colours["accent_colour"]
    settings.updated_at = utcnow()
    settings.updated_by_id = getattr(actor, "id", None)
    db.session.flush()
    changed = {key: [old, getattr(settings, key)] for key, old in before.items()
               if old != getattr(settings, key)}
    log_action("update_town_settings", settings, actor=actor, changed=changed)
    return settings


def update_town(data: dict, *, actor, storage=None) -> TownSettings:
    """The council's whole form: the name and colours, then the logo (``logo``: an upload that
    replaces the current one; ``remove_logo``: take it away)."""
    settings = update_town_settings(data, actor=actor)
    upload = data.get("logo")
    if upload is not None and getattr(upload, "filename", None) != "":
        set_town_logo(settings, upload, actor=actor, storage=storage)
    elif data.get("remove_logo"):
        remove_town_logo(settings, actor=actor, storage=storage)
    return settings


def set_town_logo(settings: TownSettings, upload, *, actor, storage=None):
    """Make ``upload`` (a JPEG, PNG or WebP picture, re-encoded by the files core) the town's
    logo, in place of the one before; its alternative text is the town's name. Raises
    ``FileRefused`` (a ``DomainError``) and keeps the old logo when the file is refused."""
    try:
        prepared = prepare_file(OWNER_KIND, upload, alt_text=settings.name, language="ca")
    except FileRefused as refused:  # said beside the logo's field
        raise FileRefused(refused.message, field="logo") from refused
    remove_files_of(OWNER_KIND, settings.id, actor=actor, storage=storage)
    logo = attach_prepared(OWNER_KIND, settings.id, prepared, actor=actor, storage=storage)
    settings.updated_at = utcnow()
    settings.updated_by_id = getattr(actor, "id", None)
    log_action("set_town_logo", settings, actor=actor, attachment_id=logo.id)
    db.session.flush()
    return logo


def remove_town_logo(settings: TownSettings, *, actor, storage=None) -> bool:
    """Take the logo away (the header then shows the name alone)."""
    if not images_of(OWNER_KIND, settings.id):
        return False
    remove_files_of(OWNER_KIND, settings.id, actor=actor, storage=storage)
    settings.updated_at = utcnow()
    log_action("set_town_logo", settings, actor=actor, attachment_id=None)
    db.session.flush()
    return True
