"""The account's mark of people an association has accepted (``represents_associations``):
set in the same flush as the acceptance, however the link is made, and what spares everyone
else the read of the associations they may act for on every page with a form."""

import sqlalchemy as sa

from participa.associations import operations
from participa.associations.models import AssociationRepresentative, RepresentativeStatus
from participa.associations.queries import represented_associations
from participa.extensions import db
from tests.associations.conftest import make_association, make_link
from tests.support import factories


def _statements(app, read):
    seen = []

    def count(*args):
        seen.append(args[2])

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = read()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    return result, seen


def test_whoever_an_association_accepts_is_marked(commit):
    founder = factories.person()
    association = make_association("verified", admin=founder)
    asker = factories.person()
    link = operations.ask_to_represent(association, actor=asker)
    db.session.flush()
    assert founder.represents_associations is True  # its first administrator
    assert asker.represents_associations is False  # only asked
    operations.accept_representative(link, actor=founder)
    db.session.flush()
    assert asker.represents_associations is True
    commit()
    db.session.expire_all()
    assert represented_associations(asker) == [association]


def test_a_link_written_directly_marks_its_person_too():
    person = factories.person()
    association = make_association("verified")
    db.session.add(AssociationRepresentative(association=association, user=person,
                                             status=RepresentativeStatus.ACCEPTED))
    db.session.flush()
    assert person.represents_associations is True
    assert represented_associations(person) == [association]


def test_a_person_no_association_accepted_costs_no_read(app):
    association = make_association("verified")
    stranger = factories.person()
    make_link(association, factories.person())
    db.session.flush()
    found, statements = _statements(app, lambda: represented_associations(stranger))
    assert found == [] and statements == []
