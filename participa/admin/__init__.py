"""The council's dashboard shell and navigation. Each feature's admin pages live in its own
package (``plans/admin.py`` under /admin/plans/ ...)."""


def init_app(app):
    from participa.admin import views
    from participa.core.jobs import VERBS, job_label
    from participa.core.models import register_verbs

    register_verbs(VERBS)
    app.add_template_global(job_label)
    app.register_blueprint(views.bp)
