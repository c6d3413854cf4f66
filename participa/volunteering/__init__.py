"""Volunteering: opportunities an association (acting through an accepted representative of
a verified one) or the council posts — what, when (once or recurring), where, how many places,
the skills wanted, a contact — and the residents who sign up, with a waiting list once the
places are taken. The organisers see their volunteers and write to them through the platform.

``models``, ``permissions`` (pure, with reasons), ``operations`` (every write, places guarded
by a row lock), ``queries``, ``notifications`` (the mail door), ``forms``, ``display``; the
public and organisers' pages (``views``, /volunteering/) and the council's (``admin``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.accounts.signals import participation_page
    from participa.associations.activity import ActivityItem, register_activity
    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.volunteering import admin, display, participation, queries, views
    from participa.volunteering.models import Opportunity
    from participa.volunteering.operations import VERBS

    register_verbs(VERBS)
    register_log_targets({"opportunity": titled(
        Opportunity, _l("Volunteering"), lambda row: url_for("volunteering.show", id=row.id))})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    app.add_template_global(display.opportunity_when)
    app.add_template_global(display.organiser_name)
    participation_page.connect(participation.my_volunteering)

    def association_opportunities(association):
        return [ActivityItem(o.title, url_for("volunteering.show", id=o.id), o.starts_at,
                             o.language)
                for o in queries.list_for_association(association)]

    register_activity("volunteering", _l("Volunteering"), association_opportunities)
