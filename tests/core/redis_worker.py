"""One app server of the Redis rate-limit test (tests/core/test_redis_ratelimit.py), run as its
own process: ``python -m tests.core.redis_worker DB_URL REDIS_URL ATTEMPTS [--setup]``.
Prints the status codes of ATTEMPTS wrong sign-ins, one per line."""

import re
import sys

from flask_migrate import upgrade

from participa import create_app
from participa.extensions import db
from tests.support import factories

EMAIL = "redis-limits@example.org"


def main(database_url, redis_url, attempts, setup=False):
    app = create_app({
        "ENV": "testing", "DATABASE_URL": database_url, "RATELIMIT_STORAGE_URI": redis_url,
        "WTF_CSRF_ENABLED": True,
    })
    if setup:
        with app.app_context():
            upgrade()
            factories.make_user(email=EMAIL)
            db.session.commit()
    client = app.test_client()
    page = client.get("/accounts/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    for _ in range(attempts):
        response = client.post("/accounts/login", data={
            "email": EMAIL, "password": "not the right password", "csrf_token": token})
        print(response.status_code)
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), setup="--setup" in sys.argv)
