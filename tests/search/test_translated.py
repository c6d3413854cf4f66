"""The council's texts are found in every language they were given in, and shown in the
reader's."""

from participa.extensions import db
from participa.processes import operations
from tests.support import factories
from tests.support.meetings import make_meeting
from tests.support.web import text


def test_a_spanish_word_finds_a_process_titled_in_catalan(found, council):
    process = operations.create_process(
        {"title": "Festa major del barri", "summary": "", "description": ""}, actor=council,
        translations={"es": {"title": "Fiesta mayor del barrio"},
                      "en": {"description": "A street party for everyone"}})
    process.is_published = True
    db.session.commit()
    assert found("fiesta") == [("processes", process.id)]
    assert found("street party") == [("processes", process.id)]
    assert found("festa") == [("processes", process.id)]


def test_plans_and_meetings_are_found_by_their_translations(found, process, facilitator):
    plan = factories.make_plan("Pla del Barri Vell")
    plan.translations = {"en": {"summary": "Neighbours working together"}}
    meeting = make_meeting(process, facilitator, title="Assemblea de barri")
    meeting.translations = {"es": {"title": "Asamblea vecinal"}}
    db.session.commit()
    assert found("neighbours") == [("plans", plan.id)]
    assert found("asamblea") == [("meetings", meeting.id)]


def test_a_change_of_translation_is_indexed(found, council):
    process = factories.make_process("Festa major")
    db.session.commit()
    assert found("fiesta") == []
    operations.update_process(process, {"title": "Festa major"}, actor=council,
                              translations={"es": {"title": "Fiesta mayor"}})
    db.session.commit()
    assert found("fiesta") == [("processes", process.id)]


def test_the_results_page_shows_the_readers_language(client, commit):
    process = factories.make_process("Festa major", slug="festa-major")
    process.translations = {"en": {"title": "Town festival"}}
    commit()
    page = text(client.get("/search?q=festival"))
    assert "Town festival" in page and "Festa major" not in page


def test_each_hit_is_marked_with_the_language_it_is_shown_in(client, commit, make_user):
    """A Catalan fallback in an English page carries lang="ca", a Spanish proposal lang="es";
    what is shown in the page's own language carries no mark."""
    import re

    from tests.support.proposals import make_proposal

    festival = factories.make_process("Festa major del barri", slug="festa-major")
    festival.translations = {"en": {"title": "Neighbourhood festival"}}
    plain = factories.make_process("Mercat del barri", slug="mercat")
    plain.summary = "Parades del barri cada dissabte."
    proposal = make_proposal(festival, make_user(locale="es"), title="Un barrio con sombra",
                             body="Toldos en la plaza del barri.")
    proposal.language = "es"
    commit()
    page = text(client.get("/search?q=barri"))  # the client reads in English
    assert re.search(r'<h2><a href="/processes/festa-major">Neighbourhood festival</a>', page)
    assert re.search(r'<h2 lang="ca"><a href="/processes/mercat">Mercat del barri</a>', page)
    assert '<p lang="ca">Parades del barri cada dissabte.</p>' in page
    assert re.search(r'<h2 lang="es"><a href="[^"]+">Un barrio con sombra</a>', page)
    assert '<p lang="es">Toldos en la plaza del barri.</p>' in page
