"""Hostile text in proposals is served inert: the page, the preview and the answer."""

from tests.support.html import HOSTILE_BODY, assert_inert
from tests.support.proposals import (
    answer,
    url,
)
from tests.support.web import login, post, text


def test_hostile_body_is_inert_on_the_proposal_page(client, process, author, commit, make_proposal):
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
