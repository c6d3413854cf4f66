"""Rate limits shared by several app servers through a real Redis (the production set-up):
sign-in attempts made against two separate processes add up to one allowance."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from tests.support.workers import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    assert server, "redis-server is missing: `make test` installs it (scripts/system-deps.sh)"
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(50):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    process.terminate()
    process.wait(timeout=10)


def _server(database_url, redis_url, attempts, setup=False):
    """Run one app server process; return the status codes it got."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.core.redis_worker", database_url, redis_url,
         str(attempts), *(["--setup"] if setup else [])],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [int(line) for line in result.stdout.split()]


def test_two_app_servers_share_the_sign_in_allowance(tmp_path, redis_url):
    database_url = "sqlite:///" + str(tmp_path / "servers.sqlite3")  # RATELIMIT_LOGIN: 10/min

    first = _server(database_url, redis_url, 6, setup=True)
    second = _server(database_url, redis_url, 5)

    assert first == [400] * 6  # wrong password, answered
    assert second == [400] * 4 + [429]  # the 11th attempt overall, on another server
    keys = redis.Redis.from_url(redis_url).keys("LIMITS*")
    assert keys, "the limits live in Redis"
