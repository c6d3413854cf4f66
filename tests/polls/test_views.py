"""Polls through the test client: every route's happy path and its 302/400/403/404/429
answers, the receipt (shown once, e-mailed), results, the ballots CSV and the management pages."""

import csv
import io
import re

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.polls import operations
from participa.polls.models import Poll, PollBallot, PollState, PollVoter
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.factories import person
from tests.support.html import field_error
from tests.support.polls import make_poll, verify, vote, voting_process
from tests.support.web import CSRF_RE, login, post, sync, text

RECEIPT = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")


def url(poll, suffix=""):
    return f"/processes/{poll.process.slug}/polls/{poll.id}{suffix}"


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def resident():
    return person()


@pytest.fixture
def council():
    return person("council")


@pytest.fixture
def process():
    return voting_process()


@pytest.fixture
def facilitator(process):
    return person("facilitator", process=process)


@pytest.fixture
def poll(process, council):
    return make_poll(process, actor=council)


@pytest.fixture
def ranked(process, council):
    return make_poll(process, actor=council, kind="ranked",
                     title="Quin espai arreglem primer?")


# -- the process page and the list -------------------------------------------------------------


def test_the_process_page_links_to_its_open_polls(client, poll, commit):
    commit()
    html = text(client.get(f"/processes/{poll.process.slug}"))
    assert f'href="/processes/{poll.process.slug}/polls/"' in html
    assert '<span class="action-note">1 open</span>' in html


def test_a_process_without_polls_links_to_them_only_for_its_managers(client, process,
                                                                      facilitator, commit):
    commit()
    assert "/polls/" not in text(client.get(f"/processes/{process.slug}"))
    login(client, facilitator)
    assert f"/processes/{process.slug}/polls/" in text(client.get(f"/processes/{process.slug}"))


def test_the_list_hides_drafts_from_residents(client, process, council, facilitator, resident,
                                              commit):
    make_poll(process, actor=council, title="Obrim el pati de l'escola a l'estiu?")
    make_poll(process, actor=council, title="Esborrany secret", open=False)
    commit()
    html = text(client.get(f"/processes/{process.slug}/polls/"))
    assert "Obrim el pati de l&#39;escola a l&#39;estiu?" in html
    assert "Esborrany secret" not in html and "New poll" not in html
    login(client, facilitator)
    html = text(client.get(f"/processes/{process.slug}/polls/"))
    assert "Esborrany secret" in html and "New poll" in html


def test_unknown_or_hidden_polls_are_404(client, process, council, resident, commit):
    draft = make_poll(process, actor=council, open=False)
    other = make_poll(actor=council)
    hidden = make_poll(factories.make_process(phases=((PhaseKind.VOTING, -5, 5),),
                                              published=False), actor=council)
    commit()
    login(client, resident)
    for address in (url(draft), url(hidden), f"/processes/{process.slug}/polls/{other.id}",
                    f"/processes/{process.slug}/polls/999999", url(draft, "/results"),
                    url(draft, ".csv"), f"/processes/{process.slug}/polls/99999999999999999999",
                    "/processes/nowhere/polls/"):
        assert client.get(address).status_code == 404, address


# -- the poll page and voting ------------------------------------------------------------------


def test_a_visitor_is_asked_to_sign_in(client, poll, commit):
    commit()
    html = text(client.get(url(poll)))
    assert "Sign in to take part." in html and 'name="choice"' not in html
    assert "The results will be published when the poll closes." in html


def test_voting_shows_the_receipt_once_and_emails_it(client, poll, resident, outbox, commit):
    commit()
    login(client, resident)
    html = text(client.get(url(poll)))
    assert f'action="{url(poll, "/vote")}"' in html and 'value="abstain"' in html

    response = post(client, url(poll, "/vote"), {"choice": "yes"})

    assert response.status_code == 302 and response.headers["Location"].endswith(url(poll))
    sync()
    ballot = db.session.scalars(sa.select(PollBallot)).one()
    assert ballot.choice == "yes" and db.session.get(PollVoter, (poll.id, resident.id))
    html = text(client.get(url(poll)))
    assert f"Your ballot has been cast. Your receipt is {ballot.receipt}" in html
    assert "You have voted in this poll." in html and "Change my ballot" in html
    assert ballot.receipt not in text(client.get(url(poll)))  # shown once only
    (message,) = outbox()
    assert message["To"] == resident.email
    assert message["Subject"] == f'Your receipt for the poll "{poll.title}"'
    body = message.get_body().get_content()
    assert ballot.receipt in body and "http://participa.test" + url(poll) in body
    assert "yes" not in body.lower().replace("yours", "")  # nothing of the choice


def test_changing_a_ballot_gives_a_new_receipt(client, poll, resident, outbox, commit):
    commit()
    login(client, resident)
    post(client, url(poll, "/vote"), {"choice": "yes"})
    sync()
    first = db.session.scalar(sa.select(PollBallot.receipt))
    response = post(client, url(poll, "/vote"), {"choice": "no"})
    assert response.status_code == 302
    sync()
    ballot = db.session.scalars(sa.select(PollBallot)).one()
    assert ballot.choice == "no" and ballot.receipt != first
    assert "Your ballot has been changed" in text(client.get(url(poll)))
    assert count(PollVoter) == 1
    assert "Only your last ballot counts." in outbox()[-1].get_body().get_content()


@pytest.mark.parametrize("data", [{}, {"choice": "maybe"}, {"choice": ""}])
def test_a_bad_yes_no_answer_is_400_and_changes_nothing(client, poll, resident, commit, data):
    commit()
    login(client, resident)
    response = post(client, url(poll, "/vote"), data)
    assert response.status_code == 400
    assert field_error(text(response), "choice")
    sync()
    assert count(PollBallot) == count(PollVoter) == 0


def test_too_many_approval_choices_is_400(client, process, council, resident, commit):
    poll = make_poll(process, actor=council, kind="approval", max_choices=1)
    commit()
    login(client, resident)
    ids = [str(o.id) for o in poll.options]
    response = post(client, url(poll, "/vote"), {"choice": ids[:2]})
    assert response.status_code == 400
    assert field_error(text(response), "choice") == "Choose at most 1 options."
    response = post(client, url(poll, "/vote"), {"choice": ids[:1]})
    assert response.status_code == 302
    sync()
    assert db.session.scalar(sa.select(PollBallot.choice)) == [poll.options[0].id]


def test_another_polls_option_is_400(client, process, council, resident, commit):
    poll = make_poll(process, actor=council, kind="approval")
    other = make_poll(process, actor=council, kind="approval")
    commit()
    login(client, resident)
    response = post(client, url(poll, "/vote"), {"choice": [str(other.options[0].id)]})
    assert response.status_code == 400
    sync()
    assert count(PollBallot) == 0


def test_a_ranked_ballot_in_order_and_a_duplicate_refused(client, ranked, resident, commit):
    commit()
    login(client, resident)
    a, b, c = (str(o.id) for o in ranked.options)
    html = text(client.get(url(ranked)))
    assert 'name="rank_1"' in html and 'name="rank_3"' in html
    response = post(client, url(ranked, "/vote"), {"rank_1": c, "rank_2": a, "rank_3": c})
    assert response.status_code == 400
    assert "Each option can appear only once in your ranking." in text(response)
    sync()
    assert count(PollBallot) == 0
    response = post(client, url(ranked, "/vote"), {"rank_1": c, "rank_2": "", "rank_3": a})
    assert response.status_code == 302
    sync()
    assert db.session.scalar(sa.select(PollBallot.choice)) == [int(c), int(a)]


def test_voting_needs_signing_in(client, poll, commit):
    commit()
    token = CSRF_RE.search(text(client.get("/accounts/login"))).group(1)
    response = client.post(url(poll, "/vote"), data={"csrf_token": token, "choice": "yes"})
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]


def test_voting_without_the_csrf_token_is_400(client, poll, resident, commit):
    commit()
    login(client, resident)
    assert client.post(url(poll, "/vote"), data={"choice": "yes"}).status_code == 400
    sync()
    assert count(PollBallot) == 0


def test_an_ineligible_voter_is_403_with_the_reason(client, process, council, resident,
                                                    make_neighbourhood, commit):
    here, there = make_neighbourhood(), make_neighbourhood()
    poll = make_poll(process, actor=council, census_required=True, neighbourhood_ids=[here.id])
    commit()
    login(client, resident)
    html = text(client.get(url(poll)))
    assert "Verify that you live here with the census first." in html
    assert 'name="choice"' not in html
    response = post(client, url(poll, "/vote"), {"choice": "yes"})
    assert response.status_code == 403
    assert "Verify that you live here with the census first." in text(response)
    verify(resident, there)
    commit()
    response = post(client, url(poll, "/vote"), {"choice": "yes"})
    assert response.status_code == 403
    assert "Only residents of the neighbourhoods this vote is for" in text(response)
    sync()
    assert count(PollBallot) == 0


def test_a_closed_poll_or_a_phase_without_votes_is_403(client, council, resident, commit):
    closed = make_poll(actor=council)
    operations.close_poll(closed, actor=council)
    proposing = make_poll(factories.make_process(), actor=council)  # a proposals phase
    commit()
    login(client, resident)
    response = post(client, url(closed, "/vote"), {"choice": "yes"})
    assert response.status_code == 403
    assert "This poll is not open for voting." in text(response)
    response = post(client, url(proposing, "/vote"), {"choice": "yes"})
    assert response.status_code == 403
    assert "The current phase of this process does not take votes." in text(response)
    sync()
    assert count(PollBallot) == 0


def test_voting_is_rate_limited(app, client, poll, resident, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_POLL_VOTE", "2 per hour")
    commit()
    login(client, resident)
    token = CSRF_RE.search(text(client.get(url(poll)))).group(1)
    for answer in ("yes", "no"):
        response = client.post(url(poll, "/vote"), data={"csrf_token": token, "choice": answer})
        assert response.status_code == 302
    response = client.post(url(poll, "/vote"), data={"csrf_token": token, "choice": "yes"})
    assert response.status_code == 429


# -- results and the ballots -------------------------------------------------------------------


def test_results_are_hidden_until_the_poll_closes(client, poll, council, make_user, commit):
    for answer in ("yes", "yes", "no", "abstain"):
        vote(poll, make_user(), answer)
    commit()
    assert client.get(url(poll, "/results")).status_code == 403
    assert client.get(url(poll, ".csv")).status_code == 403
    operations.close_poll(poll, actor=council)
    commit()
    html = text(client.get(url(poll, "/results")))
    assert "More people answered yes than no." in html
    assert re.search(r'<th scope="row">Yes</th><td>2</td>', html)
    assert re.search(r'<th scope="row">Abstain</th><td>1</td>', html)
    assert "<svg" in html and 'role="img"' in html
    assert "<script" not in html


def test_live_results_show_while_open(client, poll, council, make_user, commit):
    operations.set_live_results(poll, True, actor=council)
    vote(poll, make_user(), "no")
    commit()
    html = text(client.get(url(poll, "/results")))
    assert "Live results: the poll is still open" in html
    assert client.get(url(poll, ".csv")).status_code == 403  # the ballots wait for the close


def test_ranked_results_show_schulze_instant_runoff_and_the_pairwise_table(
        client, ranked, council, make_user, commit):
    a, b, c = ranked.options
    for order in ([b, a, c], [b, a, c], [a, c, b], [a, c, b], [c, a, b]):
        vote(ranked, make_user(), order)
    operations.close_poll(ranked, actor=council)
    commit()
    html = text(client.get(url(ranked, "/results")))
    assert f"Winner: {a.title}" in html  # a beats b 3–2 and c 4–1
    assert f"Instant-runoff winner: {a.title}" in html
    assert "Round 2" in html and "Exhausted ballots" in html
    assert "Pairwise preferences" in html and "<strong>3</strong>" in html


def test_the_ballots_csv_of_a_closed_poll(client, ranked, council, make_user, commit):
    a, b, c = ranked.options
    receipts = {vote(ranked, make_user(), order)[0].receipt
                for order in ([b, a], [c], [a, b, c])}
    operations.close_poll(ranked, actor=council)
    commit()
    response = client.get(url(ranked, ".csv"))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(text(response))))
    assert [r["ballot"] for r in rows] == ["1", "2", "3"]
    assert {r["receipt"] for r in rows} == receipts
    assert sorted(r["choice"] for r in rows) == ["1>2>3", "2>1", "3"]
    assert f"{b.title} > {a.title}" in {r["choice_text"] for r in rows}


# -- managing polls ----------------------------------------------------------------------------


def test_creating_a_poll(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    new = f"/processes/{process.slug}/polls/new"
    assert client.get(new).status_code == 200
    response = post(client, new, {"title": "Quin nom posem a la plaça nova?", "kind": "ranked",
                                  "options": "Plaça de les Dones\nPlaça del Rec\nPlaça Nova",
                                  "description": "Tria per ordre."})
    assert response.status_code == 302
    sync()
    poll = db.session.scalars(sa.select(Poll)).one()
    assert poll.state == PollState.DRAFT and len(poll.options) == 3
    assert response.headers["Location"].endswith(url(poll))
    response = post(client, url(poll, "/open"), token_from=url(poll))
    assert response.status_code == 302
    sync()
    assert db.session.get(Poll, poll.id).state == PollState.OPEN


def test_an_invalid_poll_is_400(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    response = post(client, f"/processes/{process.slug}/polls/new",
                    {"title": "Quins projectes?", "kind": "approval", "options": "Un"})
    assert response.status_code == 400
    assert field_error(text(response), "options").startswith("Give between 2 and")
    sync()
    assert count(Poll) == 0


def test_management_pages_are_for_managers(client, process, poll, resident, commit):
    commit()
    new = f"/processes/{process.slug}/polls/new"
    assert client.get(new).status_code == 302  # sign in first
    login(client, resident)
    assert client.get(new).status_code == 403
    assert client.get(url(poll, "/edit")).status_code == 403
    for action in ("/open", "/close", "/live"):
        assert post(client, url(poll, action), token_from=url(poll)).status_code == 403


def test_an_unknown_poll_is_404_to_its_managers(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    assert client.get(f"/processes/{process.slug}/polls/999999/edit").status_code == 404
    assert post(client, f"/processes/{process.slug}/polls/999999/open").status_code == 404


def test_facilitators_cannot_close_nor_set_live_results(client, poll, facilitator, commit):
    commit()
    login(client, facilitator)
    assert post(client, url(poll, "/close"), token_from=url(poll)).status_code == 403
    assert post(client, url(poll, "/live"), {"live": "y"},
                token_from=url(poll)).status_code == 403
    assert "Close the poll" not in text(client.get(url(poll)))


def test_the_council_sets_live_results_and_closes(client, poll, council, make_user, commit):
    vote(poll, make_user(), "yes")
    commit()
    login(client, council)
    assert post(client, url(poll, "/live"), {"live": "y"}, token_from=url(poll)).status_code == 302
    sync()
    assert db.session.get(Poll, poll.id).live_results
    response = post(client, url(poll, "/close"), token_from=url(poll))
    assert response.status_code == 302
    sync()
    assert db.session.get(Poll, poll.id).state == PollState.CLOSED
    assert "The poll is closed and its result published." in text(client.get(url(poll)))
    # closed: editing is over
    response = client.get(url(poll, "/edit"))
    assert response.status_code == 302


def test_the_rules_freeze_with_the_first_ballot_and_the_page_says_so(client, process, council,
                                                                       make_user, commit):
    poll = make_poll(process, actor=council, kind="approval")
    vote(poll, make_user(), [poll.options[0]])
    commit()
    login(client, council)
    html = text(client.get(url(poll, "/edit")))
    assert "People have already voted" in html
    assert "People have already voted" in text(client.get(url(poll)))
    response = post(client, url(poll, "/edit"), {
        "title": poll.title, "kind": "approval", "options": "Una\nAltra", "max_choices": 1})
    assert response.status_code == 400
    assert "can no longer change" in text(response)
    response = post(client, url(poll, "/edit"), {
        "title": "Quins espais volem millorar?", "kind": "approval",
        "options": "\n".join(o.title for o in poll.options), "max_choices": 2})
    assert response.status_code == 302
    sync()
    assert db.session.get(Poll, poll.id).title == "Quins espais volem millorar?"


def test_the_pages_speak_catalan(client, poll, make_user, commit):
    neighbour = make_user(locale="ca")
    commit()
    login(client, neighbour)
    html = text(client.get(url(poll)))
    assert '<html lang="ca">' in html
    assert "La teva papereta" in html and "Vota" in html


@pytest.mark.parametrize("kind", ["yes_no", "approval", "ranked"])
def test_results_of_a_poll_nobody_voted_in(client, process, council, kind, commit):
    poll = make_poll(process, actor=council, kind=kind)
    operations.close_poll(poll, actor=council)
    commit()
    response = client.get(url(poll, "/results"))
    assert response.status_code == 200
    assert client.get(url(poll, ".csv")).status_code == 200


def test_approval_results_and_turnout_over_verified_residents(client, process, council,
                                                              make_user, make_neighbourhood,
                                                              commit):
    here = make_neighbourhood()
    poll = make_poll(process, actor=council, kind="approval", census_required=True,
                     neighbourhood_ids=[here.id])
    people = [make_user() for _ in range(4)]
    for person_ in people:
        verify(person_, here)
    verify(make_user(), make_neighbourhood())  # verified elsewhere: not eligible here
    a, b, c = poll.options
    for person_, picks in zip(people, ([a, b], [b], [b, c]), strict=False):
        vote(poll, person_, picks)
    operations.close_poll(poll, actor=council)
    commit()
    html = text(client.get(url(poll, "/results")))
    assert re.search(rf'<th scope="row">{b.title}</th><td>3</td>', html)
    assert re.search(r"<dt>Verified residents who may vote</dt><dd>4</dd>", html)
    assert "75" in html  # 3 voters of 4 eligible


def test_the_page_shows_the_voters_earlier_ballot_to_change(client, process, council, ranked,
                                                             resident, commit):
    """Only the voter can find their ballot (its key needs the ballot key): the form shows it,
    whatever the kind; another person sees an empty form."""
    approval = make_poll(process, actor=council, kind="approval", max_choices=2)
    yes_no = make_poll(process, actor=council)
    other = person()
    commit()
    login(client, resident)
    a, b, c = (str(o.id) for o in ranked.options)
    post(client, url(ranked, "/vote"), {"rank_1": c, "rank_2": a, "rank_3": ""})
    post(client, url(approval, "/vote"), {"choice": [str(approval.options[1].id)]})
    post(client, url(yes_no, "/vote"), {"choice": "no"})

    html = text(client.get(url(ranked)))
    selected = re.findall(r'<select[^>]*name="(rank_\d)".*?<option selected value="(\d*)"', html,
                          re.S)
    assert selected[:2] == [("rank_1", c), ("rank_2", a)]
    html = text(client.get(url(approval)))
    assert re.search(rf'checked[^>]*value="{approval.options[1].id}"|value="'
                     rf'{approval.options[1].id}"[^>]*checked', html)
    assert len(re.findall(r'type="checkbox"[^>]*checked|checked[^>]*type="checkbox"', html)) == 1
    html = text(client.get(url(yes_no)))
    assert re.search(r'checked[^>]*value="no"|value="no"[^>]*checked', html)

    other_client = client.application.test_client()
    login(other_client, other)
    assert "checked" not in text(other_client.get(url(yes_no)))
