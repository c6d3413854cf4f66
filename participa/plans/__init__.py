"""Community plans (plans comunitaris): the frame a neighbourhood's processes belong to."""


def init_app(app):
    from participa.core.models import register_verbs
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.plans import admin, views
    from participa.plans.operations import VERBS

    register_verbs(VERBS)
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    neighbourhood_page.connect(views.plans_of_neighbourhood)
