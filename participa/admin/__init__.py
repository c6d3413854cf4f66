"""The council's dashboard shell and navigation. Each feature's admin pages live in its own
package (``plans/admin.py`` under /admin/plans/ ...)."""


def init_app(app):
    from participa.admin import views

    app.register_blueprint(views.bp)
