"""Facilities: the neighbourhood's proximity facilities (civic centres, casals, libraries,
schools, sports halls, markets) with their rooms, opening hours and exceptions, as meeting
venues. Below the content packages: what happens in a facility reaches its page through
``signals.facility_page`` and its rooms' rules through ``hooks``, which the meetings fill."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.facilities import admin, files, views
    from participa.facilities.models import Facility
    from participa.facilities.operations import VERBS
    from participa.files.uploads import accept_uploads

    register_verbs(VERBS)
    register_log_targets({"facility": titled(
        Facility, _l("Facility"), lambda row: url_for("facilities.show", slug=row.slug),
        title=lambda row: row.name)})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    files.register()  # a facility may carry photos and documents
    accept_uploads("facilities_admin.new", "facilities_admin.edit")
