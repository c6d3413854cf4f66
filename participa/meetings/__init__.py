"""Meetings and events: in-person, online and hybrid meetings, assemblies, workshops and
cultural events (fairs, festivals, exhibitions, talks, sport) lasting hours or days, organised
by a person, an association or the council, free or priced, with optional registration, a
waiting list, calendar feeds and minutes."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.accounts.signals import participation_page
    from participa.associations.activity import ActivityItem, register_activity
    from participa.core.content import register_kind
    from participa.core.models import register_verbs
    from participa.core.translated import language_of, text_in
    from participa.facilities import hooks
    from participa.facilities.signals import facility_page
    from participa.files.uploads import accept_uploads
    from participa.meetings import (
        actions,
        content,
        days,
        files,
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
    files.register()  # a meeting may carry images and documents
    accept_uploads("meetings.new", "meetings.edit")
    app.register_blueprint(views.bp)
    indicators.register()  # the plans' indicators computed from meetings
    app.add_template_global(views.meeting_when)
    app.add_template_global(views.meeting_organiser)
    app.add_template_global(days.meeting_days)
    app.add_template_global(queries.meetings_that_discussed)
    process_actions.connect(actions.meeting_actions)
    app.add_template_global(participation.my_registrations)
    participation_page.connect(participation.my_meetings)
    facility_page.connect(venues.meetings_in_facility)  # what happens in a facility
    hooks.register_room_check(venues.room_capacity_holds)
    hooks.register_venue_listener(venues.follow_venue)

    def association_events(association):
        """The events and meetings an association organises (its page): one query."""
        return [ActivityItem(text_in(m, "title"),
                             url_for("meetings.show", slug=m.process.slug, id=m.id),
                             m.starts_at, language_of(m, "title"))
                for m in queries.list_association_meetings(association)]

    register_activity("meetings", _l("Events and meetings"), association_events)
