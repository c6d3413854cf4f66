"""Community plans (plans comunitaris): the frame a neighbourhood's processes belong to, with
their goals, indicators and measurements (some computed from the platform: ``sources``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.jobs import register_daily
    from participa.core.models import register_verbs
    from participa.core.timeutil import local_date
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.plans import admin, charts, views
    from participa.plans.cli import plans_group
    from participa.plans.models import CommunityPlan
    from participa.plans.operations import VERBS, refresh_all_indicators

    register_verbs(VERBS)
    register_log_targets({"communityplan": titled(
        CommunityPlan, _l("Community plan"), lambda row: url_for("plans.show", slug=row.slug))})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    neighbourhood_page.connect(views.plans_of_neighbourhood)
    app.jinja_env.filters["measure"] = charts.format_measure
    app.add_template_global(charts.chart, "indicator_chart")
    app.add_template_global(charts.progress, "indicator_progress")
    app.add_template_global(charts.trend, "indicator_trend")
    app.cli.add_command(plans_group)
    register_daily("plans.refresh_indicators",
                   lambda config, now: refresh_all_indicators(on=local_date(now), actor=None))
