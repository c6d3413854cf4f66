"""Participatory processes, their ordered phases, categories and facilitators.

``participa.processes.phases`` is the one place that decides what the active phase allows."""


def init_app(app):
    from participa.core.models import register_verbs
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.processes import admin, phases, views
    from participa.processes.operations import VERBS

    register_verbs(VERBS)
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    neighbourhood_page.connect(views.processes_of_neighbourhood)
    for function in (phases.active_phase, phases.process_status, phases.phase_title):
        app.add_template_global(function)
