"""Publishing versions and accepting the terms, without HTTP: numbering, the record kept, the
ActionLog, refusals, and the re-acceptance rule (a new version of the terms asks again; a new
version of another text does not)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.legal import operations, queries
from participa.legal.models import LegalKind, LegalVersion, TermsAcceptance
from tests.legal.helpers import publish
from tests.support import factories


def test_each_publication_is_a_new_numbered_version_with_date_and_publisher(council):
    first = publish(actor=council, body="Primera versió", summary="Text inicial",
                    es="Primera versión", en="First version")
    later = utcnow() + timedelta(days=3)
    second = publish(actor=council, body="Segona versió", now=later)
    assert (first.number, second.number) == (1, 2)
    assert second.published_at == later and second.published_by_id == council.id
    assert first.body == "Primera versió"  # the old version is kept as it was
    assert first.translations == {"es": {"body": "Primera versión"},
                                  "en": {"body": "First version"}}
    assert first.text_in("body", "es") == "Primera versión"
    assert second.text_in("body", "en") == "Segona versió"  # no English: the Catalan text
    assert second.language_of("body", "en") == "ca"
    assert queries.current_version(LegalKind.TERMS) == second
    assert [v.number for v in queries.list_versions(LegalKind.TERMS)] == [2, 1]
    assert queries.get_version(LegalKind.TERMS, 1) == first


def test_numbers_count_per_text(council):
    publish(actor=council)
    publish(actor=council)
    privacy = publish(LegalKind.PRIVACY, actor=council, body="Privadesa")
    assert privacy.number == 1
    current = queries.current_versions()
    assert {kind: v.number for kind, v in current.items()} == {
        LegalKind.TERMS: 2, LegalKind.PRIVACY: 1}


def test_publishing_is_logged(council):
    version = publish(LegalKind.ACCESSIBILITY, actor=council, body="Declaració")
    entry = db.session.scalar(sa.select(ActionLog).where(ActionLog.verb == "publish_legal_text"))
    assert entry.actor_id == council.id and entry.target_type == "legalversion"
    assert entry.target_id == version.id
    assert entry.data == {"kind": "accessibility", "number": 1}


@pytest.mark.parametrize("role", ["resident", "facilitator"])
def test_only_the_council_publishes(role, process):
    person = factories.make_user(role, process=process)
    with pytest.raises(DomainError):
        publish(actor=person)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LegalVersion)) == 0


@pytest.mark.parametrize("data, field", [
    ({"body": "   "}, "body"),
    ({"body": "x" * 60_001}, "body"),
    ({"body": "Text", "summary": "una\nlínia"}, "summary"),
    ({"body": "Text\x00"}, "body"),
    ({"body": "Text", "translations": {"fr": {"body": "Texte"}}}, None),
    ({"body": "Text", "translations": {"es": {"title": "Texto"}}}, None),
])
def test_bad_input_is_refused_and_changes_nothing(council, data, field):
    with pytest.raises(DomainError) as refused:
        operations.publish_legal_text(LegalKind.NOTICE, data, actor=council)
    assert refused.value.field == field
    assert queries.current_version(LegalKind.NOTICE) is None


def test_accepting_keeps_the_version_and_the_moment(council, resident):
    terms = publish(actor=council)
    moment = utcnow() - timedelta(minutes=5)
    acceptance = operations.accept_terms(resident, terms, now=moment)
    assert (acceptance.user_id, acceptance.version_id, acceptance.accepted_at) == (
        resident.id, terms.id, moment)
    again = operations.accept_terms(resident, terms)  # twice: the first acceptance stands
    assert again.id == acceptance.id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TermsAcceptance)) == 1


def test_only_the_current_terms_can_be_accepted(council, resident):
    old = publish(actor=council)
    publish(actor=council)
    with pytest.raises(DomainError):
        operations.accept_terms(resident, old)
    privacy = publish(LegalKind.PRIVACY, actor=council, body="Privadesa")
    with pytest.raises(DomainError):
        operations.accept_terms(resident, privacy)


def test_the_re_acceptance_rule(council, resident):
    assert queries.terms_to_accept(resident.id) is None  # nothing published: nothing asked
    first = publish(actor=council)
    assert queries.terms_to_accept(resident.id) == first
    operations.accept_terms(resident, first)
    assert queries.terms_to_accept(resident.id) is None
    publish(LegalKind.PRIVACY, actor=council, body="Privadesa")  # another text: not asked
    assert queries.terms_to_accept(resident.id) is None
    second = publish(actor=council, summary="Nou apartat sobre comentaris")
    assert queries.terms_to_accept(resident.id) == second
    operations.accept_terms(resident, second)
    assert queries.terms_to_accept(resident.id) is None
    history = queries.list_acceptances(resident.id)
    assert [a.version.number for a in history] == [2, 1]  # the whole history is kept


def test_registering_with_terms_records_the_acceptance(council):
    from participa.accounts.operations import register_user

    terms = publish(actor=council)
    person = register_user(name="Laia", email="laia@example.org",
                           password="un riu tranquil al matí", terms=terms)
    assert [a.version_id for a in queries.list_acceptances(person.id)] == [terms.id]
    assert queries.terms_to_accept(person.id) is None
