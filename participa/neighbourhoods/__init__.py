"""Neighbourhoods: the places plans and processes belong to."""


def init_app(app):
    from participa.neighbourhoods import admin, views

    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
