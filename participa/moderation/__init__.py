"""Reports, the moderation queue, hiding and restoring content, blocking people, appeals."""


def init_app(app):
    from participa.accounts.signals import participation_page, profile_page
    from participa.core.activity import register_log_targets
    from participa.core.models import register_verbs
    from participa.moderation import context, participation, queries, views
    from participa.moderation.operations import VERBS
    from participa.processes.signals import process_page

    register_verbs(VERBS)
    register_log_targets({"moderation": queries.describe_for_log})
    app.register_blueprint(views.bp)
    views.add_report_rules(app)  # after every kind has registered (FEATURES' order)
    for name, function in context.TEMPLATE_GLOBALS.items():
        app.add_template_global(function, name)
    process_page.connect(context.process_figures)
    profile_page.connect(context.profile_context)
    participation_page.connect(participation.my_reports)
