"""A real SMTP server for the tests (aiosmtpd, on 127.0.0.1), and the app's settings to use it."""

from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Received:
    """What the server took: each message's envelope (``rcpt_tos``, ``content``)."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 OK"

    def recipients(self) -> list[str]:
        return [to for envelope in self.envelopes for to in envelope.rcpt_tos]


@contextmanager
def smtp_server(port: int):
    """An SMTP server on ``port`` until the block ends; yields what it received."""
    received = Received()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield received
    finally:
        controller.stop()


def use_smtp(app, monkeypatch, port: int) -> None:
    """Send the app's mail by SMTP to 127.0.0.1:``port`` (whether anything listens there)."""
    for key, value in {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port,
                       "MAIL_USE_TLS": False, "MAIL_USERNAME": None, "MAIL_TIMEOUT": 5}.items():
        monkeypatch.setitem(app.config, key, value)
