"""Neighbourhoods: the places plans and processes belong to."""


def init_app(app):
    from participa.core.models import register_verbs
    from participa.neighbourhoods import admin, views
    from participa.neighbourhoods.operations import VERBS

    register_verbs(VERBS)
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
