"""Meetings: in-person, online and hybrid meetings with registration, a waiting list, calendar
feeds and minutes."""


def init_app(app):
    from participa.accounts.signals import participation_page
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.facilities import hooks
    from participa.facilities.signals import facility_page
    from participa.meetings import (
        actions,
        content,
        indicators,
        participation,
        queries,
        venues,
        views,
    )
    from participa.meetings.operations import VERBS
    from participa.processes.signals import process_actions

    register_verbs(VERBS)
    register_kind(content.KIND)
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from meetings
    app.add_template_global(views.meeting_when)
    app.add_template_global(queries.meetings_that_discussed)
    process_actions.connect(actions.meeting_actions)
    app.add_template_global(participation.my_registrations)
    participation_page.connect(participation.my_meetings)
    facility_page.connect(venues.meetings_in_facility)  # what happens in a facility
    hooks.register_room_check(venues.room_capacity_holds)
    hooks.register_venue_listener(venues.follow_venue)
