"""Each worker keeps a process's frame (the process, its plan, phases, categories and
neighbourhoods) under the process's version: every change to the frame moves the version on in
its own transaction, so a page never shows a frame older than the database."""

import pytest

from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import Category, Phase, PhaseKind, Process
from participa.processes.queries import get_process_by_slug
from tests.support import factories
from tests.support.web import text


def version(process_id):
    db.session.expire_all()
    return db.session.get(Process, process_id).version


def test_the_version_moves_with_every_part_of_the_frame(app, commit):
    place = factories.make_neighbourhood(name="Sant Roc")
    other_place = factories.make_neighbourhood(name="Can Puig")
    plan = factories.make_plan(title="Pla de Sant Roc")
    process = factories.make_process(plan=plan, neighbourhoods=[place], categories=("Cultura",))
    bystander = factories.make_process()
    commit()
    seen = [version(process.id)]

    def changed(change):
        change()
        commit()
        seen.append(version(process.id))
        assert seen[-1] > seen[-2], change.__name__

    def retitle():
        db.session.get(Process, process.id).title = "Un altre títol"

    def move_a_phase():
        db.session.get(Process, process.id).phases[0].ends_at = utcnow()

    def add_a_phase():
        db.session.add(Phase(process_id=process.id, kind=PhaseKind.VOTING, position=5,
                             starts_at=utcnow(), ends_at=utcnow()))

    def rename_a_category():
        db.session.get(Process, process.id).categories[0].name = "Cultura popular"

    def delete_a_category():
        db.session.delete(db.session.get(Process, process.id).categories[0])

    def add_a_category():
        db.session.add(Category(process_id=process.id, name="Mobilitat", position=1))

    def add_a_neighbourhood():
        db.session.get(Process, process.id).neighbourhoods.append(other_place)

    def rename_a_neighbourhood():
        place.name = "Sant Roc Nord"

    def rename_the_plan():
        plan.title = "Pla comunitari de Sant Roc"

    for change in (retitle, move_a_phase, add_a_phase, rename_a_category, delete_a_category,
                   add_a_category, add_a_neighbourhood, rename_a_neighbourhood, rename_the_plan):
        changed(change)
    # a process whose frame did not change keeps its version
    assert version(bystander.id) == 1


def test_a_page_never_shows_an_older_frame(client, commit):
    place = factories.make_neighbourhood(name="Sant Roc", slug="sant-roc")
    plan = factories.make_plan(title="Pla de Sant Roc", slug="pla-sant-roc")
    process = factories.make_process(title="Pressupostos", slug="pressupostos", plan=plan,
                                     neighbourhoods=[place], categories=("Cultura",))
    commit()
    page = text(client.get("/processes/pressupostos"))  # the worker keeps this frame
    assert "Pressupostos" in page and "Sant Roc" in page and "Pla de Sant Roc" in page
    assert text(client.get("/processes/pressupostos")) == page  # and reuses it

    db.session.get(Process, process.id).title = "Pressupostos participatius"
    place.name = "Sant Roc Nord"
    plan.title = "Pla comunitari de Sant Roc"
    commit()
    page = text(client.get("/processes/pressupostos"))
    assert "Pressupostos participatius" in page
    assert "Sant Roc Nord" in page and "Pla comunitari de Sant Roc" in page

    # the proposals index shows the categories of the frame it is given
    db.session.get(Process, process.id).categories[0].name = "Cultura popular"
    commit()
    assert "Cultura popular" in text(client.get("/processes/pressupostos/proposals/"))


def test_a_kept_frame_is_never_changed_by_a_request(app, commit):
    factories.make_process(title="Original", slug="original")
    commit()
    with app.test_request_context():
        first = get_process_by_slug("original")
        first.title = "Changed in memory, never saved"
        db.session.rollback()
        db.session.remove()
    with app.test_request_context():
        assert get_process_by_slug("original").title == "Original"
        db.session.remove()


@pytest.mark.parametrize("step", ["delete", "recreate"])
def test_a_deleted_process_frame_is_not_served(client, commit, step):
    """SQLite may give the id of a deleted process to the next one: its creation time keeps
    their frames apart."""
    process = factories.make_process(title="Procés esborrat", slug="esborrat")
    commit()
    assert "Procés esborrat" in text(client.get("/processes/esborrat"))
    process_id = process.id
    db.session.delete(db.session.get(Process, process_id))
    commit()
    if step == "delete":
        assert client.get("/processes/esborrat").status_code == 404
        return
    factories.make_process(title="Procés nou", slug="esborrat")
    commit()
    page = text(client.get("/processes/esborrat"))
    assert "Procés nou" in page and "Procés esborrat" not in page
