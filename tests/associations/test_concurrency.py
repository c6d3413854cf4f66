"""The last administrator under parallel requests, with real threads and one database
connection each (as gunicorn workers would): administrators leaving, stepping down or removing
one another at once never leave an association without one. Runs on SQLite and PostgreSQL."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.associations import operations
from participa.associations.models import (
    AssociationRepresentative,
    RepresentativeRole,
    RepresentativeStatus,
)
from participa.extensions import db
from tests.associations.conftest import make_association, make_link
from tests.support import factories
from tests.support.parallel import run_parallel

ADMINISTRATORS = 4


def _association_run_by(n):
    """A verified association with ``n`` administrators: (its id, their links' ids)."""
    association = make_association("verified")
    for _ in range(n - 1):
        make_link(association, factories.person(), administrator=True)
    links = [r.id for r in association.representatives if r.is_administrator]
    assert len(links) == n
    association_id = association.id
    db.session.commit()
    return association_id, links


def _administrators(association_id) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(AssociationRepresentative).where(
            AssociationRepresentative.association_id == association_id,
            AssociationRepresentative.status == RepresentativeStatus.ACCEPTED,
            AssociationRepresentative.role == RepresentativeRole.ADMINISTRATOR))


def _link(link_id):
    return db.session.get(AssociationRepresentative, link_id)


def _user(link_id):
    return db.session.get(User, _link(link_id).user_id)


def test_administrators_leaving_at_once_leave_one(app):
    association_id, links = _association_run_by(ADMINISTRATORS)

    def leave(link_id):
        return lambda: operations.leave_association(_link(link_id), actor=_user(link_id))

    ok, refused = run_parallel(app, [leave(i) for i in links])

    assert (ok, refused) == (ADMINISTRATORS - 1, 1)
    assert _administrators(association_id) == 1


def test_administrators_demoting_and_removing_one_another_leave_one(app):
    """Each administrator takes the next one's role away, or removes them, at once: whatever
    the order, one administrator stays."""
    association_id, links = _association_run_by(ADMINISTRATORS)
    actors = {i: _user(i).id for i in links}

    def against(actor_link, target_link, remove):
        def job():
            actor = db.session.get(User, actors[actor_link])
            if remove:
                operations.remove_representative(_link(target_link), actor=actor)
            else:
                operations.change_representative_role(
                    _link(target_link), RepresentativeRole.REPRESENTATIVE, actor=actor)
        return job

    jobs = [against(links[i], links[(i + 1) % len(links)], remove=bool(i % 2))
            for i in range(len(links))]
    ok, refused = run_parallel(app, jobs)

    assert ok + refused == ADMINISTRATORS and refused >= 1
    assert _administrators(association_id) >= 1
