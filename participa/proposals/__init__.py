"""Proposals and supports: residents propose and support; facilitators and the council answer."""


def init_app(app):
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.proposals import content, indicators, views
    from participa.proposals.operations import VERBS

    register_verbs(VERBS)
    register_kind(content.KIND)
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from proposals
