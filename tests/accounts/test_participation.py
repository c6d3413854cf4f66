""""My participation" (/accounts/me/participation) through HTTP: visitors are sent to sign in;
the page shows every part the features add (proposals with state and answer, supports and
what is left, meeting places, comments, ballots — where, never what — and reports); nobody
else's data; a part's own page; and a fixed number of queries however much a person did.

What it does with content that is not shown to others (decided here, and tested):
- my own proposals and comments hidden by moderation are listed, marked as hidden (I may
  appeal); those deleted are left out;
- someone else's proposal I support, or a meeting I signed up for, once hidden by moderation
  shows only that it is hidden (never its title); a deleted proposal is left out of my
  supports (its support still counts against the allowance, as when supporting);
- what I reported shows its title and link while it is shown, only its kind once hidden.

The meeting cards of the agenda, a process's meetings and the home page tell the signed-in
reader "you are registered" or "you are on the waiting list (position N)" — one query for a
whole list, and never another person's place."""

import re

import pytest

from participa.comments import operations as comment_operations
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings.models import Registration, RegistrationStatus
from participa.moderation import operations as moderation_operations
from participa.proposals import operations as proposal_operations
from participa.volunteering import operations as volunteering
from tests.support import budgets, factories, polls
from tests.support.comments import make_comment, veteran
from tests.support.meetings import make_meeting, register
from tests.support.moderation import report, report_by
from tests.support.proposals import answer, make_proposal
from tests.support.queries import counting
from tests.support.web import login, text
from tests.volunteering.conftest import make_opportunity

PAGE = "/accounts/me/participation"


def support(proposal, person):
    proposal_operations.support_proposal(proposal, actor=person)


@pytest.fixture
def me():
    """Marta, a neighbour of long standing (no new account's limit on comments)."""
    return veteran(name="Marta Soler")


@pytest.fixture
def stranger():
    return factories.person(name="Jordi Casals")


@pytest.fixture
def town(process, facilitator, me, stranger):
    """A bit of everything of mine, and of a stranger's, in one process (supports limited to
    three per person)."""
    process.supports_per_person = 3
    mine = make_proposal(process, me, title="Fonts d'aigua al parc")
    answer(mine, facilitator, state="accepted", text="Les posarem aquesta primavera.")
    theirs = make_proposal(process, stranger, title="Bancs a la rambla")
    support(theirs, me)
    support(mine, stranger)

    roomy = make_meeting(process, facilitator, title="Assemblea de barri", capacity=0)
    full = make_meeting(process, facilitator, title="Taller d'ombres", capacity=1)
    register(roomy, me)
    register(full, stranger, seconds=1)
    register(full, factories.person(), seconds=2)
    register(full, me, seconds=3)  # second on the waiting list

    make_comment(theirs, me, "M'agraden els bancs amb respatller.")
    make_comment(mine, stranger, "Un comentari del Jordi que no és meu.")

    budget_process = budgets.voting_process(title="Inversions del Barri Vell")
    budget = budgets.make_budget(budget_process, title="Pressupost del Barri Vell")
    budgets.vote(budget, me, budget.projects[:1])
    poll = polls.make_poll(polls.voting_process(), title="Tanquem el carrer Major?")
    polls.vote(poll, me, "yes")

    rude = make_comment(mine, stranger, "Un comentari groller.")
    report(rude, me, "offensive")
    db.session.commit()
    return {"mine": mine, "theirs": theirs, "roomy": roomy, "full": full, "budget": budget,
            "poll": poll, "rude": rude}


def part(page, name) -> str:
    """The HTML of one part of the overview."""
    match = re.search(rf'<section class="participation-part" id="{name}".*?</section>', page,
                      re.S)
    assert match, f"no part {name}"
    return match.group(0)


def test_visitors_are_sent_to_sign_in(client):
    for url in (PAGE, PAGE + "/proposals"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/accounts/login?next=")


def test_every_part_of_my_participation(client, me, town):
    login(client, me)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    page = text(response)

    proposals = part(page, "proposals")
    assert "Fonts d&#39;aigua al parc" in proposals and "Accepted" in proposals
    assert "Les posarem aquesta primavera." in proposals
    assert "Bancs a la rambla" not in proposals

    supports = part(page, "supports")
    assert "Bancs a la rambla" in supports
    assert "you have used 1 of your 3 supports" in supports and "2 left" in supports

    meetings = part(page, "meetings")
    mine = {r.meeting_id: r for r in db.session.scalars(
        db.select(Registration).where(Registration.user_id == me.id))}
    assert "Assemblea de barri" in meetings and "You are registered." in meetings
    assert mine[town["roomy"].id].code in meetings  # the door code, as the meeting page shows
    assert "You are on the waiting list (position 2)." in meetings
    assert mine[town["full"].id].code not in meetings  # no door code on a waiting list
    assert f'/meetings/{town["roomy"].id}.ics' in meetings
    assert f'/meetings/{town["roomy"].id}/unregister' in meetings

    comments = part(page, "comments")
    assert "M&#39;agraden els bancs amb respatller." in comments
    assert "Bancs a la rambla" in comments  # what it is on

    budget_votes = part(page, "budget-votes")
    assert "Pressupost del Barri Vell" in budget_votes
    assert "Inversions del Barri Vell" in budget_votes
    poll_votes = part(page, "poll-votes")
    assert "Tanquem el carrer Major?" in poll_votes

    reports = part(page, "reports")
    assert "Offensive" in reports and "Waiting for a decision" in reports


def test_ballots_say_where_and_when_never_what(client, me, town):
    login(client, me)
    page = text(client.get(PAGE))
    budget = town["budget"]
    chosen = budget.projects[0].title
    for other in budget.projects:  # no project's name appears, chosen or not
        assert other.title not in page, chosen
    poll_part = part(page, "poll-votes")
    assert ">Yes<" not in poll_part and "Yes." not in poll_part
    assert "receipt" not in page.lower()


def test_nothing_of_anyone_else(client, stranger, town):
    """The stranger sees their own things, never mine (nor my door code)."""
    login(client, stranger)
    page = text(client.get(PAGE))
    my_codes = [r.code for r in db.session.scalars(db.select(Registration))
                if r.user_id != stranger.id]
    assert "Bancs a la rambla" in part(page, "proposals")
    assert "Fonts d&#39;aigua al parc" not in part(page, "proposals")
    assert "M&#39;agraden els bancs" not in page
    assert "Un comentari del Jordi que no és meu." in part(page, "comments")
    assert not any(code in page for code in my_codes)
    assert "You have not voted in any participatory budget yet." in page
    assert "You have not reported anything." in page


def test_hidden_and_deleted_content(client, me, stranger, process, facilitator, town):
    hidden = make_proposal(process, me, title="Proposta amagada")
    report_by(hidden, 3)  # hidden after three reports
    gone = make_proposal(process, me, title="Proposta esborrada")
    gone.deleted_at = utcnow()
    their_hidden = make_proposal(process, stranger, title="Proposta d'un altre amagada")
    support(their_hidden, me)
    report_by(their_hidden, 3)
    my_hidden_comment = make_comment(town["theirs"], me, "Un comentari meu amagat.")
    report_by(my_hidden_comment, 3)
    my_deleted_comment = make_comment(town["theirs"], me, "Un comentari meu esborrat.")
    comment_operations.delete_comment(my_deleted_comment, actor=me)
    db.session.commit()

    login(client, me)
    page = text(client.get(PAGE + "/proposals"))
    assert "Proposta amagada" in page and "Hidden by moderation" in page
    assert "Proposta esborrada" not in page
    supports = text(client.get(PAGE + "/supports"))
    assert "Proposta d&#39;un altre amagada" not in supports
    assert "This proposal has been hidden by moderation." in supports
    assert "you have used 2 of your 3 supports" in supports
    comments_page = text(client.get(PAGE + "/comments"))
    assert "Un comentari meu amagat." in comments_page and "Hidden by moderation" in comments_page
    assert "Un comentari meu esborrat." not in comments_page


def test_a_report_whose_target_is_hidden_says_so(client, me, stranger, process, town):
    report_by(town["rude"], 2)  # with mine, three: hidden
    db.session.commit()
    login(client, me)
    reports = part(text(client.get(PAGE)), "reports")
    assert "Un comentari groller." not in reports
    assert "hidden by moderation" in reports and "Hidden" in reports


def test_a_meeting_hidden_by_moderation_shows_no_details(client, me, council, town):
    moderation, _first, _hidden = report(town["roomy"], factories.person())
    moderation_operations.hide_target(moderation, actor=council, reason="Spam")
    db.session.commit()
    login(client, me)
    meetings = part(text(client.get(PAGE)), "meetings")
    assert "Assemblea de barri" not in meetings
    assert "This meeting has been hidden by moderation." in meetings
    assert f'/meetings/{town["roomy"].id}.ics' not in meetings


def test_see_all_and_a_part_page_by_page(client, me, process):
    for i in range(23):
        make_proposal(process, me, title=f"Proposta {i:02d}")
    db.session.commit()
    login(client, me)
    overview = part(text(client.get(PAGE)), "proposals")
    assert overview.count('class="participation-item"') == 5
    assert f'href="{PAGE}/proposals"' in overview  # see all
    first = text(client.get(PAGE + "/proposals"))
    assert first.count('class="participation-item"') == 20
    assert "Proposta 22" in first and f'{PAGE}/proposals?page=2' in first
    second = text(client.get(PAGE + "/proposals?page=2"))
    assert second.count('class="participation-item"') == 3
    assert "Proposta 00" in second and "?page=3" not in second
    assert client.get(PAGE + "/nothing-of-that-name").status_code == 404


def test_the_header_links_to_it(client, me):
    db.session.commit()
    assert 'href="/accounts/me/participation"' not in text(client.get("/processes/"))
    login(client, me)
    elsewhere = text(client.get("/processes/"))
    assert re.search(r'href="/accounts/me/participation"\s*>My participation</a>', elsewhere)
    assert 'href="/accounts/me/participation" aria-current="page"' not in elsewhere
    here = text(client.get(PAGE))
    assert 'href="/accounts/me/participation" aria-current="page"' in here


def grow(process, facilitator, me, n):
    """``n`` more of everything of mine: proposals (answered), supports, meeting places (one
    of them on a waiting list), comments, budget and poll votes, reports."""
    for _ in range(n):
        other = factories.person()
        mine = make_proposal(process, me)
        answer(mine, facilitator)
        theirs = make_proposal(process, other)
        support(theirs, me)
        make_comment(theirs, me)
        meeting = make_meeting(process, facilitator, capacity=1)
        register(meeting, other)
        register(meeting, me, seconds=1)
        register(make_meeting(process, facilitator), me)
        report(theirs, me)
        budget = budgets.make_budget(budgets.voting_process())
        budgets.vote(budget, me, budget.projects[:1])
        poll = polls.make_poll()
        polls.vote(poll, me, "no")
        volunteering.sign_up(make_opportunity(), actor=me)
    db.session.commit()


def queries_for(app, client, url) -> int:
    client.get(url)  # warm
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len(statements)


def test_the_page_costs_the_same_with_little_or_much(app, client, me, process, facilitator):
    grow(process, facilitator, me, 1)
    login(client, me)
    urls = [PAGE] + [f"{PAGE}/{name}" for name in (
        "proposals", "supports", "meetings", "volunteering", "comments", "budget-votes",
        "poll-votes", "reports")]
    few = {url: queries_for(app, client, url) for url in urls}
    grow(process, facilitator, me, 7)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few


# -- the meeting cards --------------------------------------------------------------------------


def test_meeting_cards_tell_the_reader_their_place(client, me, stranger, town, process):
    login(client, me)
    for url in ("/meetings/", f"/processes/{process.slug}/meetings/", "/"):
        page = text(client.get(url))
        assert page.count("You are registered.") == 1, url
        assert page.count("You are on the waiting list (position 2).") == 1, url


def test_meeting_cards_never_carry_one_persons_place_to_another(client, app, stranger, town):
    """The stranger holds the one place at the full workshop; the next reader, signed in or
    not, sees nothing of it (cards are written for each reader)."""
    login(client, stranger)
    assert text(client.get("/meetings/")).count("You are registered.") == 1
    visitor = app.test_client()
    visitor.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = text(visitor.get("/meetings/"))
    assert "You are registered." not in page and "waiting list (position" not in page


def test_meeting_cards_cost_one_query_for_the_readers_places(app, client, me, process,
                                                            facilitator):
    def meetings(n):
        for _ in range(n):
            meeting = make_meeting(process, facilitator, capacity=1)
            register(meeting, factories.person())
            register(meeting, me, seconds=1)
            register(make_meeting(process, facilitator), me)
        db.session.commit()

    meetings(1)
    login(client, me)
    urls = ["/meetings/", f"/processes/{process.slug}/meetings/", "/"]
    few = {url: queries_for(app, client, url) for url in urls}
    meetings(6)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few
    statuses = set(db.session.scalars(db.select(Registration.status)
                                      .where(Registration.user_id == me.id)))
    assert statuses == {RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING}


def test_where_i_volunteer(client, me, stranger):
    """Their part lists their sign-ups (places and waiting list), never someone else's, and
    links the opportunities; with none, it points to the open ones."""
    db.session.commit()
    login(client, me)
    assert "You have not signed up for any opportunity." in text(client.get(PAGE))
    full = make_opportunity(title="Repartiment de l'aliment", places=1)
    volunteering.sign_up(full, actor=stranger)
    volunteering.sign_up(full, actor=me)
    volunteering.sign_up(make_opportunity(title="Muntatge de la Festa Major"), actor=me)
    volunteering.sign_up(make_opportunity(title="Neteja del riu"), actor=stranger)
    db.session.commit()
    page = text(client.get(PAGE + "/volunteering"))
    assert "My volunteering" in page
    assert "Muntatge de la Festa Major" in page and "Repartiment de l&#39;aliment" in page
    assert "Neteja del riu" not in page
    assert page.count('href="/volunteering/') >= 2
    assert "On the waiting list" in page and "Signed up" in page
