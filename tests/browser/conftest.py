"""Browser fixtures: Debian's Chromium driven by Playwright against a real gunicorn server.

The server runs in a subprocess on a migrated database holding the demo town (SQLite in a
temporary folder, or the PostgreSQL database named by PARTICIPA_BROWSER_DATABASE_URL, emptied
first). Mail goes to an outbox folder the tests read."""

import gettext
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the virtualenv's bin folder
DEMO_PASSWORD = "plans-comunitaris-2026"
COUNCIL_EMAIL = "consell@riuclar.example"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Debian's Chromium (``playwright install`` cannot download anything here)."""
    return {"executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _clean_state():
    """The browser tests share one server and its database; nothing to empty between them
    (this replaces tests/conftest.py's per-test clean-up, which needs an in-process app)."""
    yield


@dataclass(frozen=True)
class LiveServer:
    url: str
    outbox: Path

    def outbox_files(self) -> list[Path]:
        return sorted(self.outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)


def _free_port() -> int:
    """A free port below the ephemeral range (32768–60999 here), so no client socket in
    TIME_WAIT can collide with it."""
    for _ in range(200):
        port = random.randint(20000, 32000)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found below 32768")


def _empty_postgresql(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app under gunicorn (2 workers) on 127.0.0.1, with the demo town loaded."""
    folder = tmp_path_factory.mktemp("live")
    outbox = folder / "outbox"
    outbox.mkdir()
    database_url = os.environ.get("PARTICIPA_BROWSER_DATABASE_URL")
    if database_url:
        _empty_postgresql(database_url)
    else:
        database_url = "sqlite:///" + str(folder / "browser.sqlite3")

    env = {
        **os.environ,
        "PARTICIPA_ENV": "development",
        "PARTICIPA_DATABASE_URL": database_url,
        "PARTICIPA_MAIL_OUTBOX_DIR": str(outbox),
        "PARTICIPA_SECRET_KEY": "browser-tests-secret-key",
        # from_prefixed_env parses values as JSON: "false" becomes False
        "PARTICIPA_RATELIMIT_ENABLED": "false",
    }
    for command in (["db", "upgrade"], ["seed-demo"]):
        done = subprocess.run(
            [str(BIN / "participa"), *command], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"participa {' '.join(command)} failed:\n{done.stdout}{done.stderr}")

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = folder / "gunicorn.log"
    with open(log, "wb") as log_file:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "participa:create_app()"],
            env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(url, server, log)
        yield LiveServer(url=url, outbox=outbox)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright gives every context this base URL, so ``page.goto("/plans/")`` works."""
    return live_server.url


TIMEOUT_MS = 10_000  # a broken page fails in seconds, not Playwright's default 30


@pytest.fixture
def context(new_context):
    context = new_context()
    context.set_default_timeout(TIMEOUT_MS)
    return context


def sign_in(page, email, password=DEMO_PASSWORD):
    """Sign in through the form, as a person would."""
    page.goto("/accounts/login")
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name=text("Sign in")).click()
    page.wait_for_url(lambda url: "/accounts/login" not in url)


@pytest.fixture(scope="session")
def council_state(browser, browser_context_args, tmp_path_factory):
    """The cookies of a signed-in council session, saved once and reused by many pages."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    sign_in(page, COUNCIL_EMAIL)
    path = tmp_path_factory.mktemp("state") / "council.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


def assert_accessible(page):
    """Run axe-core on the page and fail on every serious or critical violation."""
    violations = Axe().run(page).response["violations"]
    bad = [v for v in violations if v.get("impact") in ("serious", "critical")]
    if bad:
        lines = [
            f"- {v['id']} ({v['impact']}): {v['help']} — first at "
            f"{v['nodes'][0]['target'] if v['nodes'] else '?'}"
            f" [{len(v['nodes'])} node(s)]"
            for v in bad
        ]
        pytest.fail(f"axe found on {page.url}:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Browse as a person in Catalonia: Accept-Language ca-ES, so pages are served in Catalan."""
    return {**browser_context_args, "locale": "ca-ES", "timezone_id": "Europe/Madrid"}


_CATALOGS = {}


def text(msgid, locale="ca", **values):
    """What the server shows for ``msgid`` in ``locale``: the compiled catalog's translation,
    or the English text while it is untranslated. Keeps the tests true as catalogs fill in."""
    if locale not in _CATALOGS:
        _CATALOGS[locale] = gettext.translation(
            "messages", ROOT / "participa" / "translations", languages=[locale], fallback=True
        )
    translated = _CATALOGS[locale].gettext(msgid)
    return translated % values if values else translated
