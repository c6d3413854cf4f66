"""Process operations without HTTP: processes, phases, categories, facilitators, ActionLog."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes import operations
from participa.processes.models import Category, Phase, PhaseKind, Process, ProcessRole
from tests.support import factories


def process_data(**overrides):
    data = {
        "title": "Pressupostos participatius 2027", "slug": None, "plan_id": None,
        "summary": None, "description": None, "neighbourhood_ids": [], "is_published": False,
        "proposal_body_limit": 3000, "proposal_edit_minutes": 15, "proposals_per_person": 0,
        "supports_enabled": True, "supports_per_person": 0, "support_threshold": 0,
        "supports_visible": True,
    }
    data.update(overrides)
    return data


def phase_data(**overrides):
    now = utcnow()
    data = {"kind": "proposals", "title": None, "starts_at": now - timedelta(days=1),
            "ends_at": now + timedelta(days=1), "position": None}
    data.update(overrides)
    return data


def logs():
    return list(db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id)))


# --- processes ----------------------------------------------------------------------------------


def test_create_process(council):
    plan = factories.make_plan()
    barri, serrat = factories.make_neighbourhood(), factories.make_neighbourhood()
    process = operations.create_process(
        process_data(plan_id=plan.id, neighbourhood_ids=[barri.id, serrat.id],
                     summary="Decidim junts", is_published=True, supports_per_person=3),
        actor=council,
    )
    assert process.id is not None
    assert process.slug == "pressupostos-participatius-2027"
    assert process.plan == plan
    assert {n.id for n in process.neighbourhoods} == {barri.id, serrat.id}
    assert (process.summary, process.description) == ("Decidim junts", "")
    assert process.is_published and process.supports_per_person == 3
    [entry] = logs()
    assert (entry.verb, entry.actor_id, entry.target_type, entry.target_id) == (
        "create_process", council.id, "process", process.id
    )
    assert entry.data == {"slug": process.slug, "published": True}


def test_the_slug_is_made_from_the_title_and_kept_unique(council):
    first = operations.create_process(process_data(title="Plaça Major!"), actor=council)
    second = operations.create_process(process_data(title="Plaça  major"), actor=council)
    third = operations.create_process(process_data(title="Plaça major"), actor=council)
    assert [first.slug, second.slug, third.slug] == ["placa-major", "placa-major-2",
                                                     "placa-major-3"]


def test_a_wanted_slug_that_is_taken_is_refused(council):
    factories.make_process(slug="pressupostos")
    with pytest.raises(DomainError) as error:
        operations.create_process(process_data(slug="pressupostos"), actor=council)
    assert error.value.field == "slug"


def test_update_process_keeps_its_own_slug(council):
    process = factories.make_process(slug="mercat")
    operations.update_process(process, process_data(title="Nou títol", slug="mercat"),
                              actor=council)
    assert process.slug == "mercat"
    assert process.title == "Nou títol"
    assert [e.verb for e in logs()] == ["update_process"]


def test_update_process_without_slug_keeps_the_current_one(council):
    process = factories.make_process(slug="mercat")
    operations.update_process(process, process_data(title="Un altre títol"), actor=council)
    assert process.slug == "mercat"


def test_update_process_to_a_taken_slug_is_refused(council):
    factories.make_process(slug="taken")
    process = factories.make_process(slug="mine")
    with pytest.raises(DomainError):
        operations.update_process(process, process_data(slug="taken"), actor=council)


def test_the_database_refuses_duplicate_slugs():
    factories.make_process(slug="same")
    with pytest.raises(sa.exc.IntegrityError):
        factories.make_process(slug="same")
    db.session.rollback()


def test_the_database_refuses_negative_limits():
    process = factories.make_process()
    process.supports_per_person = -1
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


# --- phases -----------------------------------------------------------------------------------


def test_add_update_and_delete_a_phase(council):
    process = factories.make_process(phases=())
    phase = operations.add_phase(process, phase_data(position=None), actor=council)
    assert phase.process_id == process.id
    assert (phase.kind, phase.title, phase.position) == (PhaseKind.PROPOSALS, "", 0)

    operations.update_phase(phase, phase_data(kind="voting", title="Votació", position=2),
                            actor=council)
    assert (phase.kind, phase.title, phase.position) == (PhaseKind.VOTING, "Votació", 2)

    phase_id = phase.id
    operations.delete_phase(phase, actor=council)
    assert db.session.get(Phase, phase_id) is None
    assert [e.verb for e in logs()] == ["add_phase", "update_phase", "delete_phase"]
    assert all(e.data["process_id"] == process.id for e in logs())
    assert logs()[1].data["kind"] == "voting"


def test_a_phase_must_end_after_it_starts(council):
    process = factories.make_process(phases=())
    now = utcnow()
    for end in (now, now - timedelta(minutes=1)):
        with pytest.raises(DomainError) as error:
            operations.add_phase(process, phase_data(starts_at=now, ends_at=end), actor=council)
        assert error.value.field == "ends_at"
    assert process.phases == []  # the refused phase did not join the process
    db.session.flush()
    assert logs() == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Phase)) == 0


def test_the_database_refuses_a_phase_that_ends_before_it_starts():
    process = factories.make_process(phases=())
    now = utcnow()
    db.session.add(Phase(process=process, kind=PhaseKind.DEBATE, starts_at=now, ends_at=now))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_deleting_a_process_deletes_its_phases_and_categories():
    process = factories.make_process(categories=("Cultura",))
    process_id = process.id
    db.session.delete(process)
    db.session.flush()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Phase)
                             .where(Phase.process_id == process_id)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Category)) == 0


# --- categories -------------------------------------------------------------------------------


def test_add_and_remove_categories(council):
    process = factories.make_process(categories=("Cultura",))
    category = operations.add_category(process, "  Espai públic ", actor=council)
    assert (category.name, category.position) == ("Espai públic", 1)
    assert [c.name for c in process.categories] == ["Cultura", "Espai públic"]
    operations.remove_category(category, actor=council)
    db.session.expire(process)
    assert [c.name for c in process.categories] == ["Cultura"]
    assert [(e.verb, e.data["name"]) for e in logs()] == [
        ("add_category", "Espai públic"), ("remove_category", "Espai públic")
    ]


def test_a_process_cannot_have_the_same_category_twice(council):
    process = factories.make_process(categories=("Cultura",))
    with pytest.raises(DomainError) as error:
        operations.add_category(process, "cultura", actor=council)
    assert error.value.field == "name"
    assert logs() == []


def test_two_processes_may_share_a_category_name(council):
    operations.add_category(factories.make_process(), "Cultura", actor=council)
    operations.add_category(factories.make_process(), "Cultura", actor=council)


# --- facilitators -----------------------------------------------------------------------------


def test_assign_and_remove_a_facilitator(council):
    process = factories.make_process()
    person = factories.make_user()
    role = operations.assign_facilitator(process, person, actor=council)
    assert person.facilitates(process) and person.is_facilitator
    assert role.role.value == "facilitator"
    operations.remove_facilitator(role, actor=council)
    db.session.expire(person)
    assert not person.facilitates(process)
    assert [(e.verb, e.target_id, e.data) for e in logs()] == [
        ("assign_facilitator", process.id, {"user_id": person.id}),
        ("remove_facilitator", process.id, {"user_id": person.id}),
    ]


def test_a_facilitator_is_assigned_once(council, process, facilitator):
    with pytest.raises(DomainError) as error:
        operations.assign_facilitator(process, facilitator, actor=council)
    assert error.value.field == "email"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ProcessRole)) == 1


def test_assigning_nobody_is_refused(council, process):
    with pytest.raises(DomainError):
        operations.assign_facilitator(process, None, actor=council)


def test_facilitating_one_process_is_not_facilitating_another(council):
    first, second = factories.make_process(), factories.make_process()
    person = factories.make_user("facilitator", process=first)
    assert person.facilitates(first)
    assert not person.facilitates(second)


def test_operations_flush_but_never_commit(council, app):
    """Everything an operation wrote goes away on rollback: the view commits, once."""
    operations.create_process(process_data(title="Temporal"), actor=council)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Process)) == 0
    assert logs() == []
