"""Reads of the legal texts and of who accepted the terms of use."""

import sqlalchemy as sa

from participa.extensions import db
from participa.legal.models import LegalKind, LegalVersion, TermsAcceptance


def kind_from_slug(slug: str) -> LegalKind | None:
    """The text a page address names (``terms``), or None."""
    try:
        return LegalKind(slug)
    except ValueError:
        return None


def current_version(kind: LegalKind) -> LegalVersion | None:
    """The newest version of ``kind`` (None: never published)."""
    return db.session.scalar(
        sa.select(LegalVersion).where(LegalVersion.kind == kind)
        .order_by(LegalVersion.number.desc()).limit(1))


def current_terms() -> LegalVersion | None:
    return current_version(LegalKind.TERMS)


def get_version(kind: LegalKind, number: int) -> LegalVersion | None:
    return db.session.scalar(sa.select(LegalVersion).where(
        LegalVersion.kind == kind, LegalVersion.number == number))


def list_versions(kind: LegalKind) -> list[LegalVersion]:
    """Every version of ``kind``, newest first (a handful: one per publication)."""
    return list(db.session.scalars(
        sa.select(LegalVersion).where(LegalVersion.kind == kind)
        .order_by(LegalVersion.number.desc())))


def current_versions() -> dict[LegalKind, LegalVersion]:
    """The newest version of each text that has one (one query)."""
    newest = (sa.select(LegalVersion.kind, sa.func.max(LegalVersion.number).label("number"))
              .group_by(LegalVersion.kind).subquery())
    rows = db.session.scalars(sa.select(LegalVersion).join(newest, sa.and_(
        LegalVersion.kind == newest.c.kind, LegalVersion.number == newest.c.number)))
    return {row.kind: row for row in rows}


def has_accepted(user_id: int, version: LegalVersion) -> bool:
    """Whether this person accepted this version (one lookup on the unique index)."""
    return db.session.scalar(sa.select(TermsAcceptance.id).where(
        TermsAcceptance.user_id == user_id, TermsAcceptance.version_id == version.id)) is not None


def terms_to_accept(user_id: int) -> LegalVersion | None:
    """The terms of use this person must accept before signing in: the current version when
    they have not accepted it; None when they have, or when no terms have been published.
    Asked at sign-in only (two small reads), never on every request."""
    terms = current_terms()
    if terms is None or has_accepted(user_id, terms):
        return None
    return terms


def list_acceptances(user_id: int) -> list[TermsAcceptance]:
    """What this person has accepted, newest first."""
    return list(db.session.scalars(
        sa.select(TermsAcceptance).where(TermsAcceptance.user_id == user_id)
        .order_by(TermsAcceptance.accepted_at.desc(), TermsAcceptance.id.desc())))
