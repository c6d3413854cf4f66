"""Community plans (plans comunitaris): the frame a neighbourhood's processes belong to."""


def init_app(app):
    from participa.neighbourhoods.signals import neighbourhood_page
    from participa.plans import admin, views

    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    neighbourhood_page.connect(views.plans_of_neighbourhood)
