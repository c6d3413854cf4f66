"""Sending mail: the outbox folder (development, tests) and SMTP (production). A message is a
job of the transaction, sent by the worker once it commits (tests/core/test_jobs.py: the queue
itself, and mail that waits for a mail server that is down)."""

import pytest

from participa.core.mail import read_outbox, send_mail
from participa.extensions import db
from tests.support.mailserver import smtp_server, use_smtp
from tests.support.workers import free_port


def test_a_message_lands_in_the_outbox(app, outbox):
    send_mail("marta@example.org", "Benvinguda", "Hola Marta,\n\nGràcies per participar.")
    assert outbox() == []  # queued until the transaction commits
    db.session.commit()
    [message] = outbox()
    assert message["To"] == "marta@example.org"
    assert message["From"] == app.config["MAIL_DEFAULT_SENDER"]
    assert message["Subject"] == "Benvinguda"
    assert message["Message-ID"] and message["Date"]
    assert message.get_content() == "Hola Marta,\n\nGràcies per participar.\n"


def test_the_outbox_keeps_the_order(outbox):
    for n in range(5):
        send_mail(f"p{n}@example.org", f"Missatge {n}", "text")
    db.session.commit()
    assert [m["Subject"] for m in outbox()] == [f"Missatge {n}" for n in range(5)]


def test_lazy_subjects_and_bodies_are_sent_as_text(outbox):
    from flask_babel import force_locale
    from flask_babel import lazy_gettext as _l

    with force_locale("es"):
        send_mail("a@example.org", _l("Page not found"), _l("Page not found"))
    db.session.commit()
    [message] = outbox()
    assert message["Subject"] == "Página no encontrada"


def test_attachments(outbox):
    send_mail("a@example.org", "Calendari", "Adjunt", attachments=[
        ("reunio.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
    ])
    db.session.commit()
    [message] = outbox()
    [part] = list(message.iter_attachments())
    assert part.get_filename() == "reunio.ics"
    assert part.get_content_type() == "text/calendar"
    assert part.get_content().startswith("BEGIN:VCALENDAR")


def test_a_missing_outbox_folder_is_created_and_an_absent_one_reads_empty(app, tmp_path,
                                                                          monkeypatch, outbox):
    folder = tmp_path / "new" / "outbox"
    assert read_outbox(folder) == []
    monkeypatch.setitem(app.config, "MAIL_OUTBOX_DIR", str(folder))
    send_mail("a@example.org", "Hola", "text")
    db.session.commit()
    assert len(outbox()) == 1  # the worker made the folder and wrote to it
    assert len(read_outbox(folder)) == 1


@pytest.mark.parametrize("breaker", ["\r\n", "\n", "\r", "\x85", "\u2028", "\u2029", "\x00"])
def test_a_subject_is_always_one_line(outbox, breaker):
    """A title people wrote ends up in subjects: whatever breaks a line becomes a space, so no
    header can be injected and no e-mail fails to be written."""
    send_mail("a@example.org", f"Hola{breaker}Bcc: victim@example.org", "text")
    db.session.commit()
    [message] = outbox()
    assert message["Subject"] == "Hola Bcc: victim@example.org"
    assert message["Bcc"] is None


def test_a_recipient_with_a_line_break_is_refused(outbox):
    with pytest.raises(ValueError):
        send_mail("a@example.org\r\nBcc: victim@example.org", "Hola", "text")
    db.session.commit()
    assert outbox() == []


def test_smtp_backend(app, monkeypatch, outbox):
    port = free_port()
    use_smtp(app, monkeypatch, port)
    send_mail("jordi@example.org", "Reunió", "Ens veiem dijous.")
    db.session.commit()
    with smtp_server(port) as received:
        assert outbox() == []  # the worker ran: nothing written to the folder
    [envelope] = received.envelopes
    assert envelope.rcpt_tos == ["jordi@example.org"]
    assert envelope.mail_from == "no-reply@participa.localhost"
    raw = envelope.content.decode()
    assert "Subject: =?utf-8?q?Reuni=C3=B3?=" in raw or "Subject: Reunió" in raw
    assert "To: jordi@example.org" in raw
