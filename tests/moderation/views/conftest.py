"""What the moderation client tests share: the people, a reported comment, and helpers."""

import pytest

from participa.extensions import db
from tests import factories
from tests.conftest import login, post
from tests.moderation.helpers import make_comment, moderation_process, target_of
from tests.proposals.helpers import make_proposal

COMMENT_TEXT = "Aquest veí és un ximple integral."
BLOCKED_MESSAGE = "This account has been blocked by the council, so it cannot sign in."


@pytest.fixture
def process():
    return moderation_process(title="Pressupostos del Raval")


@pytest.fixture
def author():
    return factories.make_user(name="Aina Autora", email="aina@example.org", locale="en")


@pytest.fixture
def other():
    return factories.make_user(name="Biel Veí", email="biel@example.org", locale="en")


@pytest.fixture
def facilitator(process):
    return factories.make_user("facilitator", process=process, name="Fina Facilitadora",
                               email="fina@example.org", locale="en")


@pytest.fixture
def council():
    return factories.make_user("council", name="Carme Consell", email="carme@example.org",
                               locale="en")


@pytest.fixture
def comment(process, author):
    proposal = make_proposal(process, factories.make_user(), title="Bancs a la plaça")
    return make_comment(proposal, author, COMMENT_TEXT)


def report_url_of(kind, item) -> str:
    if kind == "comment":
        return f"/comments/{item.id}/report"
    if kind == "user":
        return f"/accounts/people/{item.id}/report"
    return f"/processes/{item.process.slug}/{kind}s/{item.id}/report"


def page_of(comment) -> str:
    target = target_of(comment)
    kind = type(target).__name__.lower()
    return f"/processes/{target.process.slug}/{kind}s/{target.id}"


def send_report(client, url, reason="offensive", details=""):
    return post(client, url, {"reason": reason, "details": details}, token_from=url)


def signed_in(client, user):
    browser = client.another()
    login(browser, user)
    return browser


def refreshed(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def bodies(messages) -> list[str]:
    return [m.get_content() for m in messages]
