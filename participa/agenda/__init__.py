"""The community agenda (/agenda/): every published meeting and event of the town by day,
week or month — a list grouped by day and a month grid, both without JavaScript — filtered by
neighbourhood, plan, type, facility and organiser, with its own iCalendar feed
(/agenda.ics). It reads meetings (below it in the layers) and writes nothing.

``calendar`` (the periods and the grid, pure), ``queries`` (a fixed number of queries
whatever the number of events), ``views``."""


def init_app(app):
    from participa.agenda import views

    app.register_blueprint(views.bp)
