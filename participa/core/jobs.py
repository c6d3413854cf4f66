"""The job queue: work that must happen after a change lands, outside the request (mail first).

A job is a row of the ``jobs`` table, written in the same transaction as the change it follows,
so it exists exactly when the change does: a rollback drops it, a crash after the commit keeps
it. ``participa worker`` runs the due jobs (``run_due_jobs``): it claims one with a lease (a
conditional UPDATE, so two workers never run the same job, on SQLite and PostgreSQL alike, and
no lock is held while it runs), runs its handler, and marks it done, or due again after a
growing delay (``JOB_RETRY_DELAYS``). A job that has used every retry is kept as failed and
shown to the council, who can send it again (``retry_job``). A job's payload (a whole e-mail,
with its links) is erased once the job is done; a secret job's (a ballot receipt, which would tie
a person to a ballot) also when it fails for good, so it cannot be sent again.

Why a table and not Huey, RQ or Celery: their queues live in a store of their own (a SQLite
file, Redis), which cannot join the action's database transaction: a crash between the commit
and the enqueue loses the job, and an enqueue before a rollback sends mail about nothing. Our
own database already is durable, shared by every app server, and backed up; a worker polling one
indexed query a second costs nothing. A job runs at least once: if the worker dies after the
handler succeeded and before it recorded so, the job runs again when its lease expires."""

import time
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, Session, mapped_column

from participa.core.enums import LabelledEnum
from participa.core.models import enum_column, log_action
from participa.core.text import one_line
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

LEASE = timedelta(minutes=5)  # a claimed job is due again if its worker has not finished by then
CLEANUP_EVERY = 600  # seconds between two clean-ups of the jobs done long ago

VERBS = {"retry_job": _l("sent a failed job again")}


class JobStatus(LabelledEnum):
    PENDING = "pending", _l("Waiting")
    DONE = "done", _l("Done")
    FAILED = "failed", _l("Failed")


class Job(db.Model):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    payload: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    summary: Mapped[str] = mapped_column(sa.String(400), nullable=False)  # what a person reads
    status: Mapped[JobStatus] = enum_column(
        JobStatus, "job_status", nullable=False, default=JobStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    run_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(sa.String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (sa.Index("ix_jobs_status_run_at", "status", "run_at"),)

    def __repr__(self):
        return f"<Job {self.id} {self.kind} {self.status.value}>"


_HANDLERS: dict[str, tuple[Callable, object]] = {}
_SECRET_KINDS: set[str] = set()


def register_job(kind: str, handler: Callable[[dict, dict], None], label, *,
                 secret: bool = False) -> None:
    """``handler(config, payload)`` does the work and raises if it could not; ``label`` says
    what the kind is, in the council's pages. The payload of a ``secret`` kind is erased even
    when the job fails for good."""
    _HANDLERS[kind] = (handler, label)
    if secret:
        _SECRET_KINDS.add(kind)


def job_label(kind: str):
    return _HANDLERS[kind][1] if kind in _HANDLERS else kind


def enqueue(kind: str, payload: dict, summary: str) -> Job:
    """Add a job to the current transaction: it runs once the transaction has committed."""
    if kind not in _HANDLERS:
        raise ValueError(f"no handler for job kind {kind!r}")
    job = Job(kind=kind, payload=payload, summary=one_line(summary)[:400], run_at=utcnow())
    db.session.add(job)
    return job


def run_due_jobs(config, *, now: datetime | None = None, limit: int = 100) -> int:
    """Run the jobs that are due (oldest first, at most ``limit``) in a session of their own,
    never the caller's; return how many ran, successfully or not."""
    delays = config["JOB_RETRY_DELAYS"]
    ran = 0
    with Session(db.engine) as session:
        due = session.execute(
            sa.select(Job.id, Job.run_at, Job.attempts, Job.kind, Job.payload)
            .where(Job.status == JobStatus.PENDING, Job.run_at <= (now or utcnow()))
            .order_by(Job.run_at, Job.id)
            .limit(limit)
        ).all()
        for job_id, seen_run_at, seen_attempts, kind, payload in due:
            clock = now or utcnow()
            claimed = session.execute(
                sa.update(Job)
                .where(Job.id == job_id, Job.status == JobStatus.PENDING,
                       Job.run_at == seen_run_at, Job.attempts == seen_attempts)
                .values(run_at=clock + LEASE, attempts=seen_attempts + 1)
            ).rowcount
            session.commit()  # no transaction stays open while the handler works
            if not claimed:  # another worker has it
                continue
            attempts = seen_attempts + 1
            try:
                if kind not in _HANDLERS:  # written by another version of the code
                    raise LookupError(f"no handler for jobs of kind {kind!r}")
                _HANDLERS[kind][0](config, payload)
            except Exception as error:  # noqa: BLE001 - whatever it was, the job is kept
                outcome = {"last_error": one_line(f"{type(error).__name__}: {error}")[:500]}
                if attempts > len(delays):
                    outcome.update(status=JobStatus.FAILED, finished_at=clock)
                    if kind in _SECRET_KINDS:
                        outcome["payload"] = {}
                else:
                    outcome.update(run_at=clock + timedelta(seconds=delays[attempts - 1]))
            else:
                outcome = {"status": JobStatus.DONE, "finished_at": clock, "last_error": None,
                           "payload": {}}  # what was sent is not kept
            _record(session, job_id, outcome)
            ran += 1
    return ran


def _record(session, job_id: int, outcome: dict, *, patience: float = 60.0) -> None:
    """Write down how a job went. The work is done by now (a mail handed over): if the database
    is away for a moment (a restart), keep trying for ``patience`` seconds rather than leave the
    job to run again when its lease ends."""
    deadline = time.monotonic() + patience
    pause = 0.1
    while True:
        try:
            session.execute(sa.update(Job).where(Job.id == job_id).values(**outcome))
            session.commit()
            return
        except sa.exc.OperationalError:
            session.rollback()
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


def forget_finished_jobs(*, before: datetime) -> int:
    """Delete the done jobs that finished before ``before`` (failed ones wait for the council)."""
    with Session(db.engine) as session:
        deleted = session.execute(
            sa.delete(Job).where(Job.status == JobStatus.DONE, Job.finished_at < before)
        ).rowcount
        session.commit()
    return deleted


# --- daily tasks -------------------------------------------------------------------------------

DAY = timedelta(days=1)


class DailyRun(db.Model):
    """When a daily task last started: the one row every worker claims before running it, so
    several workers run each task once a day between them."""

    __tablename__ = "daily_runs"

    name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    last_run_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)

    def __repr__(self):
        return f"<DailyRun {self.name}>"


_DAILY: dict[str, Callable] = {}


def register_daily(name: str, task: Callable[[dict, datetime], None]) -> None:
    """``task(config, now)`` runs in the worker once a day (when a day has passed since its
    last run), in the app's session, which is committed after it (rolled back if it raises)."""
    _DAILY[name] = task


def claim_daily(name: str, now: datetime) -> bool:
    """Whether the caller may run the task ``name`` now: its row is moved to ``now`` by a
    conditional UPDATE (or first written), which only one worker can win."""
    with Session(db.engine) as session:
        seen = session.scalar(sa.select(DailyRun.last_run_at).where(DailyRun.name == name))
        if seen is None:
            session.add(DailyRun(name=name, last_run_at=now))
            try:
                session.commit()
            except sa.exc.IntegrityError:  # another worker wrote it first
                session.rollback()
                return False
            return True
        if now - seen < DAY:
            return False
        claimed = session.execute(
            sa.update(DailyRun).where(DailyRun.name == name, DailyRun.last_run_at == seen)
            .values(last_run_at=now)).rowcount
        session.commit()
        return bool(claimed)


def run_daily_tasks(config, *, now: datetime | None = None,
                    on_error: Callable[[Exception], None] | None = None) -> list[str]:
    """Run every registered daily task whose day has come; return the names of those run.
    A task that fails is rolled back and reported (``on_error``), and tried again the next
    day (the on-demand ways of doing its work stay open meanwhile)."""
    now = now or utcnow()
    ran = []
    for name, task in list(_DAILY.items()):
        if not claim_daily(name, now):
            continue
        try:
            task(config, now)
            db.session.commit()
        except Exception as error:  # noqa: BLE001 - one task's failure stops no other
            db.session.rollback()
            if on_error is None:
                raise
            on_error(error)
        ran.append(name)
    return ran


def work(config, *, poll_seconds: float, keep_done: timedelta, stop: Callable[[], bool],
         on_error: Callable[[Exception], None]) -> None:
    """The worker's loop: run what is due, then wait ``poll_seconds``, until ``stop()``; now
    and then, forget the jobs done long ago (not every turn: on SQLite a DELETE takes the
    database's write lock even when it deletes nothing) and run the daily tasks whose day has
    come. A database that cannot be reached is reported and tried again at the next turn."""
    next_cleanup = 0.0
    while not stop():
        try:
            ran = run_due_jobs(config)
            if time.monotonic() >= next_cleanup:
                forget_finished_jobs(before=utcnow() - keep_done)
                run_daily_tasks(config, on_error=on_error)
                next_cleanup = time.monotonic() + CLEANUP_EVERY
        except sa.exc.SQLAlchemyError as error:
            on_error(error)
            ran = 0
        if not ran:
            time.sleep(poll_seconds)


def retry_job(job: Job, *, actor, now: datetime) -> None:
    """The council sends a failed job again: every retry is available to it once more."""
    from participa.core.errors import DomainError

    if job.status is not JobStatus.FAILED:
        raise DomainError(_l("Only a job that failed can be sent again."))
    if not job.payload:
        raise DomainError(_l("This job cannot be sent again: its content was erased to keep "
                             "a ballot secret."))
    job.status, job.attempts, job.run_at, job.finished_at = JobStatus.PENDING, 0, now, None
    log_action("retry_job", job, actor=actor, kind=job.kind)


def _count(*conditions) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Job).where(*conditions))


def failed_jobs_count() -> int:
    return _count(Job.status == JobStatus.FAILED)


def overdue_jobs_count(*, now: datetime, grace: timedelta = timedelta(minutes=10)) -> int:
    """Jobs due for longer than ``grace`` and still not run: no worker is running them."""
    return _count(Job.status == JobStatus.PENDING, Job.run_at < now - grace)


def list_jobs(statuses) -> list[Job]:
    return list(db.session.scalars(
        sa.select(Job).where(Job.status.in_(statuses)).order_by(Job.created_at.desc(), Job.id)
        .limit(500)
    ))
