"""Community plans (plans comunitaris): the frame a neighbourhood's processes belong to, with
their goals, indicators and measurements (some computed from the platform: ``sources``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l
    from sqlalchemy.orm import joinedload

    from participa.associations.activity import ActivityItem, register_activity
    from participa.core.activity import register_log_targets, titled
    from participa.core.i18n import format_day
    from participa.core.jobs import register_daily
    from participa.core.models import register_verbs
    from participa.core.timeutil import local_date
    from participa.core.translated import text_in
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.plans import admin, charts, views
    from participa.plans.cli import plans_group
    from participa.plans.models import CommunityPlan, Goal, Indicator, Measurement
    from participa.plans.operations import VERBS, refresh_all_indicators
    from participa.plans.queries import plans_of_association

    register_verbs(VERBS)
    def on_plan(slug, anchor):
        return url_for("plans.show", slug=slug, _anchor=anchor)

    register_log_targets({
        "communityplan": titled(CommunityPlan, _l("Community plan"),
                                lambda row: url_for("plans.show", slug=row.slug)),
        "goal": titled(Goal, _l("Goal"), lambda row: on_plan(row.plan.slug, f"goal-{row.id}"),
                       load=(joinedload(Goal.plan),)),
        "indicator": titled(
            Indicator, _l("Indicator"),
            lambda row: on_plan(row.goal.plan.slug, f"indicator-{row.id}-name"),
            title=lambda row: row.name, load=(joinedload(Indicator.goal).joinedload(Goal.plan),)),
        "measurement": titled(
            Measurement, _l("Measurement"),
            lambda row: on_plan(row.indicator.goal.plan.slug, f"indicator-{row.indicator_id}-name"),
            title=lambda row: f"{row.indicator.name}, {format_day(row.measured_on, 'medium')}",
            load=(joinedload(Measurement.indicator).joinedload(Indicator.goal)
                  .joinedload(Goal.plan),)),
    })
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    register_activity("plans", _l("Plans it takes part in"), lambda association: [
        ActivityItem(text_in(plan, "title"), url_for("plans.show", slug=plan.slug))
        for plan in plans_of_association(association)])
    neighbourhood_page.connect(views.plans_of_neighbourhood)
    app.jinja_env.filters["measure"] = charts.format_measure
    app.add_template_global(charts.chart, "indicator_chart")
    app.add_template_global(charts.progress, "indicator_progress")
    app.add_template_global(charts.trend, "indicator_trend")
    app.cli.add_command(plans_group)
    register_daily("plans.refresh_indicators",
                   lambda config, now: refresh_all_indicators(on=local_date(now), actor=None))
