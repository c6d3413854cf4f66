"""What the accounts client tests share: the texts people are shown, a filled-in registration
form, and checks on the session and the stored accounts."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from tests.support import factories
from tests.support.web import text

NEW_PASSWORD = "another calm sea at dawn 7"
GENERIC_LOGIN_ERROR = "The e-mail or the password is not correct."
RESET_SENT = (
    "If an account uses this address, we have sent it a link to choose a new password. "
    "The link works once, for one hour."
)


def flashes(client) -> str:
    """The page after a redirect, where flashed messages are shown."""
    return text(client.get("/neighbourhoods/"))


def user_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(User))


def signed_in(client) -> bool:
    response = client.get("/accounts/me")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def reload(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def registration(**overrides):
    data = {
        "name": "Marta Soler",
        "email": "marta@example.org",
        "password": factories.PASSWORD,
        "confirm": factories.PASSWORD,
        "locale": "en",
        "neighbourhood_id": "",
    }
    data.update(overrides)
    return data
