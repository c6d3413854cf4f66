"""Proposing through the test client: the form, the preview with similar proposals, publishing,
refused input and the phase and per-person limits."""

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals.models import Proposal
from tests.support.html import form_choice
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    count_proposals,
    url,
)
from tests.support.web import login, post, sync, text


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


def test_new_redirects_at_the_proposals_limit(client, author, commit, make_process, make_proposal):
    process = make_process(proposals_per_person=1)
    make_proposal(process, author)
    commit()
    login(client, author)
    response = client.get(url(process, action="new"), follow_redirects=True)
    assert "You have reached the limit of proposals in this process." in text(response)


def test_preview_shows_the_text_and_similar_proposals_and_creates_nothing(
        client, process, author, other, commit, make_proposal):
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


def test_publish_creates_the_proposal(client, process, author, commit, make_neighbourhood):
    barri = make_neighbourhood()
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


def test_body_over_the_process_limit_is_refused(client, author, commit, make_process):
    process = make_process(proposal_body_limit=20)
    commit()
    login(client, author)
    response = post(client, url(process, action="new"),
                    {"title": "Títol", "body": "y" * 21, "action": "publish"})
    assert response.status_code == 400
    assert 'maxlength="20"' in text(response)
    sync()
    assert count_proposals() == 0


def test_category_of_another_process_is_refused(client, process, author, commit, make_process):
    foreign = make_process(categories=("Mobilitat",)).categories[0]
    commit()
    login(client, author)
    response = post(client, url(process, action="new"), {
        "title": "Títol", "body": "Text", "category_id": foreign.id, "action": "publish"})
    assert response.status_code == 400
    sync()
    assert count_proposals() == 0
