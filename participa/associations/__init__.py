"""Associations: the register of the neighbourhood's organised community (associations,
foundations, cooperatives, informal groups), their representatives and the areas of work the
council keeps. Anyone signed in registers one (public at once, without the verified mark) or
asks to represent one; the council verifies or refuses registrations; administrators manage
representatives.

For the features above it (content, plans): ``permissions.can_act_for(user, association)``
and ``queries.represented_associations(user)`` say who may act for which association, and
``activity.register_activity`` adds a section to every association's page.

``models``, ``taxid`` (Spanish NIF/CIF), ``operations``, ``permissions``, ``queries``,
``notifications``; the public pages (``views``) and the council's (``admin``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.associations import admin, files, views
    from participa.associations.models import AreaOfWork, Association
    from participa.associations.operations import VERBS
    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.files.uploads import accept_uploads

    register_verbs(VERBS)
    register_log_targets({
        "association": titled(Association, _l("Association"), lambda row: url_for(
            "associations_admin.review", id=row.id), title=lambda row: row.name),
        "areaofwork": titled(AreaOfWork, _l("Area of work"), lambda row: url_for(
            "associations_admin.edit_area", id=row.id), title=lambda row: row.name),
    })
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    files.register()  # an association's logo
    accept_uploads("associations.new", "associations.edit")
