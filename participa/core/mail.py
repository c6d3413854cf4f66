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
from email.utils import formataddr, formatdate, make_msgid, parseaddr
from pathlib import Path

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participa.core.jobs import enqueue, register_job
from participa.core.text import one_line

MAIL_JOB = "mail"
SECRET_MAIL_JOB = "secret_mail"  # a ballot receipt: erased even if it never gets through

# who the messages are from, as a name (the town's, which ``participa.town`` registers): read
# when a message is queued, so the worker needs nothing else
_sender_name = None


def register_sender_name(provider) -> None:
    """``provider()`` gives the display name of the sender of every message."""
    global _sender_name
    _sender_name = provider


def mail_person(user, subject, template: str, *, attachments=(), queue=True, secret=False,
                **context) -> dict:
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
              secret=False) -> dict:
    """Queue a plain-text message, sent by the worker once the current transaction commits.
    What is queued is what the message says (``compose`` writes it as MIME in the worker: the
    request pays for none of it); a recipient with a line break is refused here."""
    if one_line(to) != to:
        raise ValueError("an e-mail address cannot hold a line break or a control character")
    message = {"to": to, "subject": one_line(subject),  # a title cannot break a header
               "text": str(text),
               "sender_name": one_line(_sender_name()) if _sender_name else "",
               "attachments": [[filename, mimetype, base64.b64encode(data).decode()]
                               for filename, mimetype, data in attachments]}
    if queue:
        enqueue(SECRET_MAIL_JOB if secret else MAIL_JOB, message,
                summary=f"{to}: {message['subject']}")
    return message


def compose(config, message: dict) -> bytes:
    """A queued message as the bytes of an e-mail, with CRLF line ends as the wire wants them."""
    mail = EmailMessage()
    name = message.get("sender_name")  # a message queued by an earlier version has none
    mail["From"] = (formataddr((name, parseaddr(config["MAIL_DEFAULT_SENDER"])[1])) if name
                    else config["MAIL_DEFAULT_SENDER"])
    mail["To"] = message["to"]
    mail["Subject"] = message["subject"]
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain="participa.localhost")
    mail.set_content(message["text"])
    for filename, mimetype, data in message["attachments"]:
        maintype, _, subtype = mimetype.partition("/")
        params = {"charset": "utf-8"} if maintype == "text" else {}
        mail.add_attachment(base64.b64decode(data), maintype=maintype, subtype=subtype,
                            filename=filename, params=params)
    return mail.as_bytes(policy=SMTP)


def deliver_mail_job(config, payload: dict) -> None:
    """The worker's handler: write one queued message and hand it to the mail server, or to the
    outbox. (A job queued by an earlier version holds the message already written.)"""
    raw = (base64.b64decode(payload["message"]) if "message" in payload
           else compose(config, payload))
    deliver(config, payload["to"], raw)


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
