"""Writes about processes, their phases, categories and facilitators."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participa.core.errors import DomainError
from participa.core.models import assign_slug, log_action
from participa.core.translated import set_translations
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.processes.models import (
    Category,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
)

PROCESS_FIELDS = (
    "title", "plan_id", "summary", "description", "is_published", "proposal_body_limit",
    "proposal_edit_minutes", "proposals_per_person", "supports_enabled", "supports_per_person",
    "support_threshold", "supports_visible", "residents_open_debates", "comment_body_limit",
    "hide_after_reports",
)
DEFAULTS = {"summary": "", "description": ""}
PHASE_FIELDS = ("title", "starts_at", "ends_at", "position")


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_process": _l("created a process"),
    "update_process": _l("edited a process"),
    "add_phase": _l("added a phase"),
    "update_phase": _l("edited a phase"),
    "delete_phase": _l("deleted a phase"),
    "add_category": _l("added a category"),
    "remove_category": _l("removed a category"),
    "assign_facilitator": _l("assigned a facilitator"),
    "remove_facilitator": _l("removed a facilitator"),
}


def create_process(data: dict, *, actor, translations=None) -> Process:
    return _save_process(Process(), data, actor=actor, verb="create_process",
                         translations=translations)


def update_process(process: Process, data: dict, *, actor, translations=None) -> Process:
    """``translations``: the texts in the other languages (``None`` keeps those it has)."""
    return _save_process(process, data, actor=actor, verb="update_process",
                         translations=translations)


def _save_process(process, data, *, actor, verb, translations=None):
    set_translations(process, translations)
    for field in PROCESS_FIELDS:
        if field in data:
            value = data[field]
            setattr(process, field, DEFAULTS.get(field) if value is None else value)
    process.neighbourhoods = list(
        db.session.scalars(
            select(Neighbourhood).where(Neighbourhood.id.in_(data.get("neighbourhood_ids") or []))
        )
    )
    assign_slug(process, data.get("slug"), data["title"])
    db.session.add(process)
    db.session.flush()
    log_action(verb, process, actor=actor, slug=process.slug, published=process.is_published)
    return process


def add_phase(process: Process, data: dict, *, actor, translations=None) -> Phase:
    return _save_phase(Phase(), data, actor=actor, verb="add_phase", process=process,
                       translations=translations)


def update_phase(phase: Phase, data: dict, *, actor, translations=None) -> Phase:
    return _save_phase(phase, data, actor=actor, verb="update_phase",
                       translations=translations)


def _save_phase(phase, data, *, actor, verb, process=None, translations=None):
    if data["ends_at"] <= data["starts_at"]:
        raise DomainError(_l("The end must come after the start."), field="ends_at")
    set_translations(phase, translations)
    phase.kind = PhaseKind(data["kind"])
    for field in PHASE_FIELDS:
        setattr(phase, field, data[field] if data[field] is not None else
                ("" if field == "title" else 0))
    if process is not None:  # joins its process only once valid: a refused phase leaves no trace
        phase.process = process
    db.session.add(phase)
    db.session.flush()
    log_action(verb, phase, actor=actor, process_id=phase.process_id, kind=phase.kind,
               starts_at=phase.starts_at, ends_at=phase.ends_at)
    return phase


def delete_phase(phase: Phase, *, actor) -> None:
    log_action("delete_phase", phase, actor=actor, process_id=phase.process_id, kind=phase.kind)
    db.session.delete(phase)
    db.session.flush()


def add_category(process: Process, name: str, *, actor, translations=None) -> Category:
    name = name.strip()
    if any(c.name.lower() == name.lower() for c in process.categories):
        raise DomainError(_l("This process already has a category with that name."), field="name")
    category = Category(process=process, name=name, position=len(process.categories))
    set_translations(category, translations)
    db.session.add(category)
    db.session.flush()
    log_action("add_category", category, actor=actor, process_id=process.id, name=name)
    return category


def remove_category(category: Category, *, actor) -> None:
    log_action("remove_category", category, actor=actor, process_id=category.process_id,
               name=category.name)
    db.session.delete(category)
    db.session.flush()


def assign_facilitator(process: Process, user, *, actor) -> ProcessRole:
    if user is None:
        raise DomainError(_l("There is no account with this e-mail."), field="email")
    if user.facilitates(process):
        raise DomainError(_l("This person already facilitates this process."), field="email")
    role = ProcessRole(process=process, user=user, role=ProcessRoleKind.FACILITATOR)
    db.session.add(role)
    db.session.flush()
    log_action("assign_facilitator", process, actor=actor, user_id=user.id)
    return role


def remove_facilitator(role: ProcessRole, *, actor) -> None:
    log_action("remove_facilitator", role.process, actor=actor, user_id=role.user_id)
    db.session.delete(role)
    db.session.flush()
