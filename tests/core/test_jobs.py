"""The job queue (participa/core/jobs.py): a job exists exactly when its transaction commits,
the worker runs it once, retries it with growing delays while it fails, keeps it for the council
when every retry failed, and two workers never run the same job. Mail is its first kind: mail
written while the mail server is down arrives once it is back, exactly once."""

import threading
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import event, func, select

from participa.core.jobs import (
    Job,
    JobStatus,
    enqueue,
    forget_finished_jobs,
    register_job,
    retry_job,
    run_due_jobs,
    work,
)
from participa.core.mail import send_mail
from participa.core.types import utcnow
from participa.extensions import db
from tests.support.mailserver import smtp_server, use_smtp
from tests.support.meetings import register, url
from tests.support.records import log_entries
from tests.support.web import login, post, refreshed, text
from tests.support.workers import free_port

RAN: list[int] = []  # what the test job kind below was given, in order


def _record(config, payload):
    time.sleep(payload.get("sleep", 0))
    RAN.append(payload["n"])


register_job("test-record", _record, "Test")


@pytest.fixture(autouse=True)
def _no_runs_yet():
    RAN.clear()


def jobs() -> list[Job]:
    db.session.expire_all()
    return list(db.session.scalars(select(Job).order_by(Job.id)))


def test_a_job_exists_only_if_its_transaction_commits(app):
    send_mail("a@example.org", "Hola", "text")
    db.session.rollback()
    assert jobs() == []
    send_mail("a@example.org", "Hola", "text")
    db.session.commit()
    [job] = jobs()
    assert (job.kind, job.status, job.attempts) == ("mail", JobStatus.PENDING, 0)
    assert job.summary == "a@example.org: Hola"


def test_a_savepoints_rollback_keeps_what_came_before_it(app):
    enqueue("test-record", {"n": 1}, "one")
    with pytest.raises(RuntimeError):
        with db.session.begin_nested():
            enqueue("test-record", {"n": 2}, "two")
            raise RuntimeError
    db.session.commit()
    assert run_due_jobs(app.config) == 1
    assert RAN == [1]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        enqueue("no-such-kind", {}, "?")


def test_the_worker_runs_each_due_job_once_oldest_first(app):
    for n in range(3):
        enqueue("test-record", {"n": n}, f"job {n}")
    db.session.commit()
    assert run_due_jobs(app.config) == 3
    assert run_due_jobs(app.config) == 0
    assert RAN == [0, 1, 2]
    assert {job.status for job in jobs()} == {JobStatus.DONE}


def test_a_failing_job_is_tried_again_later_then_kept_as_failed(app, monkeypatch):
    """Each failure waits the next of JOB_RETRY_DELAYS; after the last, the job has failed."""
    use_smtp(app, monkeypatch, free_port())  # nothing listens there
    send_mail("a@example.org", "Hola", "text")
    db.session.commit()
    start = utcnow()
    clock = start
    for delay in app.config["JOB_RETRY_DELAYS"]:
        assert run_due_jobs(app.config, now=clock) == 1
        [job] = jobs()
        assert job.status is JobStatus.PENDING
        assert job.run_at == clock + timedelta(seconds=delay)
        assert "ConnectionRefusedError" in job.last_error
        assert run_due_jobs(app.config, now=job.run_at - timedelta(seconds=1)) == 0  # not yet
        clock = job.run_at
    assert run_due_jobs(app.config, now=clock) == 1
    [job] = jobs()
    assert job.status is JobStatus.FAILED
    assert job.attempts == len(app.config["JOB_RETRY_DELAYS"]) + 1
    assert run_due_jobs(app.config, now=clock + timedelta(days=30)) == 0  # it waits for people


def test_mail_written_while_the_mail_server_is_down_arrives_once_it_is_back_exactly_once(
        app, client, monkeypatch, process, facilitator, make_user, make_meeting, commit):
    """A meeting is cancelled while the mail server is down: the cancellation lands (no 500),
    every registrant's message waits, and each arrives once the server is back, once."""
    port = free_port()
    use_smtp(app, monkeypatch, port)
    meeting = make_meeting(process, facilitator, title="Caminada pel riu")
    people = [make_user() for _ in range(3)]
    for n, person in enumerate(people):
        register(meeting, person, seconds=n)
    commit()
    login(client, facilitator)

    response = post(client, url(process, meeting, "cancel"), {"reason": "Pluja intensa."})

    assert response.status_code == 302
    assert refreshed(meeting).status.value == "cancelled"
    now = utcnow()
    assert run_due_jobs(app.config, now=now) == 3  # the server is down: all three wait
    assert {job.status for job in jobs()} == {JobStatus.PENDING}
    with smtp_server(port) as received:
        assert run_due_jobs(app.config, now=now) == 0  # each waits its delay
        later = now + timedelta(seconds=app.config["JOB_RETRY_DELAYS"][0])
        assert run_due_jobs(app.config, now=later) == 3
        assert run_due_jobs(app.config, now=later + timedelta(days=1)) == 0
    assert sorted(received.recipients()) == sorted(p.email for p in people)
    assert all(b"Pluja intensa." in e.content for e in received.envelopes)
    assert {job.status for job in jobs()} == {JobStatus.DONE}


def test_the_council_sees_failed_mail_and_sends_it_again(app, client, council, resident,
                                                        monkeypatch, commit, outbox):
    port = free_port()
    use_smtp(app, monkeypatch, port)
    monkeypatch.setitem(app.config, "JOB_RETRY_DELAYS", [])  # the first failure is the last
    send_mail("veina@example.org", "Benvinguda", "text")
    council.locale = "en"
    commit()
    assert run_due_jobs(app.config) == 1
    [job] = jobs()
    assert job.status is JobStatus.FAILED

    login(client, council)
    dashboard = text(client.get("/admin/"))
    assert "1 e-mail could not be sent. Review it and send it again." in dashboard
    page = text(client.get("/admin/jobs"))
    assert "veina@example.org: Benvinguda" in page
    assert "ConnectionRefusedError" in page

    response = post(client, f"/admin/jobs/{job.id}/retry", token_from="/admin/jobs")
    assert response.status_code == 302
    assert "It will be sent again in a moment." in text(client.get("/admin/jobs"))
    assert [e.actor_id for e in log_entries("retry_job")] == [council.id]
    with smtp_server(port) as received:
        assert run_due_jobs(app.config) == 1
        assert run_due_jobs(app.config) == 0
    assert received.recipients() == ["veina@example.org"]
    assert "Nothing failed." in text(client.get("/admin/jobs"))

    # a job that has not failed cannot be sent again; an unknown one is not found
    response = post(client, f"/admin/jobs/{job.id}/retry", token_from="/admin/jobs")
    assert "Only a job that failed can be sent again." in text(client.get("/admin/jobs"))
    assert len(log_entries("retry_job")) == 1
    assert post(client, "/admin/jobs/999999/retry", token_from="/admin/jobs").status_code == 404


@pytest.mark.parametrize("who", ["visitor", "resident", "facilitator"])
def test_only_the_council_sees_the_jobs(client, who, resident, facilitator, commit):
    commit()
    if who != "visitor":
        login(client, {"resident": resident, "facilitator": facilitator}[who])
    response = client.get("/admin/jobs")
    assert response.status_code == (302 if who == "visitor" else 403)


def test_retry_job_refuses_a_job_that_has_not_failed(council):
    from participa.core.errors import DomainError

    job = enqueue("test-record", {"n": 1}, "one")
    db.session.flush()
    with pytest.raises(DomainError):
        retry_job(job, actor=council, now=utcnow())


def test_a_sent_mail_is_not_kept_in_the_database(app, outbox):
    """Once sent, a message (with whatever links it held) leaves only its summary behind."""
    send_mail("a@example.org", "Hola", "https://example.org/reset/secret-token")
    db.session.commit()
    assert len(outbox()) == 1
    [job] = jobs()
    assert job.status is JobStatus.DONE and job.payload == {}
    assert job.summary == "a@example.org: Hola"


def test_a_secret_mail_is_erased_even_when_it_fails_and_cannot_be_sent_again(
        app, council, monkeypatch):
    """A ballot receipt would tie a person to a ballot: a failed one keeps its summary for the
    council, not its content; an ordinary failed mail keeps its content to be sent again."""
    from participa.core.errors import DomainError

    use_smtp(app, monkeypatch, free_port())  # nothing listens there
    monkeypatch.setitem(app.config, "JOB_RETRY_DELAYS", [])
    send_mail("a@example.org", "Rebut", "K7QF-2M9X-PLDA", secret=True)
    send_mail("b@example.org", "Hola", "text")
    db.session.commit()
    assert run_due_jobs(app.config) == 2
    secret, plain = jobs()
    assert (secret.kind, secret.status, secret.payload) == ("secret_mail", JobStatus.FAILED, {})
    assert plain.status is JobStatus.FAILED and plain.payload["to"] == "b@example.org"
    with pytest.raises(DomainError, match="esborrat"):  # in Catalan, the default
        retry_job(secret, actor=council, now=utcnow())
    retry_job(plain, actor=council, now=utcnow())


def test_two_workers_never_run_the_same_job(app):
    """Two workers at once (threads, each with its own connection) share the jobs out."""
    for n in range(20):
        enqueue("test-record", {"n": n, "sleep": 0.01}, f"job {n}")
    db.session.commit()
    ran = []

    def worker():
        with app.app_context():
            ran.append(run_due_jobs(app.config))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(RAN) == list(range(20))
    assert sum(ran) == 20
    assert db.session.scalar(select(func.sum(Job.attempts))) == 20


def test_done_jobs_are_forgotten_after_a_while_failed_ones_are_kept(app, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RETRY_DELAYS", [])
    enqueue("test-record", {"n": 1}, "done")
    enqueue("test-record", {}, "fails: no n")
    db.session.commit()
    run_due_jobs(app.config)
    assert forget_finished_jobs(before=utcnow() - timedelta(days=1)) == 0
    assert forget_finished_jobs(before=utcnow() + timedelta(seconds=1)) == 1
    [kept] = jobs()
    assert (kept.summary, kept.status) == ("fails: no n", JobStatus.FAILED)
    assert kept.last_error == "KeyError: 'n'"


def test_the_worker_loop_runs_until_told_to_stop_and_forgets_old_jobs(app):
    old = enqueue("test-record", {"n": 1}, "done long ago")
    old.status, old.finished_at = JobStatus.DONE, utcnow() - timedelta(days=8)
    enqueue("test-record", {"n": 7}, "seven")
    db.session.commit()
    turns = iter([False, False, True])
    work(app.config, poll_seconds=0, keep_done=timedelta(days=7), stop=lambda: next(turns),
         on_error=pytest.fail)
    assert RAN == [7]
    assert [job.summary for job in jobs()] == ["seven"]  # done this turn: kept a while


def test_participa_worker_once(app):
    send_mail("a@example.org", "Hola", "text")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "Jobs run: 1." in result.output
    assert [job.status for job in jobs()] == [JobStatus.DONE]


def test_a_job_done_while_the_database_blinks_is_recorded_once_it_is_back(app):
    """The mail left; the database is away as the worker writes that down: it keeps trying,
    so the job is not run (and the mail not sent) a second time when its lease ends."""
    enqueue("test-record", {"n": 1}, "one")
    db.session.commit()
    blinks = {"left": 2}

    def blink(conn, cursor, statement, parameters, context, executemany):
        recording = statement.startswith("UPDATE jobs SET") and "status=?" in statement.split(
            "WHERE")[0].replace(" ", "").replace("%(status)s", "?")
        if recording and blinks["left"]:
            blinks["left"] -= 1
            raise sa.exc.OperationalError(statement, parameters, Exception("connection lost"))

    event.listen(db.engine, "before_cursor_execute", blink)
    try:
        assert run_due_jobs(app.config) == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", blink)
    assert blinks["left"] == 0
    assert RAN == [1]
    assert [job.status for job in jobs()] == [JobStatus.DONE]
    assert run_due_jobs(app.config, now=utcnow() + timedelta(hours=1)) == 0


def test_a_job_of_a_kind_this_code_does_not_know_fails_without_stopping_the_worker(
        app, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RETRY_DELAYS", [])
    db.session.add(Job(kind="from-a-newer-version", payload={}, summary="?"))
    enqueue("test-record", {"n": 2}, "two")
    db.session.commit()
    assert run_due_jobs(app.config) == 2
    unknown, known = jobs()
    assert unknown.status is JobStatus.FAILED
    assert "no handler" in unknown.last_error
    assert known.status is JobStatus.DONE and RAN == [2]


def test_the_dashboard_says_when_no_worker_is_sending(client, council, commit):
    """Mail due for more than ten minutes and never tried: the worker is not running."""
    council.locale = "en"
    send_mail("a@example.org", "Hola", "text")
    commit()
    login(client, council)
    assert "is the worker" not in text(client.get("/admin/"))
    [job] = jobs()
    job.run_at = utcnow() - timedelta(minutes=11)
    db.session.commit()
    assert ("1 e-mail has been waiting to be sent for more than ten minutes: is the worker "
            "(participa worker) running?") in text(client.get("/admin/"))
