"""The council's texts in the reader's language: the pages show the translation when there is
one and the Catalan text, marked ``lang="ca"``, when there is none; the council's forms save
the translations and show them again."""

import re

import pytest

from participa.extensions import db
from participa.meetings import operations as meeting_ops
from participa.meetings.models import Meeting
from participa.meetings.notifications import send_registration
from participa.plans.models import CommunityPlan, Goal
from participa.processes.models import Process
from tests.processes.test_admin import phase_form, process_form
from tests.support import factories
from tests.support.meetings import edit_values, form_values, make_meeting
from tests.support.meetings import url as meeting_url
from tests.support.web import login, post, refreshed, text


@pytest.fixture
def festival(commit):
    plan = factories.make_plan("Pla del Barri Vell", slug="pla-barri-vell")
    plan.translations = {"en": {"title": "Barri Vell Plan"}}
    process = factories.make_process("Festa major", slug="festa-major", plan=plan,
                                     summary="La festa del barri", description="**Tots** hi som",
                                     categories=("Cultura",))
    process.translations = {"en": {"title": "Town festival", "description": "**All** welcome"},
                            "es": {"title": "Fiesta mayor", "summary": "La fiesta del barrio"}}
    process.categories[0].translations = {"en": {"name": "Culture"}}
    commit()
    return process


def test_an_english_reader_sees_the_english_texts_and_marked_fallbacks(client, festival):
    page = text(client.get("/processes/festa-major"))
    assert "<title>Town festival" in page
    assert "<h1>Town festival</h1>" in page  # in the page's language: no lang of its own
    assert "<strong>All</strong> welcome" in page  # the Markdown of the translation
    assert '<p class="lead" lang="ca">La festa del barri</p>' in page  # no English summary
    assert '<li>Culture</li>' in page
    assert '>Barri Vell Plan</a>' in page
    assert "Festa major" not in page


def test_a_spanish_reader_sees_the_spanish_texts(client, festival):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    page = text(client.get("/processes/festa-major"))
    assert "<h1>Fiesta mayor</h1>" in page
    assert '<p class="lead">La fiesta del barrio</p>' in page
    assert '<div class="prose" lang="ca"><p><strong>Tots</strong> hi som</p>' in page
    assert '<li lang="ca">Cultura</li>' in page
    assert '<a href="/plans/pla-barri-vell" lang="ca">Pla del Barri Vell</a>' in page


def test_a_catalan_reader_sees_the_catalan_texts_unmarked(client, festival):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    page = text(client.get("/processes/festa-major"))
    assert "<h1>Festa major</h1>" in page and 'lang="ca"' not in page.split("<main", 1)[1]


def test_the_list_cards_and_breadcrumbs_follow_the_reader(client, festival):
    assert "Town festival" in text(client.get("/processes/"))
    page = text(client.get("/processes/festa-major/proposals/"))
    assert re.search(r'<a href="/processes/festa-major">Town festival</a>', page)
    assert "<title>Proposals · Town festival" in page
    assert re.search(r'<option value="\d+"\s*>Culture</option>', page)  # the category filter


def test_plans_and_goals_follow_the_reader(client, commit):
    plan = factories.make_plan("Pla del Barri Vell", slug="pla-barri-vell", body="Text del pla")
    goal = Goal(plan=plan, title="Enfortir els vincles", description="Que ens coneguem")
    goal.translations = {"en": {"title": "Strengthen ties"}}
    plan.translations = {"en": {"title": "Barri Vell Plan", "body": "The plan's text"}}
    db.session.add(goal)
    commit()
    page = text(client.get("/plans/pla-barri-vell"))
    assert "<h1>Barri Vell Plan</h1>" in page and "<p>The plan's text</p>" in page
    assert "Strengthen ties" in page
    assert '<div class="prose" lang="ca"><p>Que ens coneguem</p>' in page


def test_a_meeting_follows_the_reader(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator, title="Assemblea de barri",
                           description="Ordre del dia")
    meeting.translations = {"en": {"title": "Neighbourhood assembly"}}
    commit()
    page = text(client.get(f"/processes/{process.slug}/meetings/{meeting.id}"))
    assert "<h1>Neighbourhood assembly</h1>" in page
    assert '<div class="prose" lang="ca"><p>Ordre del dia</p>' in page
    assert "Neighbourhood assembly" in text(client.get(f"/processes/{process.slug}/meetings/"))
    assert "SUMMARY:Neighbourhood assembly" in text(client.get(f"/meetings/{meeting.id}.ics"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    assert "SUMMARY:Assemblea de barri" in text(client.get(f"/meetings/{meeting.id}.ics"))


def test_a_meeting_email_is_in_the_recipients_language(process, facilitator, outbox, commit):
    meeting = make_meeting(process, facilitator, title="Assemblea de barri", capacity=10)
    meeting.translations = {"es": {"title": "Asamblea de barrio"}}
    db.session.flush()
    reader = factories.make_user("resident", locale="es")
    send_registration(meeting_ops.register(meeting, actor=reader))
    commit()
    sent = [m for m in outbox() if m["To"] == reader.email][-1]
    assert "Asamblea de barrio" in sent["Subject"]
    assert "Asamblea de barrio" in sent.get_body(("plain",)).get_content()


# --- the council's forms -------------------------------------------------------------------------


def test_the_council_saves_and_sees_again_a_process_translations(as_council, commit):
    response = post(as_council, "/admin/processes/new", process_form(
        title="Festa major", title_es="Fiesta mayor", title_en="Town festival",
        summary_en="  The neighbourhood's festival ", description_es=""))
    assert response.status_code == 302
    process = db.session.scalar(db.select(Process).where(Process.title == "Festa major"))
    assert process.translations == {"es": {"title": "Fiesta mayor"},
                                     "en": {"title": "Town festival",
                                            "summary": "The neighbourhood's festival"}}
    page = text(as_council.get(f"/admin/processes/{process.id}/edit"))
    assert '<details class="translations" open>' in page
    assert '<label for="title_es">Title in Spanish</label>' in page
    tag = re.search(r'<input[^>]*id="title_es"[^>]*>', page).group(0)
    assert 'lang="es"' in tag and 'value="Fiesta mayor"' in tag
    # editing something else keeps them: the form sends them back as it showed them
    response = post(as_council, f"/admin/processes/{process.id}/edit", process_form(
        title="Festa major del barri", title_es="Fiesta mayor", title_en="Town festival",
        summary_en="The neighbourhood's festival"))
    assert response.status_code == 302
    assert refreshed(process).translations["en"]["title"] == "Town festival"


def test_a_translation_too_long_is_refused_beside_its_field(as_council):
    response = post(as_council, "/admin/processes/new",
                    process_form(title="Festa", title_en="x" * 201))
    assert response.status_code == 400
    assert 'id="title_en-error"' in text(response)
    assert db.session.scalar(db.select(Process).where(Process.title == "Festa")) is None


def test_phase_and_category_translations(as_council, commit):
    process = factories.make_process("Festa major")
    commit()
    response = post(as_council, f"/admin/processes/{process.id}/phases/new",
                    phase_form(title="Recollida d'idees", title_en="Gathering ideas"))
    assert response.status_code == 302
    response = post(as_council, f"/admin/processes/{process.id}/categories",
                    {"name": "Cultura", "name_es": "Cultura", "name_en": "Culture"})
    assert response.status_code == 302
    process = refreshed(process)
    assert [p.translations for p in process.phases if p.title] == [
        {"en": {"title": "Gathering ideas"}}]
    assert process.categories[-1].translations == {"es": {"name": "Cultura"},
                                                   "en": {"name": "Culture"}}
    phase = next(p for p in process.phases if p.title)
    page = text(as_council.get(f"/admin/processes/{process.id}/phases/{phase.id}/edit"))
    assert 'value="Gathering ideas"' in page
    assert "Gathering ideas" in text(as_council.get(f"/processes/{process.slug}"))


def test_plan_and_goal_translations(as_council, commit):
    plan = factories.make_plan("Pla del Barri Vell")
    commit()
    response = post(as_council, f"/admin/plans/{plan.id}/goals/new",
                    {"title": "Enfortir els vincles", "description": "",
                     "title_en": "Strengthen ties", "description_es": "Que nos conozcamos"})
    assert response.status_code == 302
    goal = db.session.scalar(db.select(Goal).where(Goal.plan_id == plan.id))
    assert goal.translations == {"en": {"title": "Strengthen ties"},
                                 "es": {"description": "Que nos conozcamos"}}
    page = text(as_council.get(f"/admin/plans/{plan.id}/edit"))
    assert "Title in English" in page and "Description in Spanish" in page
    assert refreshed(plan).translations == {}
    assert db.session.get(CommunityPlan, plan.id) is not None


def test_meeting_translations_through_its_form(client, process, commit):
    facilitator = factories.make_user("facilitator", process=process, locale="en")
    commit()
    login(client, facilitator)
    page = text(client.get(meeting_url(process, action="new")))
    assert "Title in Spanish" in page and "Description in English" in page
    response = post(client, meeting_url(process, action="new"),
                    form_values(title_en="Neighbourhood assembly"))
    assert response.status_code == 302
    meeting = db.session.scalar(db.select(Meeting))
    assert meeting.translations == {"en": {"title": "Neighbourhood assembly"}}
    assert 'value="Neighbourhood assembly"' in text(
        client.get(meeting_url(process, meeting, "edit")))
    response = post(client, meeting_url(process, meeting, "edit"), edit_values(
        meeting, title_en="Neighbourhood assembly", description_es="Hablemos de la plaza."))
    assert response.status_code == 302
    assert refreshed(meeting).translations == {
        "en": {"title": "Neighbourhood assembly"}, "es": {"description": "Hablemos de la plaza."}}


def test_a_resident_cannot_reach_the_councils_forms(client, process, resident, commit):
    commit()
    login(client, resident)
    assert client.get(f"/admin/processes/{process.id}/edit").status_code == 403
    response = post(client, f"/admin/processes/{process.id}/edit",
                    process_form(title="Festa", title_en="Festival"))
    assert response.status_code == 403
    assert refreshed(process).translations == {}
