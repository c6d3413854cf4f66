"""Results: outcomes and dashboards. A plan's actions, what they cost and how far they are,
created by hand or from a process's outcomes (accepted proposals, winning budget projects),
each change on a public timeline. Reads other features; writes only its own tables.

The domain (``models``, ``operations`` with the roll-up rule, ``permissions``, ``queries``),
the e-mail to a proposal's author (``notifications``), the public pages and open data
(``views``) and the council's pages (``admin``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.processes.signals import process_actions
    from participa.results import actions, admin, charts, dashboards, queries, views
    from participa.results.models import Result
    from participa.results.operations import VERBS

    register_verbs(VERBS)
    register_log_targets({"result": titled(Result, _l("Result"), lambda row: url_for(
        "results.show", slug=row.plan.slug, id=row.id))})
    app.add_template_global(views.result_of_proposal)
    app.add_template_global(queries.results_for_projects)
    app.add_template_global(charts.chart_of, "dash_bars")
    app.add_template_global(dashboards.MEASURES, "dash_measures")
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    process_actions.connect(actions.result_actions)
    neighbourhood_page.connect(views.results_of_neighbourhood)
