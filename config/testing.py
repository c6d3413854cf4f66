"""Tests: the test database comes from PARTICIPA_TEST_DATABASE_URL (see tests/conftest.py)."""

TESTING = True
SECRET_KEY = "testing-secret-key"
PUBLIC_URL = "http://participa.test"
WTF_CSRF_ENABLED = True
RATELIMIT_STORAGE_URI = "memory://"
PAGE_CACHE_SECONDS = 0  # tests that need it turn it on
