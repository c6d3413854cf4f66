"""The council's process pages: processes, phases, categories and facilitators."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.processes.models import Category, Phase, PhaseKind, Process, ProcessRole
from tests.support import factories
from tests.support.web import login, post, text


def rows(model):
    db.session.expire_all()
    return list(db.session.scalars(sa.select(model).order_by(model.id)))


def verbs():
    return [e.verb for e in rows(ActionLog)]


@pytest.fixture
def process(commit):
    """The conftest's process, committed so requests see it."""
    process = factories.make_process(categories=("Espai públic", "Cultura"))
    commit()
    return process


@pytest.fixture
def other_process(commit):
    other = factories.make_process(title="Un altre procés", categories=("Joves",))
    factories.make_user("facilitator", process=other)
    commit()
    return other


def process_form(**overrides):
    data = {"title": "Pressupostos participatius", "slug": "", "plan_id": "", "summary": "",
            "description": "", "proposal_body_limit": "3000", "proposal_edit_minutes": "15",
            "proposals_per_person": "0", "supports_per_person": "0", "support_threshold": "0",
            "supports_enabled": "y", "supports_visible": "y", "comment_body_limit": "1000",
            "hide_after_reports": "3"}
    data.update(overrides)
    return data


def phase_form(**overrides):
    data = {"kind": "debate", "title": "", "starts_at": "2026-04-01T10:00",
            "ends_at": "2026-04-30T20:00", "position": "1"}
    data.update(overrides)
    return data


def every_page(process, other_process, facilitator):
    """(method, url) of every management page, with real ids."""
    phase, category = process.phases[0], process.categories[0]
    role = next(r for r in process.roles if r.user_id == facilitator.id)
    base = f"/admin/processes/{process.id}"
    return [
        ("GET", "/admin/processes/"), ("GET", "/admin/processes/new"),
        ("POST", "/admin/processes/new"),
        ("GET", f"{base}/"), ("GET", f"{base}/edit"), ("POST", f"{base}/edit"),
        ("GET", f"{base}/phases/new"), ("POST", f"{base}/phases/new"),
        ("GET", f"{base}/phases/{phase.id}/edit"), ("POST", f"{base}/phases/{phase.id}/edit"),
        ("POST", f"{base}/phases/{phase.id}/delete"),
        ("POST", f"{base}/categories"), ("POST", f"{base}/categories/{category.id}/delete"),
        ("POST", f"{base}/facilitators"), ("POST", f"{base}/facilitators/{role.id}/delete"),
    ]


def request(client, method, url, token_from):
    if method == "GET":
        return client.get(url)
    return post(client, url, {}, token_from=token_from)


def test_anonymous_people_are_sent_to_sign_in(client, process, facilitator, other_process,
                                              commit):
    commit()
    for method, url in every_page(process, other_process, facilitator):
        response = request(client, method, url, "/accounts/login")
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith("/accounts/login"), url
    assert verbs() == []


@pytest.mark.parametrize("who", ["resident", "facilitator", "other_facilitator"])
def test_only_the_council_manages_processes(client, process, facilitator, other_process, who,
                                            commit):
    """Facilitators moderate their processes, but the process set-up belongs to the council."""
    person = {
        "resident": lambda: factories.make_user("resident"),
        "facilitator": lambda: facilitator,
        "other_facilitator": lambda: other_process.roles[0].user,
    }[who]()
    commit()
    login(client, person)
    for method, url in every_page(process, other_process, facilitator):
        assert request(client, method, url, "/").status_code == 403, (method, url)
    assert len(rows(Phase)) == 2 and len(rows(Category)) == 3 and len(rows(ProcessRole)) == 2
    assert verbs() == []


def test_the_council_sees_every_page(as_council, process, facilitator, other_process):
    for method, url in every_page(process, other_process, facilitator):
        if method == "GET":
            response = as_council.get(url)
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == "private, no-store"


def test_the_list_shows_unpublished_processes_too(as_council, commit):
    factories.make_process(title="Procés en preparació", published=False)
    commit()
    page = text(as_council.get("/admin/processes/"))
    assert "Procés en preparació" in page


def test_the_council_creates_a_process(as_council, commit):
    plan = factories.make_plan(title="Pla del Barri Vell")
    barri = factories.make_neighbourhood()
    commit()
    response = post(as_council, "/admin/processes/new", process_form(
        plan_id=str(plan.id), neighbourhood_ids=[str(barri.id)], is_published="y",
        supports_per_person="5", description="Decidim **junts**",
    ), token_from="/admin/processes/new")
    assert response.status_code == 302
    [process] = rows(Process)
    assert response.headers["Location"] == f"/admin/processes/{process.id}/"
    assert (process.title, process.slug, process.plan_id, process.is_published) == (
        "Pressupostos participatius", "pressupostos-participatius", plan.id, True
    )
    assert process.supports_per_person == 5
    assert [n.id for n in process.neighbourhoods] == [barri.id]
    assert "The process has been created. Now add its phases." in text(
        as_council.get(response.headers["Location"])
    )
    assert verbs() == ["create_process"]


def test_an_unticked_box_is_false(as_council):
    data = process_form()
    del data["supports_enabled"]
    post(as_council, "/admin/processes/new", data, token_from="/admin/processes/new")
    [process] = rows(Process)
    assert process.supports_enabled is False
    assert process.is_published is False


def test_the_council_sets_debate_comment_and_moderation_settings(as_council):
    data = process_form(residents_open_debates="y", comment_body_limit="500",
                        hide_after_reports="0")
    response = post(as_council, "/admin/processes/new", data, token_from="/admin/processes/new")
    assert response.status_code == 302
    [process] = rows(Process)
    assert (process.residents_open_debates, process.comment_body_limit,
            process.hide_after_reports) == (True, 500, 0)


@pytest.mark.parametrize("overrides", [{"comment_body_limit": "5"},
                                       {"hide_after_reports": "-1"},
                                       {"comment_body_limit": ""}])
def test_bad_comment_settings_are_refused(as_council, overrides):
    response = post(as_council, "/admin/processes/new", process_form(**overrides),
                    token_from="/admin/processes/new")
    assert response.status_code == 400
    assert rows(Process) == []


def test_the_council_edits_a_process(as_council, process):
    url = f"/admin/processes/{process.id}/edit"
    page = text(as_council.get(url))
    assert f'value="{process.title}"' in page
    response = post(as_council, url, process_form(title="Nou títol", slug=process.slug,
                                                   is_published="y"), token_from=url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/processes/{process.id}/"
    [saved] = rows(Process)
    assert (saved.title, saved.slug) == ("Nou títol", process.slug)
    assert verbs() == ["update_process"]


@pytest.mark.parametrize(
    "overrides",
    [{"title": ""}, {"proposal_body_limit": "10"}, {"supports_per_person": "-1"},
     {"plan_id": "999999"}, {"plan_id": "abc"}, {"neighbourhood_ids": ["999999"]},
     {"slug": "No Good"}],
)
def test_bad_process_input_is_refused(as_council, overrides):
    response = post(as_council, "/admin/processes/new", process_form(**overrides),
                    token_from="/admin/processes/new")
    assert response.status_code == 400
    assert rows(Process) == []


def test_a_taken_process_slug_is_refused(as_council, process):
    response = post(as_council, "/admin/processes/new", process_form(slug=process.slug),
                    token_from="/admin/processes/new")
    assert response.status_code == 400
    assert "This web address name is already used." in text(response)
    assert len(rows(Process)) == 1


# --- phases -----------------------------------------------------------------------------------


def test_add_a_phase(as_council, process):
    url = f"/admin/processes/{process.id}/phases/new"
    assert as_council.get(url).status_code == 200
    response = post(as_council, url, phase_form(title="Debat al casal"), token_from=url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/processes/{process.id}/"
    phase = rows(Phase)[-1]
    assert (phase.kind, phase.title, phase.position) == (PhaseKind.DEBATE, "Debat al casal", 1)
    # typed in Madrid time (summer time: UTC+2)
    assert phase.starts_at == datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
    assert phase.ends_at == datetime(2026, 4, 30, 18, 0, tzinfo=UTC)
    assert verbs() == ["add_phase"]
    assert "Debat al casal" in text(as_council.get(f"/admin/processes/{process.id}/"))


@pytest.mark.parametrize(
    "overrides",
    [{"ends_at": "2026-03-01T10:00"}, {"ends_at": "2026-04-01T10:00"}, {"kind": "party"},
     {"starts_at": ""}, {"starts_at": "yesterday"}, {"position": "-3"}],
)
def test_bad_phase_input_is_refused(as_council, process, overrides):
    url = f"/admin/processes/{process.id}/phases/new"
    response = post(as_council, url, phase_form(**overrides), token_from=url)
    assert response.status_code == 400
    assert len(rows(Phase)) == 1
    assert verbs() == []


def test_edit_a_phase(as_council, process):
    phase = process.phases[0]
    url = f"/admin/processes/{process.id}/phases/{phase.id}/edit"
    page = text(as_council.get(url))
    assert '<option selected value="proposals">' in page or 'value="proposals" selected' in page
    response = post(as_council, url, phase_form(kind="voting", position="0"), token_from=url)
    assert response.status_code == 302
    [saved] = rows(Phase)
    assert saved.kind is PhaseKind.VOTING
    assert verbs() == ["update_phase"]


def test_delete_a_phase(as_council, process):
    phase = process.phases[0]
    response = post(as_council, f"/admin/processes/{process.id}/phases/{phase.id}/delete", {},
                    token_from="/")
    assert response.status_code == 302
    assert rows(Phase) == []
    assert verbs() == ["delete_phase"]


def test_phases_of_another_process_are_404(as_council, process, other_process):
    foreign = other_process.phases[0]
    base = f"/admin/processes/{process.id}/phases/{foreign.id}"
    assert as_council.get(f"{base}/edit").status_code == 404
    assert post(as_council, f"{base}/edit", phase_form(), token_from="/").status_code == 404
    assert post(as_council, f"{base}/delete", {}, token_from="/").status_code == 404
    assert {p.id for p in rows(Phase)} == {process.phases[0].id, foreign.id}
    assert rows(Phase)[-1].kind is PhaseKind.PROPOSALS
    assert verbs() == []


# --- categories and facilitators --------------------------------------------------------------


def test_add_and_remove_a_category(as_council, process):
    url = f"/admin/processes/{process.id}/categories"
    response = post(as_council, url, {"name": "Mobilitat"}, token_from="/")
    assert response.status_code == 302
    category = next(c for c in rows(Category) if c.name == "Mobilitat")
    response = post(as_council, f"{url}/{category.id}/delete", {}, token_from="/")
    assert response.status_code == 302
    assert "Mobilitat" not in [c.name for c in rows(Category)]
    assert verbs() == ["add_category", "remove_category"]


def test_a_duplicate_or_empty_category_is_refused(as_council, process):
    url = f"/admin/processes/{process.id}/categories"
    response = post(as_council, url, {"name": "cultura"}, token_from="/")
    assert response.status_code == 400
    assert "This process already has a category with that name." in text(response)
    assert post(as_council, url, {"name": ""}, token_from="/").status_code == 400
    assert len(rows(Category)) == 2


def test_categories_of_another_process_are_404(as_council, process, other_process):
    foreign = other_process.categories[0]
    url = f"/admin/processes/{process.id}/categories/{foreign.id}/delete"
    assert post(as_council, url, {}, token_from="/").status_code == 404
    assert foreign.id in [c.id for c in rows(Category)]


def test_add_and_remove_a_facilitator(as_council, process, commit):
    person = factories.make_user(email="aina@example.org")
    commit()
    url = f"/admin/processes/{process.id}/facilitators"
    response = post(as_council, url, {"email": "Aina@example.org"}, token_from="/")
    assert response.status_code == 302
    [role] = rows(ProcessRole)
    assert (role.process_id, role.user_id) == (process.id, person.id)
    assert "aina@example.org" in text(as_council.get(f"/admin/processes/{process.id}/"))
    response = post(as_council, f"{url}/{role.id}/delete", {}, token_from="/")
    assert response.status_code == 302
    assert rows(ProcessRole) == []
    assert verbs() == ["assign_facilitator", "remove_facilitator"]


def test_a_facilitator_must_have_an_account_and_is_added_once(as_council, process, facilitator,
                                                              commit):
    commit()
    url = f"/admin/processes/{process.id}/facilitators"
    response = post(as_council, url, {"email": "nobody@example.org"}, token_from="/")
    assert response.status_code == 400
    assert "There is no account with this e-mail." in text(response)
    response = post(as_council, url, {"email": facilitator.email}, token_from="/")
    assert response.status_code == 400
    assert "This person already facilitates this process." in text(response)
    assert post(as_council, url, {"email": "not an address"}, token_from="/").status_code == 400
    assert len(rows(ProcessRole)) == 1
    assert verbs() == []


def test_facilitators_of_another_process_are_404(as_council, process, other_process):
    foreign = other_process.roles[0]
    url = f"/admin/processes/{process.id}/facilitators/{foreign.id}/delete"
    assert post(as_council, url, {}, token_from="/").status_code == 404
    assert [r.id for r in rows(ProcessRole)] == [foreign.id]


# --- missing ids and CSRF ---------------------------------------------------------------------


def test_missing_processes_are_404(as_council, process):
    missing = "/admin/processes/987654"
    for url in (f"{missing}/", f"{missing}/edit", f"{missing}/phases/new",
                f"/admin/processes/{process.id}/phases/987654/edit"):
        assert as_council.get(url).status_code == 404, url
    for url in (f"{missing}/edit", f"{missing}/phases/new", f"{missing}/categories",
                f"{missing}/facilitators", f"/admin/processes/{process.id}/phases/987654/delete",
                f"/admin/processes/{process.id}/categories/987654/delete",
                f"/admin/processes/{process.id}/facilitators/987654/delete"):
        assert post(as_council, url, {"name": "x"}, token_from="/").status_code == 404, url


def test_without_csrf_token_nothing_changes(as_council, process):
    phase, category = process.phases[0], process.categories[0]
    base = f"/admin/processes/{process.id}"
    for url, data in [
        ("/admin/processes/new", process_form()),
        (f"{base}/edit", process_form(title="Changed")),
        (f"{base}/phases/new", phase_form()),
        (f"{base}/phases/{phase.id}/delete", {}),
        (f"{base}/categories", {"name": "Nova"}),
        (f"{base}/categories/{category.id}/delete", {}),
    ]:
        response = as_council.post(url, data=data)
        assert response.status_code == 400, url
        assert "Your form expired or was not sent from this site." in text(response)
    assert [p.title for p in rows(Process)] == [process.title]
    assert len(rows(Phase)) == 1 and len(rows(Category)) == 2
    assert verbs() == []
