"""make loadtest: a mixed load with faults, then the checks. Run by scripts/loadtest.sh, which
starts and stops PostgreSQL, Redis, gunicorn and the mail worker on loopback.

  loadtest.py prepare --plan FILE
      the load's people, a process in its proposals phase with proposals, and meetings taking
      registrations, made with the app's own operations; what the run needs goes to FILE
  loadtest.py run BASE_URL --plan FILE --database-url URL --outbox DIR
                  [--duration 60] [--connections 64]
      half the connections read as visitors, a quarter read signed in, a quarter write
      (support, comment, register for a meeting); PostgreSQL is restarted at ~1/3 of the run and
      paused (SIGSTOP) for 10 s at ~2/3; prints requests/s, latency and errors by phase, then
      checks the database, the counters and the mail, and exits 1 if a check fails."""

import argparse
import base64
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-password-2026"
LOAD_SLUG = "proves-de-carrega"
DEMO_SLUG = "pressupostos-participatius-barri-vell"
COUNCIL = "consell@riuclar.example"
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
PHASES = ("before", "restart", "between", "pause", "after")
KINDS = ("visitor read", "signed-in read", "support", "comment", "register")
WRITES = ("support", "comment", "register")


# -- prepare -----------------------------------------------------------------------------------


def prepare(args):
    """People, a process in its proposals phase, its proposals and meetings, through the app's
    own operations, committed once; writes the plan the run reads."""
    from datetime import timedelta

    import sqlalchemy as sa

    from participa import create_app

    app = create_app()
    with app.app_context():
        from participa.accounts.operations import register_user
        from participa.accounts.queries import get_user_by_email
        from participa.core.types import utcnow
        from participa.extensions import db
        from participa.meetings import operations as meetings
        from participa.meetings.models import Meeting, MeetingStatus
        from participa.neighbourhoods.models import Neighbourhood
        from participa.processes import operations as processes
        from participa.processes.models import Process
        from participa.proposals import operations as proposals
        from participa.proposals.models import Proposal

        now = utcnow().replace(microsecond=0)
        council = get_user_by_email(COUNCIL)
        assert council is not None, "the demo town is missing: run `participa seed-demo` first"
        people = []
        for n in range(1, args.people + 1):
            person = register_user(name=f"Load person {n}", email=f"load{n:03d}@loadtest.example",
                                   password=PASSWORD, locale="en", confirmed=True)
            # neighbours of long standing (as the demo town's): no new-account comment limit
            person.created_at = now - timedelta(days=30)
            people.append(person)
        # the demo's process in its proposals phase allows 10 supports a person: a process of
        # the load's own (no such limit) keeps supports coming for the whole run
        neighbourhoods = list(db.session.scalars(sa.select(Neighbourhood.id)))
        process = processes.create_process({
            "title": "Proves de càrrega", "slug": LOAD_SLUG, "is_published": True,
            "summary": "Un procés per a la prova de càrrega.",
            "description": "Propostes, suports, comentaris i trobades de la prova de càrrega.",
            "supports_per_person": 0, "neighbourhood_ids": neighbourhoods,
        }, actor=council)
        processes.add_phase(process, {
            "kind": "proposals", "title": "", "position": 0,
            "starts_at": now - timedelta(days=1), "ends_at": now + timedelta(days=30),
        }, actor=council)
        load_proposals = [
            proposals.create_proposal(process, {
                "title": f"Proposta de prova {n}", "address": "",
                "body": f"La proposta número {n} de la prova de càrrega.",
                "category_id": None, "neighbourhood_id": None,
            }, actor=people[n % len(people)])
            for n in range(1, args.proposals + 1)
        ]
        load_meetings = []
        for n in range(1, args.meetings + 1):
            start = now + timedelta(days=14, hours=n)
            meeting = meetings.create_meeting(process, {
                "title": f"Sessió de prova {n}", "kind": "in_person", "place": "Casal de barri",
                "address": "Carrer Major, 1", "description": "Una sessió de la prova de càrrega.",
                "starts_at": start, "ends_at": start + timedelta(hours=2),
                "registrations_enabled": True, "capacity": 100_000, "registration_terms": "",
            }, actor=council)
            meetings.publish_meeting(meeting, actor=council)
            load_meetings.append(meeting)
        db.session.commit()

        demo = db.session.scalar(sa.select(Process).where(Process.slug == DEMO_SLUG))
        demo_proposals = list(db.session.scalars(
            sa.select(Proposal.id).where(Proposal.process_id == demo.id)))
        demo_meetings = list(db.session.scalars(
            sa.select(Meeting.id).where(Meeting.process_id == demo.id,
                                        Meeting.status == MeetingStatus.PUBLISHED)))
        plan = {
            "password": PASSWORD,
            "people": [{"id": p.id, "email": p.email} for p in people],
            "slug": LOAD_SLUG,
            "proposals": [p.id for p in load_proposals],
            "meetings": [{"id": m.id, "title": m.title} for m in load_meetings],
            "read": {
                "processes": [LOAD_SLUG, DEMO_SLUG],
                "proposals": [[LOAD_SLUG, p.id] for p in load_proposals]
                + [[DEMO_SLUG, i] for i in demo_proposals],
                "meetings": [[LOAD_SLUG, m.id] for m in load_meetings]
                + [[DEMO_SLUG, i] for i in demo_meetings],
            },
        }
    Path(args.plan).write_text(json.dumps(plan, indent=1))
    print(f"Prepared {len(people)} people, process {LOAD_SLUG!r} with {len(load_proposals)} "
          f"proposals and {len(load_meetings)} meetings (capacity 100,000 each).")


# -- the load ----------------------------------------------------------------------------------


class Client:
    """One keep-alive connection; a failed request closes it and the next opens a new one."""

    def __init__(self, host, port, timeout):
        self.host, self.port, self.timeout = host, port, timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        if response.will_close:
            self.conn.close()
            self.conn = None
        return response, data


def cookie_of(response, name="session"):
    for header in response.msg.get_all("Set-Cookie") or []:
        pair = header.split(";", 1)[0]
        if pair.startswith(name + "="):
            return pair
    return None


def flash_categories(response):
    """The flash categories the response put in Flask's session cookie (signed, not
    encrypted: its payload is base64 JSON, zlib-compressed when it starts with a dot)."""
    pair = cookie_of(response)
    if not pair:
        return []
    value = pair.split("=", 1)[1]
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".", 1)[0]
    try:
        data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        session = json.loads(zlib.decompress(data) if compressed else data)
    except ValueError:  # not Flask's cookie format: no flash can be read
        return []
    return [item[" t"][0] if isinstance(item, dict) else item[0]
            for item in session.get("_flashes", [])]


def login(client, email, password):
    """Sign in like a browser (scripts/bench.py's login); return (cookie, csrf token)."""
    response, page = client.request("GET", "/accounts/login")
    cookie = cookie_of(response)
    token = TOKEN.search(page.decode()).group(1)
    body = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    response, _ = client.request("POST", "/accounts/login", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 302, f"sign-in of {email} failed: {response.status}"
    cookie = cookie_of(response)
    response, page = client.request("GET", "/accounts/me", headers={"Cookie": cookie})
    cookie = cookie_of(response) or cookie  # the session now holds a fresh CSRF token
    return cookie, TOKEN.search(page.decode()).group(1)


class Load:
    def __init__(self, args, plan):
        parts = urllib.parse.urlsplit(args.base)
        self.host, self.port = parts.hostname, parts.port
        self.args, self.plan = args, plan
        self.deadline = None
        self.start = None
        # (start, end, kind, status, path); status 0: a connection error or a timeout
        self.records = []
        self.writes = []  # (kind, key, outcome, start, end, status)
        self.lock = threading.Lock()
        read = plan["read"]
        self.pages = (
            ["/", "/processes/", "/meetings/", "/meetings.ics"]
            + [f"/processes/{slug}" for slug in read["processes"]]
            + [f"/processes/{slug}/proposals/" for slug in read["processes"]]
        )
        self.proposal_pages = [f"/processes/{s}/proposals/{i}" for s, i in read["proposals"]]
        self.meeting_pages = [f"/processes/{s}/meetings/{i}" for s, i in read["meetings"]]

    def now(self):
        return time.monotonic() - self.start

    def client(self):
        return Client(self.host, self.port, self.args.timeout)

    def call(self, client, kind, method, path, records, **kwargs):
        """One timed request; returns (status, response or None)."""
        t0 = self.now()
        try:
            response, _ = client.request(method, path, **kwargs)
            status = response.status
        except Exception:  # noqa: BLE001 - refused, reset or timed out: all counted
            response, status = None, 0
        records.append((t0, self.now(), kind, status, path))
        return status, response

    def read_page(self, rng):
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(self.pages)
        if roll < 0.8:
            return rng.choice(self.proposal_pages)
        return rng.choice(self.meeting_pages)

    def reader(self, seed, session):
        rng, client, records = random.Random(seed), self.client(), []
        kind = "signed-in read" if session else "visitor read"
        headers = {"Cookie": session[0]} if session else {}
        while time.monotonic() < self.deadline:
            self.call(client, kind, "GET", self.read_page(rng), records, headers=headers)
        with self.lock:
            self.records += records

    def writer(self, seed, people):
        """Writes that the app allows by construction: each (person, proposal) support and each
        (person, meeting) registration at most once, every comment with a unique marker."""
        rng, client, records, writes = random.Random(seed), self.client(), [], []
        supports = [(p, pid) for p in people for pid in self.plan["proposals"]]
        registrations = [(p, m) for p in people for m in self.plan["meetings"]]
        rng.shuffle(supports)
        rng.shuffle(registrations)
        slug, n = self.plan["slug"], 0
        while time.monotonic() < self.deadline:
            choices = ["comment"] + (["support"] if supports else []) + (
                ["register"] if registrations else [])
            action = rng.choice(choices)
            if action == "support":
                person, pid = supports.pop()
                path, key, form = f"/processes/{slug}/proposals/{pid}/support", (
                    person["id"], pid), {}
            elif action == "register":
                person, meeting = registrations.pop()
                path, key, form = f"/processes/{slug}/meetings/{meeting['id']}/register", (
                    person["id"], meeting["id"], person["email"], meeting["title"]), {}
            else:
                person, pid = rng.choice(people), rng.choice(self.plan["proposals"])
                n += 1
                key = f"lt-{self.args.run_id}-{seed}-{n}"
                path = f"/processes/{slug}/proposals/{pid}/comments"
                form = {"body": f"[{key}] Un comentari de la prova de càrrega.",
                        "alignment": rng.choice(("in_favour", "neutral", "against"))}
            form["csrf_token"] = person["token"]
            t0 = self.now()
            status, response = self.call(
                client, action, "POST", path, records, body=urllib.parse.urlencode(form),
                headers={"Cookie": person["cookie"],
                         "Content-Type": "application/x-www-form-urlencoded"})
            writes.append((action, key, self.outcome(status, response), t0, self.now(), status))
        with self.lock:
            self.records += records
            self.writes += writes

    @staticmethod
    def outcome(status, response):
        """acknowledged: a 302 after the commit (its flash says success); refused: the app said
        no; otherwise unknown (a 503, a connection error), the write may or may not be in."""
        if status == 302:
            location = response.getheader("Location", "")
            categories = flash_categories(response)
            if "/accounts/login" not in location and "success" in categories \
                    and "error" not in categories:
                return "acknowledged"
            return "refused"
        if 400 <= status < 500:
            return "refused"
        return "unknown"

    def sign_in_all(self, people):
        def work(chunk):
            client = self.client()
            for person in chunk:
                person["cookie"], person["token"] = login(client, person["email"],
                                                          self.plan["password"])
        threads = [threading.Thread(target=work, args=(people[i::8],)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        missing = [p["email"] for p in people if "token" not in p]
        assert not missing, f"could not sign in: {missing[:3]}"

    def faults(self, windows, database_url):
        try:
            self.inject_faults(windows, database_url)
        except Exception as error:  # noqa: BLE001 - reported, and the run fails
            windows["error"] = repr(error)
            print(f"[{self.now():5.1f} s] fault injection failed: {error!r}", flush=True)

    def inject_faults(self, windows, database_url):
        """Restart PostgreSQL, later pause it; each fault's window lasts until the database
        answers again, plus 3 s."""
        def sleep_until(t):
            time.sleep(max(0.0, t - self.now()))

        def postgres(command):
            subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), command], check=True)

        sleep_until(self.args.restart_at)
        t0 = self.now()
        print(f"[{t0:5.1f} s] fault: PostgreSQL restart (pg_ctl restart -m fast)", flush=True)
        postgres("restart")
        wait_for_database(database_url)
        windows["restart"] = (t0, self.now() + 3)
        print(f"[{self.now():5.1f} s] PostgreSQL answers again", flush=True)
        sleep_until(self.args.pause_at)
        t0 = self.now()
        print(f"[{t0:5.1f} s] fault: PostgreSQL paused (SIGSTOP) for {self.args.pause_for:g} s",
              flush=True)
        postgres("pause")
        try:
            time.sleep(self.args.pause_for)
        finally:
            postgres("resume")
        wait_for_database(database_url)
        windows["pause"] = (t0, self.now() + 3)
        print(f"[{self.now():5.1f} s] PostgreSQL resumed (SIGCONT) and answers", flush=True)

    def run(self):
        args, plan = self.args, self.plan
        writers = max(1, args.connections // 4)
        signed = max(1, args.connections // 4)
        visitors = max(1, args.connections - writers - signed)
        people = plan["people"]
        assert len(people) >= writers, "fewer people than writers: prepare more"
        print(f"Signing in {len(people)} people...", flush=True)
        self.sign_in_all(people)
        print(f"Load: {args.connections} connections ({visitors} visitors reading, {signed} "
              f"signed in reading, {writers} writing) for {args.duration:g} s against "
              f"{args.base}", flush=True)
        threads = [threading.Thread(target=self.reader, args=(1000 + i, None))
                   for i in range(visitors)]
        threads += [threading.Thread(target=self.reader, args=(
            2000 + i, (people[i % len(people)]["cookie"],))) for i in range(signed)]
        threads += [threading.Thread(target=self.writer, args=(i, people[i::writers]))
                    for i in range(writers)]
        windows = {}
        fault_thread = threading.Thread(target=self.faults,
                                        args=(windows, args.database_url))
        self.start = time.monotonic()
        self.deadline = self.start + args.duration
        fault_thread.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        fault_thread.join()
        return windows


def wait_for_database(database_url, limit=60):
    import psycopg

    conninfo = database_url.replace("postgresql+psycopg://", "postgresql://")
    give_up = time.monotonic() + limit
    while True:
        try:
            with psycopg.connect(conninfo, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return
        except psycopg.Error:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.1)


# -- the report --------------------------------------------------------------------------------


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bucket(status):
    if status == 0:
        return "conn"
    if status == 503:
        return "503"
    if status >= 500:
        return "5xx"
    if status >= 400:
        return "4xx"
    return "ok"


def table(title, rows, label):
    print(f"\n{title}")
    print(f"{label:<15}{'secs':>6}{'requests':>10}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}{'2xx/3xx':>9}{'4xx':>6}{'503':>6}{'5xx':>6}{'conn':>6}")
    for name, seconds, records in rows:
        latencies = [(r[1] - r[0]) * 1000 for r in records]
        counts = Counter(bucket(r[3]) for r in records)
        rate = f"{len(records) / seconds:>8.0f}" if seconds else f"{'':>8}"
        secs = f"{seconds:>6.1f}" if seconds else f"{'':>6}"
        print(f"{name:<15}{secs}{len(records):>10}{rate}"
              f"{percentile(latencies, 50):>9.1f}{percentile(latencies, 99):>9.1f}"
              f"{max(latencies, default=0):>9.0f}{counts['ok']:>9}{counts['4xx']:>6}"
              f"{counts['503']:>6}{counts['5xx']:>6}{counts['conn']:>6}")


def phase_bounds(windows, duration):
    r0, r1 = windows.get("restart", (duration, duration))
    p0, p1 = windows.get("pause", (duration, duration))
    return [("before", 0, r0), ("restart", r0, r1), ("between", r1, max(r1, p0)),
            ("pause", max(r1, p0), p1), ("after", p1, max(p1, duration))]


# -- the checks --------------------------------------------------------------------------------


def wait_for_mail(engine, limit=60):
    import sqlalchemy as sa

    give_up = time.monotonic() + limit
    while True:
        with engine.connect() as conn:
            pending = conn.scalar(sa.text("SELECT count(*) FROM jobs WHERE status = 'pending'"))
        if not pending or time.monotonic() > give_up:
            return pending
        time.sleep(0.5)


def jobs_baseline(args):
    """The jobs that exist before the load (the demo town's: one e-mail its mail server refused
    waits for the council, failed, on purpose) and the outbox's files then; the mail checks
    are about the jobs the load makes."""
    import sqlalchemy as sa

    engine = sa.create_engine(args.database_url)
    wait_for_mail(engine, limit=30)  # the worker sends whatever the setup queued
    with engine.connect() as conn:
        last = conn.scalar(sa.text("SELECT coalesce(max(id), 0) FROM jobs"))
        before = dict(conn.execute(sa.text(
            "SELECT status, count(*) FROM jobs GROUP BY status")).all())
    engine.dispose()
    return {"last_id": last, "jobs": before, "files": len(list(Path(args.outbox).glob("*.eml")))}


def checks(args, plan, load, windows, baseline):
    import sqlalchemy as sa

    from participa.core.mail import read_outbox

    results = []
    engine = sa.create_engine(args.database_url)
    started = time.monotonic()
    pending = wait_for_mail(engine)
    print(f"\nMail queue: {'drained' if not pending else f'{pending} still pending'} "
          f"after {time.monotonic() - started:.1f} s")
    proposal_ids = plan["proposals"]
    meeting_ids = [m["id"] for m in plan["meetings"]]
    with engine.connect() as conn:
        supports = {tuple(row) for row in conn.execute(sa.text(
            "SELECT user_id, proposal_id FROM supports WHERE proposal_id = ANY(:ids)"),
            {"ids": proposal_ids})}
        bodies = conn.scalars(sa.text(
            "SELECT body FROM comments WHERE body LIKE :marker"),
            {"marker": f"[lt-{args.run_id}-%"}).all()
        registrations = {tuple(row) for row in conn.execute(sa.text(
            "SELECT user_id, meeting_id FROM registrations WHERE meeting_id = ANY(:ids) "
            "AND status <> 'cancelled'"), {"ids": meeting_ids})}
        mismatches = counter_mismatches(conn, sa)
        new = {"last": baseline["last_id"]}
        jobs = dict(conn.execute(sa.text(
            "SELECT status, count(*) FROM jobs WHERE id > :last GROUP BY status"), new).all())
        mail_jobs = conn.scalar(sa.text(
            "SELECT count(*) FROM jobs WHERE kind = 'mail' AND id > :last"), new)
        unfinished = conn.execute(sa.text(
            "SELECT id, kind, status, attempts, created_at, summary, last_error FROM jobs "
            "WHERE status <> 'done' AND id > :last ORDER BY id"), new).all()
        before = dict(conn.execute(sa.text(
            "SELECT status, count(*) FROM jobs WHERE id <= :last GROUP BY status"), new).all())
    markers = Counter(re.match(r"\[([^\]]+)\]", body).group(1) for body in bodies)

    def stored(kind, key):
        if kind == "support":
            return tuple(key) in supports
        if kind == "register":
            return (key[0], key[1]) in registrations
        return key in markers

    # 1. every acknowledged write is in the database
    print("\nWrites           sent  acknowledged  refused  no answer (stored / not)")
    lost, unknown_total = [], Counter()
    for kind in WRITES:
        mine = [w for w in load.writes if w[0] == kind]
        outcomes = Counter(w[2] for w in mine)
        unknown = [w for w in mine if w[2] == "unknown"]
        found = sum(stored(kind, w[1]) for w in unknown)
        unknown_total["in"] += found
        unknown_total["out"] += len(unknown) - found
        lost += [w for w in mine if w[2] == "acknowledged" and not stored(kind, w[1])]
        print(f"{kind:<14}{len(mine):>7}{outcomes['acknowledged']:>14}{outcomes['refused']:>9}"
              f"{len(unknown):>9} ({found} / {len(unknown) - found})")
    twice = [m for m, n in markers.items() if n > 1]
    results.append((
        "1. every acknowledged write is in the database "
        f"({sum(w[2] == 'acknowledged' for w in load.writes)} acknowledged; "
        f"of the writes answered 503 or not at all, {unknown_total['in']} stored and "
        f"{unknown_total['out']} not)",
        not lost and not twice,
        [f"missing: {w[0]} {w[1]} (answered {w[5]} at {w[3]:.1f} s)" for w in lost[:10]]
        + [f"comment stored {markers[m]} times: {m}" for m in twice[:10]]))

    # 2. every counter equals its rows
    results.append(("2. every counter equals its rows (supports, comments, registrations, "
                    "waiting list; all proposals, debates and meetings)",
                    not mismatches, mismatches[:10]))

    # 3. no mail lost
    files = len(list(Path(args.outbox).glob("*.eml"))) - baseline["files"]
    messages = read_outbox(args.outbox)
    sent = {(str(m["To"]), str(m["Subject"])) for m in messages}
    unmailed = [w for w in load.writes if w[0] == "register" and w[2] == "acknowledged"
                and not any(to == w[1][2] and f'"{w[1][3]}"' in subject for to, subject in sent)]
    registered = sum(w[0] == "register" and w[2] == "acknowledged" for w in load.writes)
    mail_ok = (set(jobs) <= {"done"} and files == mail_jobs and not unmailed
               and before == baseline["jobs"])
    results.append((
        f"3. no mail lost (the load's jobs by status {dict(sorted(jobs.items()))}; {mail_jobs} "
        f"mail jobs, {files} new .eml files; {registered - len(unmailed)} of {registered} "
        f"acknowledged registrations e-mailed; jobs from before the load, unchanged: "
        f"{dict(sorted(before.items()))})",
        mail_ok,
        [f"job {j.id} ({j.kind}) {j.status} after {j.attempts} attempts, created "
         f"{j.created_at:%H:%M:%S}: {j.summary!r}; last error: {j.last_error}"
         for j in unfinished[:10]]
        + [f"no e-mail to {w[1][2]} about {w[1][3]!r}" for w in unmailed[:10]]
        + ([f"jobs from before the load were {baseline['jobs']}, now {before}"]
           if before != baseline["jobs"] else [])))

    # 4. no 5xx but 503s, and those only while a fault was in progress
    faults = [windows[name] for name in ("restart", "pause") if name in windows]

    def in_fault(start, end):
        return any(start < w1 and end > w0 for w0, w1 in faults)

    other = [r for r in load.records if r[3] >= 500 and r[3] != 503]
    stray = [r for r in load.records if r[3] == 503 and not in_fault(r[0], r[1])]
    total_503 = sum(r[3] == 503 for r in load.records)
    results.append((
        f"4. no 5xx other than 503, and 503s only during the faults ({total_503} 503s, "
        f"{len(stray)} outside; {len(other)} other 5xx)",
        not other and not stray,
        [f"{r[3]} {r[2]} GET {r[4]} at {r[0]:.1f}-{r[1]:.1f} s" if r[2].endswith("read")
         else f"{r[3]} {r[2]} POST {r[4]} at {r[0]:.1f}-{r[1]:.1f} s"
         for r in (other + stray)[:10]]))

    # the load's own soundness: every request answered, no allowed write refused
    conn_errors = [r for r in load.records if r[3] == 0]
    results.append((f"5. no connection errors or timeouts ({len(conn_errors)})",
                    not conn_errors,
                    [f"{r[2]} {r[4]} at {r[0]:.1f} s, after {r[1] - r[0]:.1f} s" for r in
                     conn_errors[:10]]))
    refused = [w for w in load.writes if w[2] == "refused"]
    fours = [r for r in load.records if 400 <= r[3] < 500]
    results.append((f"6. no request refused: no 4xx ({len(fours)}), no write refused "
                    f"({len(refused)}; each was built to be allowed)",
                    not refused and not fours,
                    [f"{w[0]} {w[1]} answered {w[5]} at {w[3]:.1f} s" for w in refused[:10]]))

    print()
    for label, ok, details in results:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
        for line in details:
            print(f"        {line}")
    return all(ok for _label, ok, _details in results)


def counter_mismatches(conn, sa):
    out = []
    for row in conn.execute(sa.text(
            "SELECT p.id, p.supports_count, (SELECT count(*) FROM supports s "
            "WHERE s.proposal_id = p.id) FROM proposals p")):
        if row[1] != row[2]:
            out.append(f"proposal {row[0]}: supports_count {row[1]}, {row[2]} supports")
    for table_name, kind in (("proposals", "proposals"), ("debates", "debates"),
                             ("meetings", "meetings")):
        for row in conn.execute(sa.text(
                f"SELECT t.id, t.comments_count, (SELECT count(*) FROM comments c "  # noqa: S608
                f"WHERE c.target_kind = :kind AND c.target_id = t.id AND c.deleted_at IS NULL "
                f"AND c.hidden_at IS NULL) FROM {table_name} t"), {"kind": kind}):
            if row[1] != row[2]:
                out.append(f"{kind} {row[0]}: comments_count {row[1]}, {row[2]} visible comments")
    for row in conn.execute(sa.text(
            "SELECT m.id, m.registrations_count, m.waiting_count, "
            "(SELECT count(*) FROM registrations r WHERE r.meeting_id = m.id "
            "AND r.status = 'confirmed'), "
            "(SELECT count(*) FROM registrations r WHERE r.meeting_id = m.id "
            "AND r.status = 'waiting') FROM meetings m")):
        if (row[1], row[2]) != (row[3], row[4]):
            out.append(f"meeting {row[0]}: counters ({row[1]}, {row[2]}), rows ({row[3]}, "
                       f"{row[4]}) (confirmed, waiting)")
    return out


def run(args):
    plan = json.loads(Path(args.plan).read_text())
    args.restart_at = args.restart_at if args.restart_at is not None else args.duration / 3
    args.pause_at = args.pause_at if args.pause_at is not None else args.duration * 38 / 60
    args.pause_for = args.pause_for if args.pause_for is not None else min(
        10.0, args.duration / 6)
    args.run_id = int(time.time())
    baseline = jobs_baseline(args)
    load = Load(args, plan)
    windows = load.run()
    bounds = phase_bounds(windows, args.duration)

    print("\nBy phase (a request belongs to the phase it started in; restart and pause last "
          "until the database answers again, plus 3 s)")
    rows = [(name, end - start, [r for r in load.records if start <= r[0] < end])
            for name, start, end in bounds]
    rows.append(("all", args.duration, load.records))
    table(f"{args.connections} connections, {args.duration:g} s", rows, "phase")
    table("By kind of request", [(kind, args.duration, [r for r in load.records
                                                        if r[2] == kind]) for kind in KINDS],
          "kind")
    ok = checks(args, plan, load, windows, baseline)
    if "error" in windows:
        print(f"FAIL  the faults were not all injected: {windows['error']}")
        ok = False
    print(f"\n{'PASS' if ok else 'FAIL'}: make loadtest")
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prepare")
    p.add_argument("--plan", required=True)
    p.add_argument("--people", type=int, default=64)
    p.add_argument("--proposals", type=int, default=24)
    p.add_argument("--meetings", type=int, default=12)
    r = commands.add_parser("run")
    r.add_argument("base")
    r.add_argument("--plan", required=True)
    r.add_argument("--database-url", required=True)
    r.add_argument("--outbox", required=True)
    r.add_argument("--duration", type=float, default=60)
    r.add_argument("--connections", type=int, default=64)
    r.add_argument("--timeout", type=float, default=30, help="client timeout, seconds")
    r.add_argument("--restart-at", type=float, help="seconds (default: a third of the run)")
    r.add_argument("--pause-at", type=float, help="seconds (default: 38/60 of the run)")
    r.add_argument("--pause-for", type=float, help="seconds (default: 10, less in short runs)")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
