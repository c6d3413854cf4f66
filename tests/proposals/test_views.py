"""Every proposals route through the test client: the happy paths and 302/400/403/404/429."""

import re

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext

from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals import operations
from participa.proposals.models import Proposal, ProposalState
from tests.support import factories
from tests.support.html import HOSTILE_BODY, assert_inert, selected_option
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    answer,
    count_proposals,
    make_proposal,
    make_supporters,
    stored_count,
    url,
)
from tests.support.web import csrf_token, login, post, sync, text


def refreshed(proposal):
    sync()
    return db.session.get(Proposal, proposal.id)


def counted(proposal):
    sync()
    return stored_count(proposal)


def person(role="resident", **kwargs):
    return factories.make_user(role, locale="en", **kwargs)


@pytest.fixture
def proposal(process, author):
    return make_proposal(process, author, title="Ombra a la plaça del Mercat",
                         body="Plantem **arbres** i posem bancs.",
                         category_id=process.categories[0].id)


# --- index ------------------------------------------------------------------------------------


def test_index_lists_proposals_with_their_state(client, process, author, council, commit):
    accepted = make_proposal(process, author, title="Més bancs")
    make_proposal(process, author, title="Fonts d'aigua")
    answer(accepted, council, state="accepted")
    draft = make_proposal(process, author, title="Amb esborrany")
    answer(draft, council, state="rejected", text="Encara no", publish=False)
    commit()

    html = text(client.get(url(process)))

    assert "Més bancs" in html and "Fonts d&#39;aigua" in html
    assert re.search(r'state-accepted">Accepted<', html)
    assert 'state-rejected' not in html  # the unpublished answer does not show


def test_index_echoes_filters_from_the_url(client, process, author, commit):
    barri = factories.make_neighbourhood("Sant Pere")
    process.neighbourhoods.append(barri)
    culture = process.categories[1]
    commit()
    login(client, author)

    response = client.get(url(process), query_string={
        "q": "plaça verda", "state": "accepted", "category": culture.id,
        "neighbourhood": barri.id, "sort": "supports", "filter": "mine"})

    assert response.status_code == 200
    html = text(response)
    assert 'name="q" value="plaça verda"' in html
    assert selected_option(html, "state") == "accepted"
    assert selected_option(html, "category") == str(culture.id)
    assert selected_option(html, "neighbourhood") == str(barri.id)
    assert selected_option(html, "sort") == "supports"
    assert selected_option(html, "filter") == "mine"


@pytest.mark.parametrize("query", [
    "page=abc", "page=-3", "page=0", "state=nonsense", "category=abc", "sort=DROP",
    "neighbourhood=x&filter=everything", "page=99999999999999999999999999",
])
def test_index_tolerates_bad_parameters(client, process, proposal, commit, query):
    commit()
    response = client.get(f"{url(process)}?{query}")
    assert response.status_code == 200
    html = text(response)
    assert selected_option(html, "sort") == "recent"
    assert selected_option(html, "state") in (None, "")


def test_index_search_and_filters(client, process, author, other, commit):
    make_proposal(process, author, title="Plaça més verda", body="Arbres.")
    make_proposal(process, other, title="Bancs al parc", body="A prop de la plaça.")
    supported = make_proposal(process, other, title="Carril bici", body="Mobilitat.")
    withdrawn = make_proposal(process, author, title="Plaça retirada")
    operations.withdraw_proposal(withdrawn, actor=author)
    operations.support_proposal(supported, actor=author)
    commit()

    def titles(**query):
        html = text(client.get(url(process), query_string=query))
        return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)

    assert titles(q="PLACA") == ["Bancs al parc", "Plaça més verda"]
    assert titles(q="plaça arbres") == ["Plaça més verda"]
    assert titles(state="withdrawn") == ["Plaça retirada"]
    login(client, author)
    assert titles(filter="mine") == ["Plaça més verda"]
    assert titles(filter="supported") == ["Carril bici"]


def test_index_pagination_keeps_the_filters(app, client, process, author, commit, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    for i in range(5):
        make_proposal(process, author, title=f"Parc {i}")
    make_proposal(process, author, title="Una altra cosa")
    commit()

    html = text(client.get(url(process), query_string={"q": "parc"}))
    assert re.findall(r">(Parc \d)<", html) == ["Parc 4", "Parc 3"]
    assert 'rel="prev"' not in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "q=parc" in next_link and "page=2" in next_link

    html = text(client.get(next_link))
    assert re.findall(r">(Parc \d)<", html) == ["Parc 2", "Parc 1"]
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_random_order_is_consistent_across_pages(app, client, process, author, commit,
                                                 monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 3)
    for i in range(8):
        make_proposal(process, author, title=f"Idea {i}")
    commit()

    def page(n):
        html = text(client.get(url(process), query_string={"sort": "random", "page": n}))
        return re.findall(r">(Idea \d)<", html)

    first = page(1)
    assert page(1) == first  # the seed lives in the visitor's session
    seen = first + page(2) + page(3)
    assert sorted(seen) == sorted(f"Idea {i}" for i in range(8))


def test_index_of_an_unpublished_process_is_404_to_outsiders(client, author, commit):
    process = factories.make_process(published=False)
    facilitator = person("facilitator", process=process)
    commit()
    assert client.get(url(process)).status_code == 404
    for who, status in ((author, 404), (facilitator, 200)):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process)).status_code == status


def test_unknown_process_is_404(client):
    assert client.get("/processes/no-such-process/proposals/").status_code == 404


# --- new: preview, publish, invalid input --------------------------------------------------


def test_new_sends_visitors_to_sign_in(client, process, commit):
    commit()
    response = client.get(url(process, action="new"))
    assert response.status_code == 302
    assert "/accounts/login" in response.headers["Location"]


def test_new_form_for_a_resident(client, process, author, commit):
    commit()
    login(client, author)
    response = client.get(url(process, action="new"))
    assert response.status_code == 200
    html = text(response)
    assert 'name="title"' in html and 'name="body"' in html
    assert 'maxlength="3000"' in html
    assert 'value="publish"' not in html  # publishing comes after the preview


@pytest.mark.parametrize("kind", [PhaseKind.INFORMATION, PhaseKind.DEBATE, PhaseKind.VOTING,
                                  None])
def test_new_redirects_with_a_message_when_the_phase_does_not_allow(client, author, commit,
                                                                    kind):
    process = process_in_phase(kind)
    commit()
    login(client, author)
    for method in (client.get, lambda u: post(client, u, {"title": "T", "body": "B",
                                                           "action": "publish"})):
        response = method(url(process, action="new"))
        assert response.status_code == 302
        assert response.headers["Location"].endswith(url(process))
    html = text(client.get(url(process)))
    assert "You cannot create a proposal in this process now." in html
    sync()
    assert count_proposals() == 0


def test_new_redirects_at_the_proposals_limit(client, author, commit):
    process = factories.make_process(proposals_per_person=1)
    make_proposal(process, author)
    commit()
    login(client, author)
    response = client.get(url(process, action="new"), follow_redirects=True)
    assert "You have reached the limit of proposals in this process." in text(response)


def test_preview_shows_the_text_and_similar_proposals_and_creates_nothing(
        client, process, author, other, commit):
    similar = make_proposal(process, other, title="Més ombra a la Plaça del Mercat")
    make_proposal(process, other, title="Carril bici")
    commit()
    login(client, author)

    response = post(client, url(process, action="new"), {
        "title": "Arbres a la placa del mercat", "body": "Volem **ombra** a l'estiu.",
        "category_id": process.categories[0].id, "action": "preview"})

    assert response.status_code == 200
    html = text(response)
    assert 'id="preview-heading"' in html
    assert "<strong>ombra</strong>" in html
    assert 'id="similar-heading"' in html
    assert f'href="{url(process, similar)}"' in html
    assert "Carril bici" not in html
    assert 'value="publish"' in html
    assert form_choice(html, "category_id") == str(process.categories[0].id)
    assert 'value="Arbres a la placa del mercat"' in html
    sync()
    assert count_proposals() == 2


def test_publish_creates_the_proposal(client, process, author, commit):
    barri = factories.make_neighbourhood()
    process.neighbourhoods.append(barri)
    commit()
    login(client, author)

    response = post(client, url(process, action="new"), {
        "title": "Un casal per al jovent", "body": "Amb *biblioteca*.",
        "category_id": process.categories[1].id, "neighbourhood_id": barri.id,
        "address": "Carrer Major, 3", "action": "publish"})

    assert response.status_code == 302
    created = db.session.scalar(sa.select(Proposal))
    assert response.headers["Location"].endswith(url(process, created))
    assert (created.title, created.author_id, created.category_id, created.neighbourhood_id,
            created.address) == ("Un casal per al jovent", author.id, process.categories[1].id,
                                 barri.id, "Carrer Major, 3")
    assert db.session.scalar(sa.select(ActionLog.verb).where(
        ActionLog.target_id == created.id)) == "create_proposal"
    page = text(client.get(response.headers["Location"]))
    assert "Your proposal has been published." in page
    assert "<em>biblioteca</em>" in page


@pytest.mark.parametrize("action", ["preview", "publish"])
def test_invalid_input_is_refused_and_the_text_kept(client, process, author, commit, action):
    commit()
    login(client, author)
    response = post(client, url(process, action="new"), {
        "title": "Massa llarg " + "x" * 150, "body": "El meu text escrit amb cura",
        "action": action})
    assert response.status_code == 400
    html = text(response)
    assert "El meu text escrit amb cura</textarea>" in html
    assert 'value="Massa llarg xxx' in html
    assert 'aria-invalid="true"' in html
    sync()
    assert count_proposals() == 0


@pytest.mark.parametrize("field", ["title", "body"])
def test_missing_field_is_refused(client, process, author, commit, field):
    commit()
    login(client, author)
    data = {"title": "Un títol", "body": "Un text", "action": "publish"}
    del data[field]
    assert post(client, url(process, action="new"), data).status_code == 400
    sync()
    assert count_proposals() == 0


def test_body_over_the_process_limit_is_refused(client, author, commit):
    process = factories.make_process(proposal_body_limit=20)
    commit()
    login(client, author)
    response = post(client, url(process, action="new"),
                    {"title": "Títol", "body": "y" * 21, "action": "publish"})
    assert response.status_code == 400
    assert 'maxlength="20"' in text(response)
    sync()
    assert count_proposals() == 0


def test_category_of_another_process_is_refused(client, process, author, commit):
    foreign = factories.make_process(categories=("Mobilitat",)).categories[0]
    commit()
    login(client, author)
    response = post(client, url(process, action="new"), {
        "title": "Títol", "body": "Text", "category_id": foreign.id, "action": "publish"})
    assert response.status_code == 400
    sync()
    assert count_proposals() == 0


# --- show ---------------------------------------------------------------------------------


def test_show_renders_the_proposal(client, process, proposal, author, commit):
    commit()
    response = client.get(url(process, proposal))
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Ombra a la plaça del Mercat</h1>" in html
    assert "<strong>arbres</strong>" in html
    assert author.name in html
    assert process.categories[0].name in html
    assert "Not answered yet" in html
    assert "Sign in to support proposals." in html
    assert author.email not in html


def test_show_404s(client, process, proposal, author, commit):
    elsewhere = factories.make_process()
    foreign = make_proposal(elsewhere, author)
    deleted = make_proposal(process, author)
    deleted.deleted_at = utcnow()
    commit()
    assert client.get(url(process) + "999999").status_code == 404
    assert client.get(url(process, foreign)).status_code == 404
    assert client.get(url(elsewhere, foreign)).status_code == 200
    assert client.get(url(process, deleted)).status_code == 404
    assert client.get(url(process) + "abc").status_code == 404


def test_show_of_an_unpublished_process_is_404_to_outsiders(client, process, proposal,
                                                            author, facilitator, commit):
    process.is_published = False
    commit()
    assert client.get(url(process, proposal)).status_code == 404
    for who, status in ((author, 404), (facilitator, 200)):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, proposal)).status_code == status


def test_supports_and_threshold_on_the_page(client, author, commit):
    process = factories.make_process(support_threshold=3)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 3)
    commit()
    html = text(client.get(url(process, proposal)))
    assert "3 supports" in html
    assert 'max="3"' in html
    assert "Threshold reached" in html


def test_hidden_supports_are_shown_to_managers_only(client, author, commit):
    process = factories.make_process(supports_visible=False)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 2)
    facilitator = person("facilitator", process=process)
    commit()
    assert "2 supports" not in text(client.get(url(process, proposal)))
    assert "2 supports" not in text(client.get(url(process)))
    login(client, facilitator)
    assert "2 supports" in text(client.get(url(process, proposal)))


@pytest.mark.parametrize("where", ["show", "index"])
def test_supports_left_are_shown(client, author, other, commit, where):
    process = factories.make_process(supports_per_person=3)
    first = make_proposal(process, author)
    make_proposal(process, author)
    operations.support_proposal(first, actor=other)
    commit()
    login(client, other)
    page = url(process, first) if where == "show" else url(process)
    assert "You have 2 supports left in this process." in text(client.get(page))


def test_no_supports_left_line_without_a_limit(client, process, proposal, other, commit):
    commit()
    login(client, other)
    assert "supports left" not in text(client.get(url(process, proposal)))
    assert "support left" not in text(client.get(url(process)))


def test_last_support_used_explains_the_limit(client, author, other, commit):
    process = factories.make_process(supports_per_person=1)
    first, second = make_proposal(process, author), make_proposal(process, author)
    operations.support_proposal(first, actor=other)
    commit()
    login(client, other)
    html = text(client.get(url(process, second)))
    assert "You have 0 supports left in this process." in html
    assert "You have used all your supports in this process." in html


def test_closed_phase_is_explained(client, author, other, commit):
    process = process_in_phase(PhaseKind.VOTING)
    proposal = make_proposal(process, author)
    commit()
    login(client, other)
    html = text(client.get(url(process, proposal)))
    assert "Supports are closed in the current phase of this process." in html
    assert url(process, proposal, "support") not in html


# --- edit ---------------------------------------------------------------------------------


def form_choice(html, name):
    """The value of the option a browser would send for ``<select name=name>``."""
    block = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    match = re.search(r'<option(?=[^>]*\bselected\b)[^>]*value="([^"]*)"', block)
    return match.group(1) if match else None


def test_author_edits_the_proposal(client, process, proposal, author, commit):
    commit()
    login(client, author)
    page = client.get(url(process, proposal, "edit"))
    assert page.status_code == 200
    html = text(page)
    assert 'value="Ombra a la plaça del Mercat"' in html
    assert form_choice(html, "category_id") == str(process.categories[0].id)

    response = post(client, url(process, proposal, "edit"), {
        "title": "Ombra i fonts a la plaça", "body": "Arbres i fonts.",
        "category_id": form_choice(html, "category_id")})
    assert response.status_code == 302
    proposal = refreshed(proposal)
    assert proposal.title == "Ombra i fonts a la plaça"
    assert proposal.category_id == process.categories[0].id


def test_edit_without_the_selects_keeps_the_category(client, process, proposal, author,
                                                     commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {"title": "Nou", "body": "Text"})
    assert response.status_code == 302
    assert refreshed(proposal).category_id == process.categories[0].id


def test_edit_clears_the_category(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"),
                    {"title": "Nou", "body": "Text", "category_id": ""})
    assert response.status_code == 302
    assert refreshed(proposal).category_id is None


def test_invalid_edit_is_refused(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {"title": "", "body": "Nou"})
    assert response.status_code == 400
    assert refreshed(proposal).title == "Ombra a la plaça del Mercat"


def test_edit_is_refused_to_others(client, process, proposal, other, facilitator, commit):
    commit()
    assert client.get(url(process, proposal, "edit")).status_code == 302  # sign in first
    for who in (other, facilitator):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, proposal, "edit")).status_code == 403
        response = post(browser, url(process, proposal, "edit"), {"title": "Meva", "body": "B"})
        assert response.status_code == 403
    assert refreshed(proposal).title == "Ombra a la plaça del Mercat"


def test_edit_is_refused_after_a_support(client, process, proposal, author, commit):
    make_supporters(proposal, 1)
    commit()
    login(client, author)
    assert client.get(url(process, proposal, "edit")).status_code == 403
    assert url(process, proposal, "edit") not in text(client.get(url(process, proposal)))


def test_edit_is_refused_after_the_window(client, process, proposal, author, commit):
    proposal.created_at = utcnow().replace(year=2020)
    commit()
    login(client, author)
    assert client.get(url(process, proposal, "edit")).status_code == 403


# --- withdraw, support, unsupport -----------------------------------------------------------


def test_author_withdraws(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "withdraw"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, proposal))
    assert refreshed(proposal).state is ProposalState.WITHDRAWN
    html = text(client.get(url(process, proposal)))
    assert "Your proposal has been withdrawn." in html
    assert "The author withdrew this proposal" in html
    assert url(process, proposal, "withdraw") not in html


def test_withdraw_is_refused_to_others(client, process, proposal, other, council, commit):
    commit()
    for who in (other, council):
        browser = client.another()
        login(browser, who)
        assert post(browser, url(process, proposal, "withdraw")).status_code == 403
    assert refreshed(proposal).state is ProposalState.PUBLISHED


def test_support_and_unsupport(client, process, proposal, other, commit):
    commit()
    login(client, other)
    response = post(client, url(process, proposal, "support"))
    assert response.status_code == 302
    assert counted(proposal) == 1
    html = text(client.get(url(process, proposal)))
    assert "Thank you: you support this proposal." in html
    assert "You support this proposal." in html
    assert url(process, proposal, "unsupport") in html

    again = post(client, url(process, proposal, "support"))
    assert again.status_code == 302
    assert "You already support this proposal." in text(client.get(url(process, proposal)))
    assert counted(proposal) == 1

    assert post(client, url(process, proposal, "unsupport")).status_code == 302
    assert counted(proposal) == 0
    assert "You no longer support this proposal." in text(client.get(url(process, proposal)))


def test_support_goes_back_to_a_local_page_only(client, process, proposal, other, commit):
    commit()
    login(client, other)
    index = url(process) + "?sort=supports"
    response = post(client, url(process, proposal, "support"), {"next": index})
    assert response.headers["Location"].endswith(index)
    response = post(client, url(process, proposal, "unsupport"),
                    {"next": "https://evil.example/"})
    assert response.headers["Location"].endswith(url(process, proposal))


def test_refused_support_changes_nothing(client, author, other, commit):
    process = process_in_phase(PhaseKind.IMPLEMENTATION)
    proposal = make_proposal(process, author)
    commit()
    login(client, other)
    assert post(client, url(process, proposal, "support")).status_code == 302
    assert counted(proposal) == 0


def test_visitors_are_sent_to_sign_in(client, process, proposal, commit):
    commit()
    for action in ("withdraw", "support", "unsupport", "answer"):
        response = post(client, url(process, proposal, action))
        assert response.status_code == 302
        assert "/accounts/login" in response.headers["Location"]
    assert counted(proposal) == 0


@pytest.mark.parametrize("action", ["withdraw", "support", "unsupport", "answer", "edit"])
def test_posts_without_csrf_token_are_400(client, process, proposal, author, facilitator,
                                          commit, action):
    commit()
    login(client, facilitator if action == "answer" else author)
    response = client.post(url(process, proposal, action),
                           data={"state": "accepted", "answer": "Sí", "publish": "y",
                                 "title": "T", "body": "B"})
    assert response.status_code == 400
    proposal = refreshed(proposal)
    assert proposal.state is ProposalState.PUBLISHED
    assert proposal.supports_count == 0
    assert proposal.title == "Ombra a la plaça del Mercat"


def test_new_without_csrf_token_is_400(client, process, author, commit):
    commit()
    login(client, author)
    response = client.post(url(process, action="new"),
                           data={"title": "T", "body": "B", "action": "publish"})
    assert response.status_code == 400
    sync()
    assert count_proposals() == 0


def test_support_rate_limit(app, client, process, proposal, other, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_SUPPORT", "4 per minute")
    commit()
    login(client, other)
    token = csrf_token(client, url(process, proposal))
    for _ in range(4):  # the first one supports, the next three are refused politely
        response = client.post(url(process, proposal, "support"), data={"csrf_token": token})
        assert response.status_code == 302
    response = client.post(url(process, proposal, "support"), data={"csrf_token": token})
    assert response.status_code == 429
    assert "Too many requests" in text(response)
    assert counted(proposal) == 1
    # supporting and withdrawing share one allowance: no switching to dodge the limit
    response = client.post(url(process, proposal, "unsupport"), data={"csrf_token": token})
    assert response.status_code == 429
    assert counted(proposal) == 1


# --- answer -----------------------------------------------------------------------------------


def test_facilitator_answers_and_the_author_is_emailed_in_their_language(
        client, process, facilitator, outbox, commit):
    author = factories.make_user(name="Àngela", email="angela@example.org", locale="es")
    proposal = make_proposal(process, author, title="Bancs a l'ombra")
    commit()
    login(client, facilitator)
    page = text(client.get(url(process, proposal)))
    assert url(process, proposal, "answer") in page

    response = post(client, url(process, proposal, "answer"), {
        "state": "accepted", "answer": "La farem **aquest any**.", "publish": "y"})

    assert response.status_code == 302
    proposal = refreshed(proposal)
    assert proposal.state is ProposalState.ACCEPTED
    assert proposal.answer_published_at is not None
    (message,) = outbox()
    assert message["To"] == "angela@example.org"
    with force_locale("es"):
        subject = gettext('Your proposal "%(title)s" has an answer', title="Bancs a l'ombra")
        hello = gettext("Hello %(name)s,", name="Àngela")
    assert subject != 'Your proposal "Bancs a l\'ombra" has an answer'  # Spanish, not English
    assert message["Subject"] == subject
    body = message.get_content()
    assert hello in body
    assert "La farem **aquest any**." in body
    assert f"http://participa.test{url(process, proposal)}" in body

    html = text(client.another().get(url(process, proposal)))
    assert "<strong>aquest any</strong>" in html
    assert re.search(r'state-accepted">Accepted<', html)


def test_council_answers_any_process(client, process, proposal, council, commit):
    commit()
    login(client, council)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "rejected", "answer": "No és viable.", "publish": "y"})
    assert response.status_code == 302
    assert refreshed(proposal).state is ProposalState.REJECTED


def test_unpublished_answer_is_seen_by_managers_only(client, process, proposal, author,
                                                      facilitator, outbox, commit):
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "evaluating", "answer": "Ho estem mirant amb urbanisme."})
    assert response.status_code == 302
    assert refreshed(proposal).state is ProposalState.PUBLISHED
    assert outbox() == []
    html = text(client.get(url(process, proposal)))
    assert "Ho estem mirant amb urbanisme." in html
    assert "Not published yet" in html

    other_client = client.another()
    assert "Ho estem mirant" not in text(other_client.get(url(process, proposal)))
    login(other_client, author)
    assert "Ho estem mirant" not in text(other_client.get(url(process, proposal)))


def test_answer_form_keeps_a_published_answer_published(client, process, proposal,
                                                        facilitator, commit):
    answer(proposal, facilitator, state="accepted", text="Sí.")
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, proposal)))
    assert re.search(r'<input[^>]*checked[^>]*name="publish"|<input[^>]*name="publish"'
                     r'[^>]*checked', html)


def test_answer_refused_to_residents_and_other_facilitators(client, process, proposal,
                                                            author, other, commit):
    outsider = person("facilitator", process=factories.make_process())
    commit()
    for who in (author, other, outsider):
        browser = client.another()
        login(browser, who)
        assert url(process, proposal, "answer") not in text(browser.get(url(process, proposal)))
        response = post(browser, url(process, proposal, "answer"),
                        {"state": "accepted", "answer": "Jo mateix", "publish": "y"})
        assert response.status_code == 403
    assert refreshed(proposal).answered_at is None


def test_withdrawn_proposal_cannot_be_answered(client, process, proposal, author, facilitator,
                                              commit):
    operations.withdraw_proposal(proposal, actor=author)
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "accepted", "answer": "Tard", "publish": "y"})
    assert response.status_code == 403


@pytest.mark.parametrize("data", [
    {"state": "accepted", "answer": ""},
    {"state": "withdrawn", "answer": "Estat no vàlid"},
    {"state": "published", "answer": "Estat no vàlid"},
])
def test_invalid_answer_is_400_and_saves_nothing(client, process, proposal, facilitator,
                                                 outbox, commit, data):
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"), {**data, "publish": "y"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in text(response)
    proposal = refreshed(proposal)
    assert (proposal.answered_at, proposal.state) == (None, ProposalState.PUBLISHED)
    assert outbox() == []


# --- hostile content ----------------------------------------------------------------------


def test_hostile_body_is_inert_on_the_proposal_page(client, process, author, commit):
    proposal = make_proposal(process, author, title="<script>alert('t')</script>Títol",
                             body=HOSTILE_BODY)
    commit()
    html = text(client.get(url(process, proposal)))
    assert_inert(html)
    assert "<strong>veïns</strong>" in html
    assert "fes clic" in html and "enllaç" in html  # the text stays, the links go
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;Títol" in html


def test_hostile_body_is_inert_in_the_preview(client, process, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, action="new"),
                    {"title": "Prova", "body": HOSTILE_BODY, "action": "preview"})
    assert response.status_code == 200
    html = text(response)
    assert 'id="preview-heading"' in html
    assert_inert(html)
    assert "<strong>veïns</strong>" in html


def test_hostile_answer_is_inert(client, process, proposal, facilitator, commit):
    answer(proposal, facilitator, state="accepted", text=HOSTILE_BODY)
    commit()
    assert_inert(text(client.get(url(process, proposal))))
