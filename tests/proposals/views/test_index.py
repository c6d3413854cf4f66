"""The proposals list through the test client: states, search, filters, sorting, pagination
and the 404s."""

import re

import pytest

from participa.proposals import operations
from tests.support.factories import person
from tests.support.html import selected_option
from tests.support.proposals import (
    answer,
    url,
)
from tests.support.web import login, text


def test_index_lists_proposals_with_their_state(client, process, author, council, commit,
                                                make_proposal):
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


def test_index_echoes_filters_from_the_url(client, process, author, commit, make_neighbourhood):
    barri = make_neighbourhood("Sant Pere")
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


def test_index_search_and_filters(client, process, author, other, commit, make_proposal):
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


def test_index_pagination_keeps_the_filters(app, client, process, author, commit, monkeypatch,
                                            make_proposal):
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


def test_random_order_is_consistent_across_pages(app, client, process, author, commit, monkeypatch,
                                                 make_proposal):
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


def test_index_of_an_unpublished_process_is_404_to_outsiders(client, author, commit, make_process):
    process = make_process(published=False)
    facilitator = person("facilitator", process=process)
    commit()
    assert client.get(url(process)).status_code == 404
    for who, status in ((author, 404), (facilitator, 200)):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process)).status_code == status


def test_unknown_process_is_404(client):
    assert client.get("/processes/no-such-process/proposals/").status_code == 404
