"""Sending mail: the outbox folder (development, tests) and SMTP (production). A message is
queued in the transaction and delivered when it commits."""

import socketserver
import threading

import pytest

from participa.core.mail import read_outbox, send_mail
from participa.extensions import db
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
                                                                          monkeypatch):
    folder = tmp_path / "new" / "outbox"
    assert read_outbox(folder) == []
    monkeypatch.setitem(app.config, "MAIL_OUTBOX_DIR", str(folder))
    send_mail("a@example.org", "Hola", "text")
    db.session.commit()
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


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive one message."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        server = self.server
        self.reply("220 test SMTP")
        while True:
            line = self.rfile.readline().decode().rstrip("\r\n")
            if not line:
                return
            verb = line.split(" ", 1)[0].upper()
            server.commands.append(line)
            if verb in ("EHLO", "HELO"):
                self.reply("250 test")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                server.messages.append(b"".join(data))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", free_port()), SMTPHandler)
    server.daemon_threads = True
    server.commands, server.messages = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_smtp_backend(app, monkeypatch, smtp_server, outbox):
    host, port = smtp_server.server_address
    for key, value in {"MAIL_BACKEND": "smtp", "MAIL_SERVER": host, "MAIL_PORT": port,
                       "MAIL_USE_TLS": False, "MAIL_USERNAME": None}.items():
        monkeypatch.setitem(app.config, key, value)
    send_mail("jordi@example.org", "Reunió", "Ens veiem dijous.")
    db.session.commit()
    assert smtp_server.messages, smtp_server.commands
    assert any(c.upper().startswith("RCPT TO:<JORDI@EXAMPLE.ORG>") for c in smtp_server.commands)
    raw = smtp_server.messages[0].decode()
    assert "Subject: =?utf-8?q?Reuni=C3=B3?=" in raw or "Subject: Reunió" in raw
    assert "To: jordi@example.org" in raw
    assert outbox() == []  # nothing written to the folder
