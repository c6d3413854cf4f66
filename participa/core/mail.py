"""The one door every e-mail goes through.

``mail_person`` writes a message in its recipient's language and queues it in the database
session; the queue is delivered when that session's transaction commits and dropped when it
rolls back (as Indico's request handler does), so nothing is mailed about a change that did not
happen, and nothing is sent inside a request before its commit. Development and tests deliver
each message as an .eml file to an outbox folder a person can open; production speaks SMTP."""

import smtplib
import uuid
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import event
from sqlalchemy.orm import Session

from participa.core.text import one_line
from participa.extensions import db

QUEUE_KEY = "participa_mail_queue"


def mail_person(user, subject, template: str, *, attachments=(), queue=True,
                **context) -> EmailMessage:
    """Queue an e-mail to ``user`` written in their language: ``subject`` (lazy, translated
    here) and the text template rendered with ``user`` and ``context``. ``attachments`` are
    (filename, mimetype, bytes) triples. ``queue=False`` writes it and sends nothing (the same
    work for an answer that must take as long)."""
    with force_locale(user.locale):
        return send_mail(user.email, str(subject),
                         render_template(template, user=user, **context),
                         attachments=attachments, queue=queue)


def send_mail(to: str, subject: str, text: str, *, attachments=(), queue=True) -> EmailMessage:
    """Queue a plain-text message, delivered once the current transaction commits."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = one_line(subject)  # a title with a line break cannot break a header
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="participa.localhost")
    message.set_content(str(text))
    for filename, mimetype, data in attachments:
        maintype, _, subtype = mimetype.partition("/")
        params = {"charset": "utf-8"} if maintype == "text" else {}
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename,
                               params=params)
    if queue:
        session = db.session()
        session.connection()  # the queue belongs to a transaction: its rollback drops it
        session.info.setdefault(QUEUE_KEY, []).append((current_app._get_current_object(),
                                                       message))
    return message


@event.listens_for(Session, "after_commit")
def _deliver_queue(session):
    for app, message in session.info.pop(QUEUE_KEY, []):
        _deliver(app.config, message)


@event.listens_for(Session, "after_soft_rollback")
def _drop_queue(session, previous_transaction):
    if not previous_transaction.nested:  # a savepoint's rollback keeps what came before it
        session.info.pop(QUEUE_KEY, None)


def _deliver(config, message: EmailMessage) -> None:
    if config["MAIL_BACKEND"] == "smtp":
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    else:
        outbox = Path(config["MAIL_OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        name = f"{uuid.uuid1().hex}.eml"  # uuid1 sorts by time
        (outbox / name).write_bytes(message.as_bytes())


def read_outbox(directory) -> list[EmailMessage]:
    """Every message in an outbox folder, oldest first."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    # by time written; uuid1 names (time-based) order messages written in the same clock tick
    files = sorted(folder.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    parser = BytesParser(policy=default_policy)
    return [parser.parsebytes(path.read_bytes()) for path in files]
