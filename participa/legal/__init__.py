"""Legal: the legal notice, the privacy policy, the terms of use and the accessibility
statement, each in numbered versions the council publishes in three languages, and the history
of who accepted which terms of use (``accounts`` asks for it at registration and sign-in).

The domain (``models``, ``operations``, ``permissions``, ``queries``), the public pages
(``views``: /legal/<text>) and the council's pages (``admin``: /admin/legal/). The footer links
the four pages by their fixed addresses, so it reads nothing per request."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.legal import admin, views
    from participa.legal.models import LegalVersion
    from participa.legal.operations import VERBS

    register_verbs(VERBS)
    register_log_targets({"legalversion": titled(
        LegalVersion, _l("Legal text"),
        lambda row: url_for("legal.version", kind=row.kind.value, number=row.number),
        title=lambda row: f"{row.kind.label} ({row.number})")})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
