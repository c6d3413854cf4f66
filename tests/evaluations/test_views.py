"""Evaluations through the test client: the public page (published only) with its comparison,
the plan page's history, the questionnaire (signed in, one answer to change, rate limited) and
the council's pages, with their 302/400/403/404/429 answers."""

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.evaluations import operations
from participa.evaluations.models import Evaluation, EvaluationState, QuestionnaireAnswer
from participa.extensions import db
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.evaluations import (
    answer,
    assess_every_goal,
    days_ago,
    open_evaluation,
    plan_to_evaluate,
    published_evaluation,
)
from tests.support.web import login, post, sync, text


@pytest.fixture
def council(commit):
    return factories.person("council")


@pytest.fixture
def plan(council, commit):
    plan = plan_to_evaluate(council=council)
    commit()
    return plan


@pytest.fixture
def draft(plan, council, commit):
    evaluation = open_evaluation(plan, actor=council)
    commit()
    return evaluation


@pytest.fixture
def published(plan, council, commit):
    evaluation = published_evaluation(plan, actor=council)
    commit()
    return evaluation


@pytest.fixture
def open_questionnaire(draft, council, commit):
    operations.open_questionnaire(draft, actor=council)
    commit()
    return draft


def page(evaluation, suffix=""):
    return f"/plans/{evaluation.plan.slug}/evaluations/{evaluation.id}{suffix}"


def admin(plan, suffix=""):
    return f"/admin/plans/{plan.id}/evaluations/{suffix}"


def verbs():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))


def answers():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(QuestionnaireAnswer)))


ANSWER = {"improved": "4", "took_part": "2", "informed": "5", "comment": "Més ombra, si us plau."}


# --- the public page ----------------------------------------------------------------------


def test_a_published_evaluation_is_public_with_its_summary(client, plan, council, commit):
    evaluation = open_evaluation(plan, actor=council, conclusions="Un **bon** any.")
    operations.open_questionnaire(evaluation, actor=council)
    answer(evaluation, factories.make_user(), comment="Més bancs")
    assess_every_goal(evaluation, actor=council)
    operations.publish_evaluation(evaluation, actor=council)
    commit()
    response = client.get(page(evaluation))
    assert response.status_code == 200
    body = text(response)
    assert "Un <strong>bon</strong> any." in body and "Partly achieved" in body
    assert "Arranjar la plaça" in body and "Indicador 1" in body
    assert "1 person answered" in body and "Més bancs" in body  # public once published
    assert "first published evaluation" in body


def test_the_page_compares_with_the_evaluation_before(client, plan, council, commit):
    published_evaluation(plan, actor=council, title="Primer any", starts_on=days_ago(700),
                         ends_on=days_ago(55))
    second = published_evaluation(plan, actor=council, title="Segon any",
                                  starts_on=days_ago(54), ends_on=days_ago(5))
    commit()
    body = text(client.get(page(second)))
    assert "Compared with the evaluation before" in body and "Primer any" in body
    assert "+30" in body and "better" in body


@pytest.mark.parametrize("who", ["visitor", "resident", "council"])
def test_a_draft_has_no_public_page(client, draft, who, commit):
    if who != "visitor":
        person = factories.person(who)
        commit()
        login(client, person)
    assert client.get(page(draft)).status_code == 404


def test_unknown_or_misplaced_evaluations_are_404(client, published, council, commit):
    other = plan_to_evaluate(council=council)
    commit()
    assert client.get(page(published).replace(str(published.id), "999999")).status_code == 404
    assert client.get(f"/plans/{other.slug}/evaluations/{published.id}").status_code == 404
    assert client.get(f"/plans/nowhere/evaluations/{published.id}").status_code == 404
    assert client.get(page(published).replace(str(published.id), "9" * 30)).status_code == 404


def test_a_draft_plans_evaluations_are_hidden(client, published, commit):
    published.plan.status = PlanStatus.DRAFT
    commit()
    assert client.get(page(published)).status_code == 404


def test_the_plan_page_shows_its_history_and_open_questionnaires(client, plan, council, commit):
    published = published_evaluation(plan, actor=council, title="Primer any",
                                     starts_on=days_ago(700), ends_on=days_ago(55))
    current = open_evaluation(plan, actor=council, title="Segon any", starts_on=days_ago(54),
                              ends_on=days_ago(5))
    commit()
    body = text(client.get(f"/plans/{plan.slug}"))
    assert "Primer any" in body and page(published) in body
    assert "Segon any" not in body and page(current, "/questionnaire") not in body
    operations.open_questionnaire(current, actor=council)
    commit()
    body = text(client.get(f"/plans/{plan.slug}"))
    assert page(current, "/questionnaire") in body and "Segon any" not in body


# --- the questionnaire --------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in(client, open_questionnaire):
    response = client.get(page(open_questionnaire, "/questionnaire"))
    assert response.status_code == 302 and "/accounts/login" in response.location
    response = post(client, page(open_questionnaire, "/questionnaire"), ANSWER)
    assert response.status_code == 302 and "/accounts/login" in response.location
    assert answers() == []


def test_a_resident_answers_and_changes_the_answer(client, open_questionnaire, commit):
    resident = factories.person()
    commit()
    login(client, resident)
    url = page(open_questionnaire, "/questionnaire")
    assert client.get(url).status_code == 200
    response = post(client, url, ANSWER, token_from=url)
    assert response.status_code == 302
    [saved] = answers()
    assert (saved.improved, saved.took_part, saved.informed) == (4, 2, 5)
    body = text(client.get(url))
    assert "already answered" in body
    assert '<input checked id="improved-3" name="improved" required type="radio" value="4">' \
        in body
    response = post(client, url, {**ANSWER, "improved": "1", "comment": ""}, token_from=url)
    assert response.status_code == 302
    [saved] = answers()
    assert (saved.improved, saved.comment) == (1, "")
    assert verbs()[-2:] == ["answer_questionnaire", "change_questionnaire_answer"]


@pytest.mark.parametrize("bad", [
    {"improved": "9"}, {"improved": ""}, {"took_part": "x"}, {"comment": "x" * 2001},
    {"comment": "a\x00b"},
])
def test_a_bad_answer_is_400_and_saves_nothing(client, open_questionnaire, bad, commit):
    resident = factories.person()
    commit()
    login(client, resident)
    url = page(open_questionnaire, "/questionnaire")
    response = post(client, url, {**ANSWER, **bad}, token_from=url)
    assert response.status_code == 400
    assert answers() == []


def test_a_closed_questionnaire_is_404_while_a_draft_and_403_once_published(
        client, draft, council, commit):
    resident = factories.person()
    commit()
    login(client, resident)
    url = page(draft, "/questionnaire")
    assert client.get(url).status_code == 404
    assert post(client, url, ANSWER).status_code == 404
    assess_every_goal(draft, actor=council)
    draft.conclusions = "Fet."
    operations.publish_evaluation(draft, actor=council)
    commit()
    response = client.get(url)
    assert response.status_code == 403 and "not open" in text(response)
    assert post(client, url, ANSWER).status_code == 403
    assert answers() == []


def test_blocked_people_cannot_answer(client, open_questionnaire, commit):
    """A block ends the person's sessions: they are sent to sign in, which refuses them."""
    blocked = factories.person()
    commit()
    login(client, blocked)
    blocked.blocked_at = utcnow()
    commit()
    url = page(open_questionnaire, "/questionnaire")
    response = client.post(url, data=ANSWER)  # the session is gone: no token to send
    assert response.status_code in (302, 400)
    assert client.get(url).status_code == 302
    assert answers() == []


def test_answering_is_rate_limited(app, client, open_questionnaire, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_POST", "2 per hour")
    resident = factories.person()
    commit()
    login(client, resident)
    url = page(open_questionnaire, "/questionnaire")
    for improved in ("3", "4"):
        assert post(client, url, {**ANSWER, "improved": improved},
                    token_from=url).status_code == 302
    assert post(client, url, ANSWER, token_from=url).status_code == 429
    [saved] = answers()
    assert saved.improved == 4


# --- the council's pages ------------------------------------------------------------------


def admin_urls(plan, evaluation, goal):
    base = admin(plan, f"{evaluation.id}")
    return [admin(plan), admin(plan, "new"), base + "/", base + "/edit",
            base + f"/goals/{goal.id}"]


def admin_posts(plan, evaluation):
    base = admin(plan, f"{evaluation.id}")
    return [base + "/refresh", base + "/questionnaire/open", base + "/questionnaire/close",
            base + "/publish"]


def test_visitors_are_sent_to_sign_in_and_residents_refused(client, plan, draft, commit):
    for url in admin_urls(plan, draft, plan.goals[0]):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login" in response.location, url
    for url in admin_posts(plan, draft):
        assert post(client, url).status_code == 302, url
    for role in ("resident", "facilitator"):
        person = factories.person(role, process=factories.make_process(plan=plan))
        commit()
        other = client.another()
        login(other, person)
        for url in admin_urls(plan, draft, plan.goals[0]):
            assert other.get(url).status_code == 403, url
        for url in admin_posts(plan, draft):
            assert post(other, url).status_code == 403, url
    db.session.expire_all()
    assert db.session.get(Evaluation, draft.id).state == EvaluationState.DRAFT


def test_the_council_sees_every_page(client, plan, draft, council):
    login(client, council)
    for url in admin_urls(plan, draft, plan.goals[0]):
        assert client.get(url).status_code == 200, url


def test_unknown_plans_evaluations_and_goals_are_404(client, plan, draft, council, commit):
    other = plan_to_evaluate(council=council)
    commit()
    login(client, council)
    assert client.get(admin(plan).replace(str(plan.id), "999999")).status_code == 404
    assert client.get(admin(plan, "999999/")).status_code == 404
    assert client.get(admin(other, f"{draft.id}/")).status_code == 404
    assert client.get(admin(plan, f"{draft.id}/goals/{other.goals[0].id}")).status_code == 404
    assert post(client, admin(plan, "999999/publish")).status_code == 404


def test_the_council_opens_an_evaluation(client, plan, council):
    login(client, council)
    url = admin(plan, "new")
    data = {"title": "Avaluació 2026", "starts_on": days_ago(300).isoformat(),
            "ends_on": days_ago(3).isoformat(), "conclusions": ""}
    response = post(client, url, data, token_from=url)
    assert response.status_code == 302
    sync()
    evaluation = db.session.scalars(sa.select(Evaluation)).one()
    assert response.location.endswith(admin(plan, f"{evaluation.id}/"))
    assert len(evaluation.indicators) == 2 and len(evaluation.results) == 3
    assert verbs()[-1] == "open_evaluation"


@pytest.mark.parametrize("change, message", [
    ({"starts_on": days_ago(3).isoformat(), "ends_on": days_ago(300).isoformat()},
     "cannot end before it starts"),
    ({"ends_on": days_ago(-3).isoformat()}, "cannot end after today"),
    ({"starts_on": days_ago(30).isoformat()}, "overlaps another evaluation"),
    ({"title": ""}, "This field is required"),
    ({"starts_on": "not a date"}, "Not a valid date"),
])
def test_a_bad_period_is_400_and_opens_nothing(client, plan, draft, council, change, message):
    login(client, council)
    url = admin(plan, "new")
    data = {"title": "Una altra", "starts_on": days_ago(10).isoformat(),
            "ends_on": days_ago(2).isoformat(), "conclusions": "", **change}
    response = post(client, url, data, token_from=url)
    assert response.status_code == 400
    assert message in text(response)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Evaluation.id))) == 1


def test_a_draft_plan_is_not_evaluated(client, council, commit):
    plan = plan_to_evaluate(status=PlanStatus.DRAFT, council=council)
    commit()
    login(client, council)
    assert client.get(admin(plan)).status_code == 200
    assert client.get(admin(plan, "new")).status_code == 403


def test_the_council_assesses_edits_and_publishes(client, plan, draft, council):
    login(client, council)
    base = admin(plan, f"{draft.id}")
    response = post(client, base + "/publish", token_from=base + "/")
    assert response.status_code == 302
    assert "Assess every goal" in text(client.get(response.location))
    for goal in plan.goals:
        url = base + f"/goals/{goal.id}"
        response = post(client, url, {"rating": "achieved", "reasons": "Fet."}, token_from=url)
        assert response.status_code == 302
    url = base + f"/goals/{plan.goals[0].id}"
    assert post(client, url, {"rating": "brilliant", "reasons": "Fet."},
                token_from=url).status_code == 400
    edit = base + "/edit"
    response = post(client, edit, {"title": "Avaluació", "starts_on": days_ago(385).isoformat(),
                                   "ends_on": days_ago(20).isoformat(),
                                   "conclusions": "Un any **bo**."}, token_from=edit)
    assert response.status_code == 302
    assert post(client, base + "/questionnaire/open", token_from=base + "/").status_code == 302
    assert post(client, base + "/refresh", token_from=base + "/").status_code == 302
    assert post(client, base + "/publish", token_from=base + "/").status_code == 302
    db.session.expire_all()
    evaluation = db.session.get(Evaluation, draft.id)
    assert evaluation.is_published and not evaluation.is_questionnaire_open
    assert verbs()[-6:] == ["assess_goal", "assess_goal", "update_evaluation",
                            "open_questionnaire", "refresh_evaluation", "publish_evaluation"]
    # published: read-only
    assert client.get(edit).status_code == 403
    assert client.get(url).status_code == 403
    assert post(client, url, {"rating": "partly", "reasons": "No."},
                token_from=base + "/").status_code == 403
    response = post(client, base + "/refresh", token_from=base + "/")
    assert response.status_code == 302
    assert "can no longer change" in text(client.get(response.location))
    assert client.get(page(evaluation)).status_code == 200


def test_the_council_opens_and_closes_the_questionnaire(client, plan, draft, council):
    login(client, council)
    base = admin(plan, f"{draft.id}")
    assert post(client, base + "/questionnaire/open", token_from=base + "/").status_code == 302
    db.session.expire_all()
    assert db.session.get(Evaluation, draft.id).is_questionnaire_open
    assert post(client, base + "/questionnaire/close", token_from=base + "/").status_code == 302
    db.session.expire_all()
    assert not db.session.get(Evaluation, draft.id).is_questionnaire_open
    assert verbs()[-2:] == ["open_questionnaire", "close_questionnaire"]


def test_the_council_reads_comments_before_publication(client, plan, open_questionnaire,
                                                       council, commit):
    answer(open_questionnaire, factories.make_user(), comment="Calen més fonts")
    commit()
    login(client, council)
    assert "Calen més fonts" in text(client.get(admin(plan, f"{open_questionnaire.id}/")))
