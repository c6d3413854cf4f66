"""Meetings: in-person, online and hybrid meetings with registration, a waiting list, calendar
feeds and minutes."""


def init_app(app):
    from participa.core.content import register_kind
    from participa.meetings import content, views

    register_kind(content.KIND)
    app.register_blueprint(views.bp)
    app.add_template_global(views.meeting_when)
