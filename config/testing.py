"""Tests: the test database comes from PARTICIPA_TEST_DATABASE_URL (see tests/conftest.py)."""

TESTING = True
SECRET_KEY = "testing-secret-key"
PUBLIC_URL = "http://participa.test"
WTF_CSRF_ENABLED = True
RATELIMIT_STORAGE_URI = "memory://"
PAGE_CACHE_SECONDS = 0  # tests that need it turn it on
# argon2id at its lowest cost: the same algorithm and code paths, without 0.3 s of CPU and
# 64 MiB per sign-in (tests/accounts/test_passwords.py checks the default cost too)
PASSWORD_HASHING = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
BALLOT_KEY = "testing-ballot-key"
DASHBOARD_CACHE_SECONDS = 0  # dashboards always fresh (tests that need the cache turn it on)
