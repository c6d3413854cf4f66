"""The one door every e-mail goes through.

``mail_person`` writes a message in its recipient's language and puts it on the job queue
(``core.jobs``) in the current transaction: it leaves only if the change it speaks of commits,
and it is sent by ``participa worker``, never inside a request, retried while the mail server is
down, and kept for the council if it never gets through. Development and tests deliver each
message as an .eml file to an outbox folder a person can open; production speaks SMTP."""

import base64
import smtplib
import uuid
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import SMTP
from email.policy import default as default_policy
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participa.core.jobs import enqueue, register_job
from participa.core.text import one_line

MAIL_JOB = "mail"
SECRET_MAIL_JOB = "secret_mail"  # a ballot receipt: erased even if it never gets through


def mail_person(user, subject, template: str, *, attachments=(), queue=True, secret=False,
                **context) -> EmailMessage:
    """Queue an e-mail to ``user`` written in their language: ``subject`` (lazy, translated
    here) and the text template rendered with ``user`` and ``context``. ``attachments`` are
    (filename, mimetype, bytes) triples. ``queue=False`` writes it and sends nothing (the same
    work for an answer that must take as long). A ``secret`` message (a ballot receipt) leaves
    nothing in the database once it has been sent or has failed for good."""
    with force_locale(user.locale):
        return send_mail(user.email, str(subject),
                         render_template(template, user=user, **context),
                         attachments=attachments, queue=queue, secret=secret)


def send_mail(to: str, subject: str, text: str, *, attachments=(), queue=True,
              secret=False) -> EmailMessage:
    """Queue a plain-text message, sent by the worker once the current transaction commits."""
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
        raw = message.as_bytes(policy=SMTP)  # CRLF line ends, as the wire wants them
        enqueue(SECRET_MAIL_JOB if secret else MAIL_JOB,
                {"to": to, "message": base64.b64encode(raw).decode()},
                summary=f"{to}: {message['Subject']}")
    return message


def deliver_mail_job(config, payload: dict) -> None:
    """The worker's handler: hand one queued message to the mail server, or to the outbox."""
    deliver(config, payload["to"], base64.b64decode(payload["message"]))


def deliver(config, to: str, raw: bytes) -> None:
    if config["MAIL_BACKEND"] == "smtp":
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"],
                          timeout=config["MAIL_TIMEOUT"]) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.sendmail(parseaddr(config["MAIL_DEFAULT_SENDER"])[1], [to], raw)
    else:
        outbox = Path(config["MAIL_OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        name = f"{uuid.uuid1().hex}.eml"  # uuid1 sorts by time
        (outbox / name).write_bytes(raw.replace(b"\r\n", b"\n"))  # a file's own line ends


register_job(MAIL_JOB, deliver_mail_job, _l("E-mail"))
register_job(SECRET_MAIL_JOB, deliver_mail_job, _l("E-mail with a ballot receipt"), secret=True)


def read_outbox(directory) -> list[EmailMessage]:
    """Every message in an outbox folder, oldest first."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    # by time written; uuid1 names (time-based) order messages written in the same clock tick
    files = sorted(folder.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    parser = BytesParser(policy=default_policy)
    return [parser.parsebytes(path.read_bytes()) for path in files]
