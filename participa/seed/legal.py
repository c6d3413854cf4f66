"""The demo town's legal texts and everyone's acceptance of the terms of use.

The council published the legal notice, the privacy policy, the accessibility statement and
the first terms of use two months ago, and a second version of the terms (with the rules on
moderation) three weeks ago. Every account of the demo town has accepted the current terms, so
nobody signing in to try the demo is stopped; the council's "publish a new version" shows the
rest. ``seed_legal(council, now)`` is idempotent: it publishes what is missing and records the
acceptances that are missing."""

from datetime import timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from participa.legal import operations, queries
from participa.legal.models import LegalKind, TermsAcceptance
from participa.seed.legal_texts import (
    ACCESSIBILITY,
    NOTICE,
    PRIVACY,
    TERMS_V1,
    TERMS_V2,
    TERMS_V2_SUMMARY,
)


def _data(texts, summary=None) -> dict:
    summary = summary or {}
    return {"body": texts["ca"], "summary": summary.get("ca", ""),
            "translations": {lang: {"body": texts[lang], "summary": summary.get(lang, "")}
                             for lang in ("es", "en")}}


def seed_legal(council, now) -> int:
    created = 0
    published = (
        (LegalKind.NOTICE, [(NOTICE, None, 60)]),
        (LegalKind.PRIVACY, [(PRIVACY, None, 60)]),
        (LegalKind.TERMS, [(TERMS_V1, None, 60), (TERMS_V2, TERMS_V2_SUMMARY, 21)]),
        (LegalKind.ACCESSIBILITY, [(ACCESSIBILITY, None, 60)]),
    )
    for kind, versions in published:
        if queries.current_version(kind) is not None:
            continue
        for texts, summary, days_ago in versions:
            operations.publish_legal_text(kind, _data(texts, summary), actor=council,
                                          now=now - timedelta(days=days_ago))
            created += 1
    terms = queries.current_terms()
    accepted = sa.select(TermsAcceptance.user_id).where(TermsAcceptance.version_id == terms.id)
    for user in db.session.scalars(sa.select(User).where(User.id.not_in(accepted))
                                   .order_by(User.id)):
        # each accepted when they joined (or when the terms changed, if they joined before)
        moment = max(user.created_at, terms.published_at) + timedelta(hours=1)
        operations.accept_terms(user, terms, now=min(moment, now))
        created += 1
    db.session.flush()
    return created
