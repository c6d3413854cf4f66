"""Every debates route through the test client: the happy paths and 302/400/403/404."""

import re

import pytest
import sqlalchemy as sa

from participa.core.types import utcnow
from participa.debates import operations
from participa.debates.models import Debate, DebateStatus
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.comments import comments_url, count_comments, veteran
from tests.support.debates import make_debate
from tests.support.html import HOSTILE_BODY, assert_inert
from tests.support.phases import process_in_phase
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text


def url(process, debate=None, action=None) -> str:
    base = f"/processes/{process.slug}/debates"
    if debate is None:
        return base + "/" + (action or "")
    return f"{base}/{debate.id}" + (f"/{action}" if action else "")


def refreshed(debate):
    sync()
    return db.session.get(Debate, debate.id)


def count_debates() -> int:
    sync()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Debate))


@pytest.fixture
def facilitator(process):
    return factories.make_user("facilitator", process=process, locale="en")


@pytest.fixture
def debate(process, facilitator):
    return make_debate(process, facilitator, title="Què fem amb la plaça?",
                       body="Parlem de **bancs** i d'ombra.",
                       category_id=process.categories[0].id)


# --- index ------------------------------------------------------------------------------------


def test_index_lists_debates_with_state_and_comments(client, process, debate, facilitator, commit,
                                                     make_process, make_debate, make_comment):
    closed = make_debate(process, facilitator, title="Horaris del casal")
    operations.close_debate(closed, "Obrirem més tard.", actor=facilitator)
    make_comment(debate, veteran())
    make_debate(make_process(), title="D'un altre procés")
    commit()

    html = text(client.get(url(process)))

    assert "Què fem amb la plaça?" in html and "Horaris del casal" in html
    assert "un altre procés" not in html
    assert re.search(r'debate-open">Open<', html) and re.search(r'debate-closed">Closed<', html)
    assert re.search(r"· 1 comment\s*<", html) and "Espai públic" in html
    assert url(process, action="new") not in html  # visitors open no debates


def test_index_filters_sorts_and_ignores_nonsense(client, process, facilitator, commit, make_debate,
                                                  make_comment):
    quiet = make_debate(process, facilitator, title="Tranquil")
    busy = make_debate(process, facilitator, title="Animat")
    make_comment(busy, veteran())
    make_comment(busy, veteran())
    operations.close_debate(quiet, "Fet.", actor=facilitator)
    newest = make_debate(process, facilitator, title="Nou")
    commit()

    def titles(**query):
        html = text(client.get(url(process), query_string=query))
        return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)

    assert titles() == ["Nou", "Animat", "Tranquil"]
    assert titles(sort="comments") == ["Animat", "Nou", "Tranquil"]
    assert titles(status="open") == ["Nou", "Animat"]
    assert titles(status="closed") == ["Tranquil"]
    assert titles(status="bogus", sort="bogus", page="x") == ["Nou", "Animat", "Tranquil"]
    html = text(client.get(url(process), query_string={"status": "closed", "sort": "comments"}))
    assert '<option value="closed" selected>' in html
    assert '<option value="comments" selected>' in html
    assert newest.id


def test_index_pages(app, client, process, facilitator, commit, monkeypatch, make_debate):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    for i in range(5):
        make_debate(process, facilitator, title=f"Debat {i}")
    commit()

    first = text(client.get(url(process), query_string={"status": "open"}))
    assert "Debat 4" in first and "Debat 3" in first and "Debat 2" not in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    next_href = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "status=open" in next_href and "page=2" in next_href
    last = text(client.get(url(process), query_string={"page": 3}))
    assert "Debat 0" in last and "Debat 1" not in last
    assert 'rel="prev"' in last and 'rel="next"' not in last
    beyond = client.get(url(process), query_string={"page": 10**9})
    assert beyond.status_code == 200 and "There are no debates here yet." in text(beyond)


def test_index_of_an_unknown_or_unpublished_process_is_404(client, commit, make_process):
    hidden = make_process(published=False)
    commit()
    assert client.get("/processes/nowhere/debates/").status_code == 404
    assert client.get(url(hidden)).status_code == 404


# --- open -------------------------------------------------------------------------------------


def test_a_facilitator_opens_a_debate(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    assert url(process, action="new") in text(client.get(url(process)))
    assert client.get(url(process, action="new")).status_code == 200

    response = post(client, url(process, action="new"), {
        "title": "Fem un hort?", "body": "Hi ha un solar **buit**.",
        "category_id": str(process.categories[1].id)})

    assert response.status_code == 302
    sync()
    debate = db.session.scalars(sa.select(Debate)).one()
    assert response.headers["Location"].endswith(url(process, debate))
    assert debate.author_id == facilitator.id and debate.category_id == process.categories[1].id
    (entry,) = log_entries("create_debate", debate)
    assert entry.actor_id == facilitator.id
    html = text(client.get(url(process, debate)))
    assert "The debate is open." in html
    assert "Fem un hort?" in html and "<strong>buit</strong>" in html
    assert "No comments yet. Be the first." in html


@pytest.mark.parametrize("residents_open", [True, False])
def test_residents_open_debates_only_when_allowed(client, residents_open, commit, make_process):
    process = make_process(residents_open_debates=residents_open)
    resident = veteran()
    commit()
    login(client, resident)

    assert (url(process, action="new") in text(client.get(url(process)))) is residents_open
    response = post(client, url(process, action="new"), {"title": "Veïnal", "body": "Text."})

    if residents_open:
        assert response.status_code == 302
        assert count_debates() == 1
    else:
        assert response.status_code == 403
        assert client.get(url(process, action="new")).status_code == 403
        assert count_debates() == 0


def test_opening_is_refused_outside_the_phase_and_to_visitors(client, commit, make_user):
    process = process_in_phase(PhaseKind.VOTING)
    facilitator = make_user("facilitator", process=process, locale="en")
    commit()
    response = client.get(url(process, action="new"))
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
    login(client, facilitator)
    assert post(client, url(process, action="new"),
                {"title": "Tard", "body": "Text."}).status_code == 403
    assert count_debates() == 0


def test_a_bad_debate_is_400_with_the_text_kept(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    response = post(client, url(process, action="new"),
                    {"title": "t" * 151, "body": "El meu text llarg."})
    assert response.status_code == 400
    assert "El meu text llarg." in text(response)
    response = post(client, url(process, action="new"), {"title": "Títol", "body": ""})
    assert response.status_code == 400
    assert count_debates() == 0


def test_opening_without_csrf_token_is_400(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    response = client.post(url(process, action="new"), data={"title": "T", "body": "B"})
    assert response.status_code == 400
    assert count_debates() == 0


# --- show -------------------------------------------------------------------------------------


def test_show_with_its_conversation(client, process, debate, commit, make_comment):
    comment = make_comment(debate, veteran(name="Carla"), "Més **ombra**!",
                           alignment="in_favour")
    commit()
    html = text(client.get(url(process, debate)))
    assert "Què fem amb la plaça?" in html and "<strong>bancs</strong>" in html
    assert f'id="comment-{comment.id}"' in html and "<strong>ombra</strong>" in html
    assert "1 comment<" in html and "1 in favour, 0 neutral, 0 against" in html
    assert "Carla" in html
    assert "Sign in to comment." in html


def test_show_404s(client, process, debate, commit, make_process, make_debate):
    other = make_process()
    gone = make_debate(process)
    gone.deleted_at = utcnow()
    commit()
    assert client.get(url(process) + "999999").status_code == 404
    assert client.get(url(other, debate)).status_code == 404
    assert client.get(url(process, gone)).status_code == 404


def test_hostile_markdown_is_inert(client, process, facilitator, commit, make_debate):
    debate = make_debate(process, facilitator, body=HOSTILE_BODY)
    operations.close_debate(debate, HOSTILE_BODY, actor=facilitator)
    commit()
    html = text(client.get(url(process, debate)))
    assert_inert(html)
    assert html.count("<strong>veïns</strong>") == 2


# --- edit -------------------------------------------------------------------------------------


def test_the_author_edits_until_someone_comments(client, commit, make_process, make_debate,
                                                 make_comment):
    process = make_process(residents_open_debates=True, categories=("A",))
    author = veteran()
    debate = make_debate(process, author, title="Primer títol")
    commit()
    login(client, author)
    page = client.get(url(process, debate, "edit"))
    assert page.status_code == 200 and "Primer títol" in text(page)

    response = post(client, url(process, debate, "edit"),
                    {"title": "Segon títol", "body": "Text nou."})
    assert response.status_code == 302
    assert refreshed(debate).title == "Segon títol"
    assert len(log_entries("update_debate", debate)) == 1

    make_comment(refreshed(debate), veteran())
    sync()
    assert client.get(url(process, debate, "edit")).status_code == 403
    assert post(client, url(process, debate, "edit"),
                {"title": "Tercer", "body": "Text."}).status_code == 403
    assert refreshed(debate).title == "Segon títol"


def test_others_cannot_edit_or_close(client, process, debate, commit):
    resident = veteran()
    commit()
    login(client, resident)
    for action in ("edit", "close"):
        assert client.get(url(process, debate, action)).status_code == 403
    assert post(client, url(process, debate, "close"),
                {"conclusion": "Tanco jo."}).status_code == 403
    assert refreshed(debate).is_open
    assert client.get(url(process) + "999999/edit").status_code == 404


# --- close ------------------------------------------------------------------------------------


def test_close_with_a_conclusion(client, process, debate, facilitator, commit, make_comment):
    make_comment(debate, veteran())
    resident = veteran()
    commit()
    login(client, facilitator)
    assert "Close with a conclusion" in text(client.get(url(process, debate)))
    assert client.get(url(process, debate, "close")).status_code == 200

    response = post(client, url(process, debate, "close"),
                    {"conclusion": "Posarem **tres** bancs."})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, debate))
    debate = refreshed(debate)
    assert debate.status is DebateStatus.CLOSED and debate.closed_by_id == facilitator.id
    (entry,) = log_entries("close_debate", debate)
    assert entry.actor_id == facilitator.id
    html = text(client.get(url(process, debate)))
    assert "The debate is closed and its conclusion published." in html
    assert 'id="conclusion-heading"' in html and "Posarem <strong>tres</strong> bancs." in html
    assert facilitator.name in html
    assert "This conversation is closed: no new comments." in html
    assert 'class="comment-form"' not in html
    assert "Edit the conclusion" in html and url(process, debate, "edit") not in html

    other = client.another()
    login(other, resident)
    assert post(other, comments_url(debate), {"body": "Encara una cosa."},
                token_from=url(process, debate)).status_code == 403
    assert count_comments() == 1


def test_closing_needs_a_conclusion(client, process, debate, facilitator, commit):
    commit()
    login(client, facilitator)
    response = post(client, url(process, debate, "close"), {"conclusion": ""})
    assert response.status_code == 400
    assert refreshed(debate).is_open
    assert log_entries("close_debate") == []


def test_a_hidden_debate_shows_a_placeholder(client, process, debate, commit):
    debate.hidden_at = utcnow()
    commit()
    response = client.get(url(process, debate))
    assert response.status_code == 200
    html = text(response)
    assert "Hidden debate" in html and "Què fem amb la plaça?" not in html
    assert "bancs" not in html
    assert "Què fem amb la plaça?" not in text(client.get(url(process)))


def test_the_process_page_links_its_debates_with_how_many_are_open(
        client, process, facilitator, commit, make_debate):
    make_debate(process, facilitator)
    closing = make_debate(process, facilitator)
    make_debate(process, facilitator)
    operations.close_debate(closing, "Acordat.", actor=facilitator)
    commit()
    page = text(client.get(f"/processes/{process.slug}"))
    assert f'href="/processes/{process.slug}/debates/"' in page
    assert '<span class="action-note">2 open</span>' in page
