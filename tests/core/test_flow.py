"""The one write flow (``participa.core.flow``) and the one mail door (``participa.core.mail``):
a refused operation changes nothing and mails nothing, mail leaves only after the commit, and a
domain error that escapes a view is a translated 409 page with nothing changed."""

import html

import pytest
import sqlalchemy as sa
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from participa import create_app
from participa.accounts.models import User
from participa.core.errors import DomainError, TooMany
from participa.core.flow import Refused, commit
from participa.core.mail import mail_person, send_mail
from participa.core.models import ActionLog, log_action
from participa.extensions import csrf, db
from tests.support import factories
from tests.support.web import text


def log_rows() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(ActionLog))


def test_the_flow_returns_the_operations_whole_result(app):
    with app.test_request_context("/"):
        assert commit(lambda: ("saved", ["promoted", "people"])) == ("saved",
                                                                    ["promoted", "people"])


def test_a_refused_operation_changes_nothing_and_mails_nothing(app, outbox):
    user = factories.make_user()
    db.session.commit()

    def operation():
        log_action("update_profile", user, actor=user)
        send_mail(user.email, "Hola", "Un missatge que no ha de sortir.")
        raise DomainError(_l("Supports are closed in the current phase of this process."))

    with app.test_request_context("/"):
        outcome = commit(operation)
    assert isinstance(outcome, Refused) and not outcome
    assert outcome.error.message._args[0] == (
        "Supports are closed in the current phase of this process.")
    assert log_rows() == 0
    db.session.commit()  # a later commit does not send what was dropped
    assert outbox() == []


def test_mail_leaves_after_the_commit_in_the_recipients_language(app, outbox):
    user = factories.make_user(locale="es")
    db.session.commit()
    with app.test_request_context("/"):
        mail_person(user, _l("Confirm your Participa account"), "accounts/email/confirm.txt",
                    link="https://participa.test/accounts/confirm/x")
        assert outbox() == []  # queued, not sent
        commit(lambda: None)
    [message] = outbox()
    assert message["To"] == user.email
    assert message["Subject"] == "Confirma tu cuenta de Participa"


def test_a_rollback_drops_the_queue_but_a_savepoints_does_not(app, outbox):
    send_mail("primer@example.org", "Primer", "Descartat.")
    db.session.rollback()
    send_mail("segon@example.org", "Segon", "Enviat.")
    try:
        with db.session.begin_nested():
            raise ValueError("a savepoint rolled back")
    except ValueError:
        pass
    db.session.commit()
    assert [m["To"] for m in outbox()] == ["segon@example.org"]


@pytest.fixture
def racing(app):
    """The test database's app, plus one view that writes, queues a mail and then finds a rule
    broken without going through the flow (as a race lost between load and submit would)."""
    racing = create_app({"ENV": "testing", "DATABASE_URL": app.config["DATABASE_URL"],
                         "MAIL_OUTBOX_DIR": app.config["MAIL_OUTBOX_DIR"]})
    bp = Blueprint("race", __name__)

    @bp.post("/race/<int:id>/<what>")
    @csrf.exempt
    def race(id, what):
        user = db.session.get(User, id)
        log_action("update_profile", user, actor=user)
        send_mail(user.email, "Hola", "No ha de sortir.")
        db.session.flush()
        if what == "limit":
            raise TooMany(_l("You have used all your supports in this process."))
        raise DomainError(_l("Supports are closed in the current phase of this process."))

    racing.register_blueprint(bp)
    yield racing
    with racing.app_context():
        db.engine.dispose()


def test_a_domain_error_escaping_a_view_is_a_translated_409_and_changes_nothing(racing,
                                                                                  outbox):
    user = factories.make_user()
    db.session.commit()
    client = racing.test_client()
    response = client.post(f"/race/{user.id}/phase", headers={"Accept-Language": "ca"})
    assert response.status_code == 409
    page = text(response)
    assert "No s'ha pogut fer" in html.unescape(page)
    assert "En la fase actual d'aquest procés no es poden donar suports." in html.unescape(page)
    db.session.commit()
    assert log_rows() == 0
    assert outbox() == []


def test_a_limit_escaping_a_view_is_a_429(racing, outbox):
    user = factories.make_user()
    db.session.commit()
    client = racing.test_client()
    response = client.post(f"/race/{user.id}/limit", headers={"Accept-Language": "en"})
    assert response.status_code == 429
    assert "You have used all your supports in this process." in text(response)
    db.session.commit()
    assert log_rows() == 0
    assert outbox() == []
