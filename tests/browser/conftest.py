"""Browser fixtures: Debian's Chromium driven by Playwright against a real gunicorn server.

The server runs in a subprocess on a migrated database holding the demo town (SQLite in a
temporary folder, or a PostgreSQL database named after PARTICIPA_BROWSER_DATABASE_URL's and the
xdist worker, created if missing and emptied first). Mail goes to an outbox folder the tests
read. Each xdist worker that runs browser tests has its own server, port, database and outbox."""

import os
import subprocess

import pytest

from tests.support.browser import (
    BIN,
    CHROMIUM_ARGS,
    COUNCIL_EMAIL,
    ROOT,
    TIMEOUT_MS,
    LiveServer,
    sign_in,
    wait_until_up,
)
from tests.support.databases import fresh_database_url
from tests.support.workers import free_port


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Debian's Chromium (``playwright install`` cannot download anything here)."""
    return {"executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _clean_state():
    """The browser tests share one server and its database; nothing to empty between them
    (this replaces tests/conftest.py's per-test clean-up, which needs an in-process app)."""
    yield


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app under gunicorn (2 workers) on 127.0.0.1, with the demo town loaded, and the job
    queue's worker."""
    folder = tmp_path_factory.mktemp("live")
    outbox = folder / "outbox"
    outbox.mkdir()
    database_url = fresh_database_url("PARTICIPA_BROWSER_DATABASE_URL", folder, "browser.sqlite3")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PARTICIPA_ENV": "development",
        "PARTICIPA_PUBLIC_URL": url,  # the links it e-mails lead back to it
        "PARTICIPA_DATABASE_URL": database_url,
        "PARTICIPA_MAIL_OUTBOX_DIR": str(outbox),
        "PARTICIPA_FILE_DIR": str(folder / "files"),  # uploads and the demo's photos
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

    log = folder / "gunicorn.log"
    with open(log, "wb") as log_file:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "participa:create_app()"],
            env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
        )
        worker = subprocess.Popen(  # sends the mail the server queues, as in production
            [str(BIN / "participa"), "worker"], env={**env, "PARTICIPA_JOBS_POLL_SECONDS": "0.2"},
            cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(url, server, log)
        yield LiveServer(url=url, outbox=outbox)
    finally:
        for process in (worker, server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright gives every context this base URL, so ``page.goto("/plans/")`` works."""
    return live_server.url


@pytest.fixture
def context(new_context):
    context = new_context()
    context.set_default_timeout(TIMEOUT_MS)
    return context


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


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Browse as a person in Catalonia: Accept-Language ca-ES, so pages are served in Catalan."""
    return {**browser_context_args, "locale": "ca-ES", "timezone_id": "Europe/Madrid"}
