"""The demo town's legal texts: the four texts in three languages, the terms of use in two
versions, and every account has accepted the current terms, so a demo account signing in is not
stopped. Seeding again adds nothing."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.core.types import utcnow
from participa.extensions import db
from participa.legal import queries
from participa.legal.models import KIND_ORDER, LegalKind
from participa.seed import DEMO_PASSWORD, seed_demo
from participa.seed.legal import seed_legal
from tests.support.web import post


def test_the_demo_town_has_its_texts_and_everyone_accepted_the_terms(client):
    seed_demo()
    db.session.commit()
    current = queries.current_versions()
    assert set(current) == set(KIND_ORDER)
    for version in current.values():
        assert "Riuclar" in version.body
        assert set(version.translations) == {"es", "en"}
        assert all(texts["body"] for texts in version.translations.values())
    assert current[LegalKind.TERMS].number == 2 and current[LegalKind.TERMS].summary
    assert "Ayuntamiento de Riuclar" in current[LegalKind.NOTICE].text_in("body", "es")
    assert "LOPDGDD" in current[LegalKind.PRIVACY].body
    assert "1112/2018" in current[LegalKind.ACCESSIBILITY].text_in("body", "en")
    users = list(db.session.scalars(sa.select(User)))
    assert len(users) > 20
    assert all(queries.terms_to_accept(user.id) is None for user in users)
    accepted = [a.accepted_at for user in users for a in queries.list_acceptances(user.id)]
    assert all(moment <= utcnow() for moment in accepted)

    council = db.session.scalar(sa.select(User).where(User.is_council))
    assert seed_legal(council, utcnow()) == 0  # again: nothing more

    response = post(client, "/accounts/login",
                    {"email": "marta@riuclar.example", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
