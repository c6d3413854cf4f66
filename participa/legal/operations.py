"""Every write about the legal texts. Flush, never commit; the actor and the clock are passed in.

Publishing never edits a version: it adds the next one (numbered 1, 2, 3 … per text) with the
moment and the person. Accepting the terms adds a row to the person's history (accepting the
same version twice changes nothing)."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.text import text_value
from participa.core.translated import set_translations
from participa.core.types import utcnow
from participa.extensions import db
from participa.legal.models import (
    SUMMARY_LIMIT,
    TEXT_LIMIT,
    LegalKind,
    LegalVersion,
    TermsAcceptance,
)
from participa.legal.permissions import can_publish_legal_text

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "publish_legal_text": _l("published a new version of a legal text"),
}

COUNCIL_ONLY = _l("Only the council publishes the legal texts.")
NOT_CURRENT = _l("These terms of use are not the current ones any more: read the new version "
                 "and accept it.")


def publish_legal_text(kind: LegalKind, data: dict, *, actor, now=None) -> LegalVersion:
    """Publish the next version of ``kind``: ``data`` holds ``body`` (the town's default
    language, required), ``summary`` (what changed, optional) and ``translations``
    (``{"es": {"body": …, "summary": …}, "en": {…}}``)."""
    if not can_publish_legal_text(actor):
        raise DomainError(COUNCIL_ONLY)
    if not isinstance(kind, LegalKind):
        raise DomainError(_l("Choose one of the legal texts."))
    body = text_value(data, "body", TEXT_LIMIT,
                      _l("Write the text in Catalan (at most %(n)s characters).", n=TEXT_LIMIT))
    summary = text_value(data, "summary", SUMMARY_LIMIT,
                         _l("Say what changed in one line of at most %(n)s characters.",
                            n=SUMMARY_LIMIT), required=False, one_line=True)
    latest = db.session.scalar(sa.select(sa.func.max(LegalVersion.number))
                               .where(LegalVersion.kind == kind)) or 0
    version = LegalVersion(kind=kind, number=latest + 1, body=body, summary=summary,
                           published_at=now or utcnow(), published_by_id=actor.id)
    set_translations(version, data.get("translations") or {})
    try:
        with db.session.begin_nested():
            db.session.add(version)
            db.session.flush()
    except IntegrityError:  # another council member published this number a moment ago
        raise DomainError(_l("Another version was published at the same moment. Check the "
                             "current text and publish again.")) from None
    log_action("publish_legal_text", version, actor=actor, kind=kind, number=version.number)
    return version


def accept_terms(user, version: LegalVersion, *, now=None) -> TermsAcceptance:
    """``user`` accepts ``version`` of the terms of use (which must be the current one). The
    acceptance is kept with its moment; accepting again returns the first acceptance."""
    if version is None or version.kind is not LegalKind.TERMS:
        raise DomainError(_l("Choose the terms of use to accept."))
    newest = db.session.scalar(sa.select(sa.func.max(LegalVersion.number))
                               .where(LegalVersion.kind == LegalKind.TERMS))
    if version.number != newest:
        raise DomainError(NOT_CURRENT)
    existing = db.session.scalar(sa.select(TermsAcceptance).where(
        TermsAcceptance.user_id == user.id, TermsAcceptance.version_id == version.id))
    if existing is not None:
        return existing
    acceptance = TermsAcceptance(user_id=user.id, version_id=version.id,
                                 accepted_at=now or utcnow())
    try:
        with db.session.begin_nested():
            db.session.add(acceptance)
            db.session.flush()
    except IntegrityError:  # the same person, accepting in two tabs at once
        acceptance = db.session.scalar(sa.select(TermsAcceptance).where(
            TermsAcceptance.user_id == user.id, TermsAcceptance.version_id == version.id))
    return acceptance
