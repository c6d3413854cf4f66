"""Participatory processes, their ordered phases, categories and facilitators.

``participa.processes.phases`` is the one place that decides what the active phase allows."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.processes import admin, phases, views
    from participa.processes.models import Process
    from participa.processes.operations import VERBS

    register_verbs(VERBS)
    register_log_targets({"process": titled(
        Process, _l("Process"), lambda row: url_for("processes.show", slug=row.slug))})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    neighbourhood_page.connect(views.processes_of_neighbourhood)
    for function in (phases.active_phase, phases.process_status, phases.phase_title):
        app.add_template_global(function)
