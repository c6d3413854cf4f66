"""The process page leads with what people can do: each feature's links and figures, and "In
this phase you can" computed from the process's real settings (not the phase's kind alone);
a finished process shows what came of it first; moderation figures in a small transparency
section; phase dates are dates."""

from datetime import timedelta

from participa.core.types import utcnow
from participa.processes.models import Phase, PhaseKind
from tests.support import budgets, debates, factories, polls, proposals
from tests.support.web import text

VOTING_AFTER_PROPOSALS = ((PhaseKind.PROPOSALS, -20, -5), (PhaseKind.VOTING, -5, 10))


def offers(page) -> str:
    return page.split('<ul class="allowed">')[1].split("</ul>")[0]


def bar(page) -> str:
    return page.split('class="process-actions"')[1].split("</nav>")[0]


def test_the_actions_come_first(client, commit):
    process = factories.make_process(slug="p", description="La descripció llarga del procés.")
    proposals.make_proposal(process, factories.person())
    commit()
    page = text(client.get("/processes/p"))
    assert page.index('class="process-actions"') < page.index('class="stepper"') \
        < page.index("La descripció llarga")
    assert 'href="/processes/p/proposals/new"' in bar(page)
    assert "New proposal" in bar(page) and 'class="action primary"' in bar(page)
    assert '<span class="action-count">1</span>' in bar(page)
    assert "Make proposals" in offers(page) and "Support proposals" in offers(page)


def test_supports_switched_off_are_not_promised(client, commit):
    process = factories.make_process(slug="p", supports_enabled=False)
    proposals.make_proposal(process, factories.person())
    commit()
    assert "Support proposals" not in offers(text(client.get("/processes/p")))


def test_debates_are_promised_only_when_residents_may_open_them(client, commit):
    factories.make_process(slug="off", residents_open_debates=False)
    factories.make_process(slug="on", residents_open_debates=True)
    commit()
    assert "Open debates" not in offers(text(client.get("/processes/off")))
    assert "/processes/off/debates/" not in text(client.get("/processes/off"))
    page = text(client.get("/processes/on"))
    assert "Open debates" in offers(page) and 'href="/processes/on/debates/"' in bar(page)


def test_an_open_debate_is_listed_with_its_count(client, commit):
    process = factories.make_process(slug="p", residents_open_debates=False)
    debates.make_debate(process)
    commit()
    page = text(client.get("/processes/p"))
    assert "1 open" in bar(page) and "Take part in the open debates" in offers(page)
    assert "Open debates" not in offers(page)


def test_vote_is_promised_only_with_something_to_vote_on(client, commit):
    factories.make_process(slug="nothing", phases=VOTING_AFTER_PROPOSALS)
    budget_process = factories.make_process(slug="budget", phases=VOTING_AFTER_PROPOSALS)
    budgets.make_budget(budget_process)
    poll_process = factories.make_process(slug="poll", phases=VOTING_AFTER_PROPOSALS)
    polls.make_poll(poll_process)
    commit()
    nothing = text(client.get("/processes/nothing"))
    assert "Vote" not in offers(nothing)
    budget_page = text(client.get("/processes/budget"))
    assert "Vote on the participatory budget" in offers(budget_page)
    assert 'href="/processes/budget/budgets/"' in bar(budget_page)
    poll_page = text(client.get("/processes/poll"))
    assert "Vote in the polls" in offers(poll_page)
    assert 'href="/processes/poll/polls/"' in bar(poll_page)


def test_a_closed_poll_is_not_a_vote(client, commit):
    process = factories.make_process(slug="poll", phases=VOTING_AFTER_PROPOSALS)
    polls.make_poll(process, open=False)
    commit()
    assert "Vote" not in offers(text(client.get("/processes/poll")))


def test_a_finished_process_shows_what_came_of_it_first(client, commit):
    facilitator_process = factories.make_process(
        slug="done", phases=((PhaseKind.PROPOSALS, -30, -10),), description="Descripció.")
    proposal = proposals.make_proposal(facilitator_process, factories.person())
    proposals.answer(proposal, factories.make_user("council"), state="accepted")
    commit()
    page = text(client.get("/processes/done"))
    outcomes = page.split('class="process-outcomes"')[1].split("</section>")[0]
    assert "Answers to proposals" in outcomes and "1 accepted" in outcomes
    assert 'href="/processes/done/proposals/?state=accepted"' in outcomes
    assert page.index("process-outcomes") < page.index("stepper") < page.index("Descripció.")
    assert "No phase is running right now." in page


def test_an_active_process_has_no_outcomes_section(client, commit):
    factories.make_process(slug="p")
    commit()
    assert "process-outcomes" not in text(client.get("/processes/p"))


def test_moderation_figures_are_in_a_small_transparency_section(client, commit):
    factories.make_process(slug="p", description="Descripció.")
    commit()
    page = text(client.get("/processes/p"))
    assert 'class="transparency"' in page and "Items reported" in page
    assert page.index("Descripció.") < page.index('class="transparency"')


def test_phase_dates_are_days_not_midnight_hours(client, commit):
    process = factories.make_process(slug="p", phases=())
    # a phase from the 1st to midnight at the end of the 11th of December 2026, in Madrid
    process.phases = [Phase(kind=PhaseKind.PROPOSALS, position=0,
                            starts_at=utcnow().replace(2026, 11, 30, 23, 0, 0, 0),
                            ends_at=utcnow().replace(2026, 12, 11, 23, 0, 0, 0))]
    commit()
    page = text(client.get("/processes/p"))
    dates = page.split('class="step-dates">')[1].split("</span>")[0]
    assert dates == "1 Dec 2026 – 11 Dec 2026"
    assert "1:00" not in dates and "0:00" not in dates


def test_the_process_page_in_catalan_elides(client, commit):
    process = factories.make_process(slug="p", phases=())
    now = utcnow()
    # running until midnight at the end of the 1st of next month's... a fixed 1st: the end is
    # the last day, shown as "fins a l'1 de ..."
    first = (now + timedelta(days=40)).replace(day=1, hour=23, minute=0, second=0,
                                                 microsecond=0)  # midnight of the 2nd, CET/CEST
    first -= timedelta(hours=1) if 4 <= first.month <= 10 else timedelta(0)
    process.phases = [Phase(kind=PhaseKind.PROPOSALS, position=0,
                            starts_at=now - timedelta(days=1), ends_at=first)]
    commit()
    page = text(client.get("/processes/p", headers={"Accept-Language": "ca"}))
    assert "fins a l&#39;1 de" in page or "fins a l'1 de" in page
