"""The site's header is written once per kind of reader, section and language, and kept
(participa/site/header.py): each reader still gets their own menu, token and return address."""

import re

from tests.support.web import login, text


def header(response) -> str:
    page = text(response)
    return page[page.index('<header class="site-header">'):page.index("</header>")]


def test_each_kind_of_reader_gets_their_own_header(client, commit, make_user, make_process):
    process = make_process(slug="obert")
    resident = make_user(locale="en")
    facilitator = make_user("facilitator", process=process, locale="en")
    council = make_user("council", locale="en")
    commit()
    readers = {"visitor": client}
    for name, person in (("resident", resident), ("facilitator", facilitator),
                         ("council", council)):
        readers[name] = client.another()
        login(readers[name], person)

    for _ in range(2):  # the second round is served from the kept headers
        seen = {name: header(reader.get("/processes/obert?x=1"))
                for name, reader in readers.items()}
        assert "Sign in" in seen["visitor"] and "Sign out" not in seen["visitor"]
        for name in ("resident", "facilitator", "council"):
            assert "Sign out" in seen[name] and "Sign in" not in seen[name]
        assert "/moderation/" not in seen["visitor"] + seen["resident"]
        assert "/moderation/" in seen["facilitator"] and "/moderation/" in seen["council"]
        assert "/admin/" in seen["council"]
        assert "/admin/" not in seen["facilitator"] + seen["resident"] + seen["visitor"]
        for page in seen.values():  # the language switch returns to this very page
            assert 'name="next" value="/processes/obert?x=1"' in page
            assert '<a href="/processes/" aria-current="page">' in page

    tokens = {name: set(re.findall(r'name="csrf_token" value="([^"]+)"', page))
              for name, page in seen.items()}
    assert not tokens["visitor"]
    signed_in = [tokens[name] for name in ("resident", "facilitator", "council")]
    assert all(len(t) == 1 for t in signed_in)
    assert len(set().union(*signed_in)) == 3  # each session its own


def test_the_header_follows_the_section_language_and_address(client):
    assert '<a href="/agenda/" aria-current="page">' in header(client.get("/agenda/"))
    page = header(client.get("/plans/"))
    assert '<a href="/plans/" aria-current="page">' in page
    assert 'aria-current="page">Agenda' not in page
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    page = header(client.get("/plans/?q=%22%3Cb%3E"))
    assert "Processos" in page and "Processes" not in page
    # the address is written in escaped, as Jinja would have
    assert 'name="next" value="/plans/?q=%22%3Cb%3E"' in page
    assert "<b>" not in page
