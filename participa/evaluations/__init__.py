"""Evaluations of community plans: the council looks back at a period of a plan — its
indicators' values and its results frozen at the end of the period, an assessment per goal and
conclusions — and residents answer a short satisfaction questionnaire whose summary joins the
evaluation once published. Published evaluations are the plan's history, each compared with the
one before. Reads plans and results; writes only its own tables.

``models``, ``operations`` (the snapshot's rule), ``permissions``, ``queries``, ``comparison``;
the public pages and the questionnaire (``views``) and the council's pages (``admin``)."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l
    from sqlalchemy.orm import joinedload

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.evaluations import admin, views
    from participa.evaluations.models import Evaluation
    from participa.evaluations.operations import VERBS
    from participa.plans.signals import plan_page

    register_verbs(VERBS)
    register_log_targets({"evaluation": titled(Evaluation, _l("Evaluation"), lambda row: url_for(
        "evaluations.show", slug=row.plan.slug, id=row.id), load=(joinedload(Evaluation.plan),))})
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    plan_page.connect(views.evaluations_of_plan)
