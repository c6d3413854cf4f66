"""Every write about associations. Flush, never commit; the actor and the clock are passed in.

Registering makes a pending association with its registrant as its first administrator. The
council verifies or refuses it (with a reason). People ask to represent an association; its
administrators (or the council) accept or refuse, change roles and remove representatives —
never the last administrator, who would leave it without anyone to manage it: the association's
row is locked (``lock_row``) so two administrators demoting each other at once cannot both
succeed. Every decision is written to the ActionLog; the e-mails are the views' (``notifications``).

Bad input (a tax id with a wrong control character, one already in the register, a missing tax
id for a form that needs one, a line break in a one-line field, an unknown area or
neighbourhood) raises a DomainError on its field, and nothing changes."""

import re
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from participa.associations import taxid
from participa.associations.models import (
    AREA_LIMIT,
    DESCRIPTION_LIMIT,
    EMAIL_LIMIT,
    NAME_LIMIT,
    PHONE_LIMIT,
    REASON_LIMIT,
    REGISTRY_LIMIT,
    WEBSITE_LIMIT,
    AreaOfWork,
    Association,
    AssociationRepresentative,
    AssociationStatus,
    LegalForm,
    RepresentativeRole,
    RepresentativeStatus,
)
from participa.associations.permissions import (
    can_ask_to_represent,
    can_edit_association,
    can_manage_areas,
    can_manage_representatives,
    can_refuse_association,
    can_register_association,
    can_verify_association,
)
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import assign_slug, log_action, written_in
from participa.core.permissions import is_council
from participa.core.text import fold, text_value
from participa.core.translated import set_translations
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "register_association": _l("registered an association"),
    "update_association": _l("edited an association's details"),
    "verify_association": _l("verified an association"),
    "refuse_association": _l("refused an association's registration"),
    "ask_to_represent": _l("asked to represent an association"),
    "accept_representative": _l("accepted a representative of an association"),
    "refuse_representative": _l("refused a request to represent an association"),
    "change_representative_role": _l("changed the role of an association's representative"),
    "remove_representative": _l("removed a representative of an association"),
    "leave_association": _l("left an association, or withdrew a request to represent it"),
    "add_area_of_work": _l("added an area of work"),
    "update_area_of_work": _l("edited an area of work"),
}

# web address names the register's own pages use
RESERVED_SLUGS = frozenset({"new", "mine"})

TAX_ID_INVALID = _l("This tax id is not valid: check its letters and digits, and its last "
                    "(control) character.")
TAX_ID_REQUIRED = _l("Give the tax id (NIF): only informal groups may have none.")
TAX_ID_TAKEN = _l("An association with this tax id is already in the register.")
LAST_ADMINISTRATOR = _l("An association needs at least one administrator: make someone else "
                        "administrator first.")
NOT_ALLOWED = _l("You cannot do this for this association.")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ().-]*$")


# --- the association's details ---------------------------------------------------------------

def _legal_form(value) -> LegalForm:
    try:
        return value if isinstance(value, LegalForm) else LegalForm(value)
    except ValueError:
        raise DomainError(_l("Choose a legal form from the list."), field="legal_form") from None


def _tax_id(data, legal_form, association) -> str | None:
    raw = data.get("tax_id") or ""
    if not isinstance(raw, str):
        raise DomainError(TAX_ID_INVALID, field="tax_id")
    value = taxid.normalise(raw)
    if not value:
        if legal_form != LegalForm.INFORMAL:
            raise DomainError(TAX_ID_REQUIRED, field="tax_id")
        return None
    if not taxid.is_valid(value):
        raise DomainError(TAX_ID_INVALID, field="tax_id")
    query = sa.select(Association.id).where(Association.tax_id == value)
    if association.id is not None:
        query = query.where(Association.id != association.id)
    if db.session.scalar(query) is not None:
        raise DomainError(TAX_ID_TAKEN, field="tax_id")
    return value


def _website(data) -> str:
    value = text_value(data, "website", WEBSITE_LIMIT, _l(
        "Write a full web address of at most %(n)s characters, starting with https://.",
        n=WEBSITE_LIMIT), required=False, one_line=True)
    if value:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
            raise DomainError(_l("Write a full web address of at most %(n)s characters, "
                                 "starting with https://.", n=WEBSITE_LIMIT), field="website")
    return value


def _email(data) -> str:
    value = text_value(data, "email", EMAIL_LIMIT, _l("Write a valid e-mail address."),
                       required=False, one_line=True)
    if value and not EMAIL_RE.match(value):
        raise DomainError(_l("Write a valid e-mail address."), field="email")
    return value


def _phone(data) -> str:
    message = _l("Write a phone number with digits and spaces (a + in front for another "
                 "country), at most %(n)s characters.", n=PHONE_LIMIT)
    value = text_value(data, "phone", PHONE_LIMIT, message, required=False, one_line=True)
    if value and (not PHONE_RE.match(value) or sum(c.isdigit() for c in value) < 6):
        raise DomainError(message, field="phone")
    return value


def _ids(data, name) -> list[int]:
    values = data.get(name) or []
    if not isinstance(values, list | tuple | set):
        values = [values]
    ids = []
    for value in values:
        try:
            number = int(value)
        except (TypeError, ValueError):
            return [-1]  # unknown: refused by the caller
        if number not in ids:
            ids.append(number)
    return ids


def _rows(model, ids, message, field) -> list:
    if not ids:
        return []
    if any(not 0 < i < 2**31 for i in ids):
        raise DomainError(message, field=field)
    rows = list(db.session.scalars(sa.select(model).where(model.id.in_(ids))))
    if len(rows) != len(ids):
        raise DomainError(message, field=field)
    return rows


def _apply(association, data, *, actor) -> None:
    """The details and contact from ``data``, checked (a DomainError on the first wrong
    field). The tax id and legal form of a verified association are the council's."""
    name = text_value(data, "name", NAME_LIMIT, _l(
        "Write the name on one line, in at most %(n)s characters.", n=NAME_LIMIT),
        one_line=True)
    legal_form = _legal_form(data.get("legal_form"))
    tax_id = _tax_id(data, legal_form, association)
    if (association.status == AssociationStatus.VERIFIED and not is_council(actor)
            and (tax_id != association.tax_id or legal_form != association.legal_form)):
        raise DomainError(_l("Once an association is verified, only the council can change "
                             "its tax id or legal form."), field="tax_id")
    association.name = name
    association.legal_form = legal_form
    association.tax_id = tax_id
    association.registry_number = text_value(
        data, "registry_number", REGISTRY_LIMIT,
        _l("Write the registry number on one line, in at most %(n)s characters.",
           n=REGISTRY_LIMIT), required=False, one_line=True)
    association.description = text_value(
        data, "description", DESCRIPTION_LIMIT,
        _l("Write a description of at most %(n)s characters.", n=DESCRIPTION_LIMIT),
        required=False)
    association.website = _website(data)
    association.email = _email(data)
    association.phone = _phone(data)
    association.is_website_public = bool(data.get("is_website_public")) and bool(
        association.website)
    association.is_email_public = bool(data.get("is_email_public")) and bool(association.email)
    association.is_phone_public = bool(data.get("is_phone_public")) and bool(association.phone)
    association.neighbourhoods = _rows(
        Neighbourhood, _ids(data, "neighbourhood_ids"),
        _l("Choose neighbourhoods from the list."), "neighbourhood_ids")
    association.areas = _rows(AreaOfWork, _ids(data, "area_ids"),
                              _l("Choose areas of work from the list."), "area_ids")
    association.search_text = fold(f"{association.name}\n{association.description}")


def _flush_unique(association) -> None:
    """Flush; a tax id (or web address name) taken a moment ago by a parallel request is
    refused like one taken before."""
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise DomainError(TAX_ID_TAKEN, field="tax_id") from None


def register_association(data: dict, *, actor, now=None) -> Association:
    """A new association in the register, pending verification, with ``actor`` as its first
    administrator."""
    if not can_register_association(actor):
        raise DomainError(_l("Sign in with an account that is not blocked to register an "
                             "association."))
    now = now or utcnow()
    association = Association(status=AssociationStatus.PENDING, created_by_id=actor.id,
                              refusal_reason="", language=written_in(actor))
    _apply(association, data, actor=actor)
    assign_slug(association, None, association.name)
    if association.slug in RESERVED_SLUGS:
        assign_slug(association, None, f"{association.name} 2")
    association.representatives.append(AssociationRepresentative(
        user_id=actor.id, role=RepresentativeRole.ADMINISTRATOR,
        status=RepresentativeStatus.ACCEPTED, decided_at=now, decided_by_id=actor.id))
    db.session.add(association)
    _flush_unique(association)
    log_action("register_association", association, actor=actor, name=association.name,
               tax_id=association.tax_id)
    return association


def update_association(association, data: dict, *, actor) -> Association:
    """Its details and contact (not its verification), by a representative or the council."""
    lock_row(Association, association.id)
    db.session.refresh(association)
    if not can_edit_association(actor, association):
        raise DomainError(NOT_ALLOWED)
    _apply(association, data, actor=actor)
    _flush_unique(association)
    log_action("update_association", association, actor=actor, name=association.name)
    return association


# --- the council's decision --------------------------------------------------------------------

def _pending(association, actor, allowed):
    lock_row(Association, association.id)
    db.session.refresh(association)
    if not allowed(actor, association):
        if association.status != AssociationStatus.PENDING:
            raise DomainError(_l("This registration has already been decided."))
        raise DomainError(_l("Only the council verifies associations."))


def verify_association(association, *, actor, now=None) -> Association:
    """The council approves a pending registration: the association gets the verified mark."""
    _pending(association, actor, can_verify_association)
    now = now or utcnow()
    association.status = AssociationStatus.VERIFIED
    association.verified_at = now
    association.decided_at = now
    association.decided_by_id = actor.id
    db.session.flush()
    log_action("verify_association", association, actor=actor, name=association.name)
    return association


def refuse_association(association, reason: str, *, actor, now=None) -> Association:
    """The council refuses a pending registration, saying why: it leaves the public register."""
    _pending(association, actor, can_refuse_association)
    reason = text_value({"reason": reason}, "reason", REASON_LIMIT, _l(
        "Say why, in at most %(n)s characters: the association's administrators will read it.",
        n=REASON_LIMIT))
    association.status = AssociationStatus.REFUSED
    association.refusal_reason = reason
    association.decided_at = now or utcnow()
    association.decided_by_id = actor.id
    db.session.flush()
    log_action("refuse_association", association, actor=actor, name=association.name,
               reason=reason)
    return association


# --- representatives ---------------------------------------------------------------------------

def ask_to_represent(association, *, actor, now=None) -> AssociationRepresentative:
    """``actor`` asks to represent ``association``: its administrators decide."""
    lock_row(Association, association.id)
    db.session.refresh(association)
    if not can_ask_to_represent(actor, association):
        if association.link_of(actor) is not None:
            raise DomainError(_l("You have already asked to represent this association."))
        raise DomainError(NOT_ALLOWED)
    link = AssociationRepresentative(
        association=association, user_id=actor.id, role=RepresentativeRole.REPRESENTATIVE,
        status=RepresentativeStatus.REQUESTED)
    db.session.add(link)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise DomainError(_l("You have already asked to represent this association.")) from None
    log_action("ask_to_represent", association, actor=actor, user_id=actor.id)
    return link


def _managed(link, actor):
    """Lock the link's association and check ``actor`` manages its representatives."""
    lock_row(Association, link.association_id)
    db.session.refresh(link)
    association = link.association
    db.session.refresh(association)
    if not can_manage_representatives(actor, association):
        raise DomainError(NOT_ALLOWED)
    return association


def _administrators(association) -> list:
    return [r for r in association.representatives if r.is_administrator]


def accept_representative(link, *, actor, now=None) -> AssociationRepresentative:
    association = _managed(link, actor)
    if link.status != RepresentativeStatus.REQUESTED:
        raise DomainError(_l("This request has already been answered."))
    link.status = RepresentativeStatus.ACCEPTED
    link.decided_at = now or utcnow()
    link.decided_by_id = actor.id
    db.session.flush()
    log_action("accept_representative", association, actor=actor, user_id=link.user_id)
    return link


def refuse_representative(link, *, actor, now=None) -> AssociationRepresentative:
    association = _managed(link, actor)
    if link.status != RepresentativeStatus.REQUESTED:
        raise DomainError(_l("This request has already been answered."))
    link.status = RepresentativeStatus.REFUSED
    link.decided_at = now or utcnow()
    link.decided_by_id = actor.id
    db.session.flush()
    log_action("refuse_representative", association, actor=actor, user_id=link.user_id)
    return link


def change_representative_role(link, role, *, actor) -> AssociationRepresentative:
    """Make an accepted representative an administrator, or an administrator a plain
    representative (never the last one)."""
    association = _managed(link, actor)
    try:
        role = role if isinstance(role, RepresentativeRole) else RepresentativeRole(role)
    except ValueError:
        raise DomainError(_l("Choose a role from the list.")) from None
    if not link.is_accepted:
        raise DomainError(_l("Accept the request first."))
    if role == link.role:
        return link
    if link.is_administrator and _administrators(association) == [link]:
        raise DomainError(LAST_ADMINISTRATOR)
    link.role = role
    db.session.flush()
    log_action("change_representative_role", association, actor=actor, user_id=link.user_id,
               role=role)
    return link


def remove_representative(link, *, actor) -> None:
    """Take a representative (of either role) off the association (never the last
    administrator). The person may ask again later."""
    association = _managed(link, actor)
    if not link.is_accepted:
        raise DomainError(_l("This person does not represent the association."))
    if link.is_administrator and _administrators(association) == [link]:
        raise DomainError(LAST_ADMINISTRATOR)
    log_action("remove_representative", association, actor=actor, user_id=link.user_id,
               role=link.role)
    association.representatives.remove(link)
    db.session.flush()


def leave_association(link, *, actor) -> None:
    """``actor`` takes their own link off the association: a representative leaves, a
    request not yet answered is withdrawn, a refused one is forgotten (they may ask again).
    The last administrator stays until someone else is made administrator."""
    lock_row(Association, link.association_id)
    db.session.refresh(link)
    if link.user_id != actor.id:
        raise DomainError(NOT_ALLOWED)
    association = link.association
    db.session.refresh(association)
    if link.is_administrator and _administrators(association) == [link]:
        raise DomainError(LAST_ADMINISTRATOR)
    log_action("leave_association", association, actor=actor, user_id=actor.id,
               status=link.status)
    association.representatives.remove(link)
    db.session.flush()


# --- the council's areas of work ------------------------------------------------------------------

def _area_name(data, area=None) -> str:
    name = text_value(data, "name", AREA_LIMIT, _l(
        "Write the name on one line, in at most %(n)s characters.", n=AREA_LIMIT),
        one_line=True)
    query = sa.select(AreaOfWork.id).where(sa.func.lower(AreaOfWork.name) == name.lower())
    if area is not None and area.id is not None:
        query = query.where(AreaOfWork.id != area.id)
    if db.session.scalar(query) is not None:
        raise DomainError(_l("There is already an area of work with this name."), field="name")
    return name


def add_area(data: dict, *, actor, translations=None) -> AreaOfWork:
    if not can_manage_areas(actor):
        raise DomainError(NOT_ALLOWED)
    position = db.session.scalar(sa.select(sa.func.count(AreaOfWork.id))) or 0
    area = AreaOfWork(name=_area_name(data), position=position)
    set_translations(area, translations)
    db.session.add(area)
    db.session.flush()
    log_action("add_area_of_work", area, actor=actor, name=area.name)
    return area


def update_area(area, data: dict, *, actor, translations=None) -> AreaOfWork:
    if not can_manage_areas(actor):
        raise DomainError(NOT_ALLOWED)
    area.name = _area_name(data, area)
    set_translations(area, translations)
    db.session.flush()
    log_action("update_area_of_work", area, actor=actor, name=area.name)
    return area
