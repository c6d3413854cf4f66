"""The town's own face: the name, logo and brand colours the council sets, shown in the header,
every page's title, ``/town.css`` and the e-mails (``look`` keeps them in memory)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.mail import register_sender_name
    from participa.core.models import register_verbs
    from participa.files.models import IMAGE
    from participa.files.registry import register_kind
    from participa.files.uploads import accept_uploads
    from participa.town import admin, views
    from participa.town.look import OWNER_KIND, town_logo_url, town_look
    from participa.town.models import TownSettings
    from participa.town.operations import VERBS
    from participa.town.permissions import can_edit_town

    app.config.setdefault("TOWN_CACHE_SECONDS", 10.0)
    register_verbs(VERBS)
    register_log_targets({"townsettings": titled(
        TownSettings, _l("The town"), lambda row: url_for("town_admin.edit"),
        title=lambda row: row.name)})
    app.add_template_global(town_look)
    app.add_template_global(town_logo_url)
    register_sender_name(lambda: town_look().name)
    # the logo: a file of the files core, which anyone may see and only the council attaches
    register_kind(OWNER_KIND, _l("The town's logo"), can_read=lambda user, owner_id: True,
                  can_attach=lambda user, owner_id: can_edit_town(user), accepts=(IMAGE,),
                  max_files=1)
    accept_uploads("town_admin.edit")
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
