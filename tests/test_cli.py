"""The ``participa`` commands: seed-demo and create-user."""

import pytest
import sqlalchemy as sa
from markupsafe import escape

from participa.accounts.models import User
from participa.accounts.operations import get_user_by_email
from participa.accounts.passwords import verify_password
from participa.core.models import ActionLog
from participa.extensions import db
from participa.models import (
    Category,
    Comment,
    CommentVote,
    CommunityPlan,
    Debate,
    Job,
    Moderation,
    Neighbourhood,
    Phase,
    Process,
    ProcessRole,
    Proposal,
    Report,
    Support,
)
from tests.support import factories

PASSWORD = "una contrasenya prou llarga 9"
COUNTED = (User, Neighbourhood, CommunityPlan, Process, Phase, Category, ProcessRole, Proposal,
           Support, Debate, Comment, CommentVote, Moderation, Report, Job)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def counts() -> dict[str, int]:
    db.session.expire_all()
    return {model.__tablename__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in COUNTED}


def test_seed_demo_is_idempotent(runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    after_first = counts()
    assert all(after_first.values()), after_first
    assert "Demo town ready" in first.output

    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert "(0 new records)" in second.output
    assert counts() == after_first


def test_seed_demo_holds_debates_conversations_and_moderation(runner):
    from participa.comments.queries import count_visible
    from participa.debates.models import DebateStatus
    from participa.moderation.models import ModerationStatus

    runner.invoke(args=["seed-demo"])
    debates = list(db.session.scalars(sa.select(Debate)))
    assert any(d.status is DebateStatus.CLOSED and d.conclusion for d in debates)
    assert any(d.status is DebateStatus.OPEN for d in debates)
    comments = list(db.session.scalars(sa.select(Comment)))
    assert {c.target_kind for c in comments} == {"proposals", "debates", "meetings"}
    assert any(c.parent_id for c in comments), "threads have replies"
    assert {c.alignment.value for c in comments} == {"in_favour", "neutral", "against"}
    for debate in debates:
        assert debate.comments_count == count_visible("debates", debate.id)
    moderations = list(db.session.scalars(sa.select(Moderation)))
    statuses = {m.status for m in moderations}
    assert {ModerationStatus.PENDING, ModerationStatus.HIDDEN, ModerationStatus.IGNORED} <= statuses
    assert any(m.appealed_at and m.status is ModerationStatus.HIDDEN for m in moderations)


def test_seed_demo_shows_the_council_an_e_mail_that_could_not_be_sent(runner, client, outbox):
    from participa.core.jobs import JobStatus
    from participa.seed import DEMO_ACCOUNTS
    from tests.support.web import post, text

    runner.invoke(args=["seed-demo"])
    [job] = db.session.scalars(sa.select(Job))
    assert job.status is JobStatus.FAILED and "550" in job.last_error
    assert outbox() == []  # the worker leaves a failed job to the council
    email, _name, _role, password = DEMO_ACCOUNTS[0]
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    assert post(client, "/accounts/login", {"email": email, "password": password}
                ).status_code == 302
    page = text(client.get("/admin/jobs"))
    assert "Mailbox unavailable" in page and str(escape(job.summary)) in page
    post(client, f"/admin/jobs/{job.id}/retry", token_from="/admin/jobs")
    [message] = outbox()
    assert message["To"] == job.summary.split(":")[0]
    [calendar] = list(message.iter_attachments())  # the meeting's registration confirmed
    assert calendar.get_content_type() == "text/calendar"


def test_seed_demo_makes_people_of_every_role(runner):
    from participa.seed import DEMO_ACCOUNTS

    runner.invoke(args=["seed-demo"])
    roles = {role: get_user_by_email(email) for email, _name, role, _pw in DEMO_ACCOUNTS}
    assert roles["council"].is_council
    assert roles["facilitator"].is_facilitator and not roles["facilitator"].is_council
    assert not roles["resident"].is_council and not roles["resident"].is_facilitator
    email, _name, _role, password = DEMO_ACCOUNTS[0]
    assert verify_password(get_user_by_email(email).password_hash, password)


def test_seed_demo_adds_only_what_is_missing(runner):
    runner.invoke(args=["seed-demo"])
    full = counts()
    process = db.session.scalar(sa.select(Process).order_by(Process.id))
    slug = process.slug
    db.session.delete(process)
    db.session.commit()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "(0 new records)" not in result.output
    assert db.session.scalar(sa.select(Process).where(Process.slug == slug)) is not None
    assert counts()["processes"] == full["processes"]


@pytest.mark.parametrize("role", ["resident", "council"])
def test_create_user(runner, role):
    result = runner.invoke(args=["create-user", "Anna@Example.org", "--name", "Anna Puig",
                                 "--role", role, "--password", PASSWORD, "--locale", "es"])
    assert result.exit_code == 0, result.output
    user = get_user_by_email("anna@example.org")
    assert result.output.strip() == f"Created {role} anna@example.org (id {user.id})."
    assert (user.name, user.locale, user.is_council) == ("Anna Puig", "es", role == "council")
    assert not user.is_facilitator
    assert verify_password(user.password_hash, PASSWORD)
    assert db.session.scalar(sa.select(ActionLog.verb).where(ActionLog.target_id == user.id)) \
        == "register"


def test_create_a_facilitator_of_processes(runner, commit):
    first = factories.make_process(slug="pressupostos")
    second = factories.make_process(slug="places")
    commit()
    result = runner.invoke(args=["create-user", "aina@example.org", "--name", "Aina",
                                 "--role", "facilitator", "--process", "pressupostos",
                                 "--process", "places", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    user = get_user_by_email("aina@example.org")
    db.session.expire_all()
    assert user.facilitates(first) and user.facilitates(second)
    assert not user.is_council
    roles = db.session.scalars(sa.select(ProcessRole).where(ProcessRole.user_id == user.id))
    assert {r.process_id for r in roles} == {first.id, second.id}


def test_a_facilitator_without_a_process_is_told(runner):
    result = runner.invoke(args=["create-user", "aina@example.org", "--name", "Aina",
                                 "--role", "facilitator", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "--process SLUG" in result.output
    assert not get_user_by_email("aina@example.org").is_facilitator


def test_an_unknown_process_is_refused(runner):
    result = runner.invoke(args=["create-user", "aina@example.org", "--name", "Aina",
                                 "--role", "facilitator", "--process", "nope",
                                 "--password", PASSWORD])
    assert result.exit_code == 2
    assert "nope" in result.output
    assert get_user_by_email("aina@example.org") is None


@pytest.mark.parametrize("password", ["short", "password1234", "aaaaaaaaaaaaaaaa",
                                      "anna.puig forever"])
def test_a_weak_password_is_refused(runner, password):
    result = runner.invoke(args=["create-user", "anna.puig@example.org", "--name", "Anna Puig",
                                 "--password", password])
    assert result.exit_code == 2, result.output
    assert "--password" in result.output
    assert get_user_by_email("anna.puig@example.org") is None


def test_a_duplicate_e_mail_is_refused(runner, commit):
    existing = factories.make_user(email="anna@example.org", name="Anna")
    commit()
    result = runner.invoke(args=["create-user", "ANNA@example.org", "--name", "Una altra",
                                 "--role", "council", "--password", PASSWORD])
    assert result.exit_code == 1
    assert "Error:" in result.output
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1
    assert db.session.get(User, existing.id).is_council is False


def test_the_password_is_asked_for_when_not_given(runner):
    result = runner.invoke(args=["create-user", "pau@example.org", "--name", "Pau"],
                           input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # typed, never shown
    assert verify_password(get_user_by_email("pau@example.org").password_hash, PASSWORD)


def test_an_unknown_role_is_refused(runner):
    result = runner.invoke(args=["create-user", "pau@example.org", "--name", "Pau",
                                 "--role", "king", "--password", PASSWORD])
    assert result.exit_code == 2
    assert get_user_by_email("pau@example.org") is None
