"""Meetings: in-person, online and hybrid meetings with registration, a waiting list, calendar
feeds and minutes."""


def init_app(app):
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.meetings import content, indicators, queries, views
    from participa.meetings.operations import VERBS

    register_verbs(VERBS)
    register_kind(content.KIND)
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from meetings
    app.add_template_global(views.meeting_when)
    app.add_template_global(queries.meetings_that_discussed)
