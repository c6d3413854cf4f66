"""The census: residents verify once against the council's census (keyed hashes only), so a
budget or poll can be limited to a neighbourhood's residents or to a minimum age."""



def init_app(app):
    from participa.census import admin, views
    from participa.census.cli import census_group
    from participa.census.operations import VERBS
    from participa.census.queries import verification_of
    from participa.core.models import register_verbs

    register_verbs(VERBS)
    app.add_template_global(verification_of, "census_verification_of")
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    app.cli.add_command(census_group)
