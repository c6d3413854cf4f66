"""Comments on any commentable kind of content (proposals, debates, meetings): one mechanism."""


def init_app(app):
    from participa.accounts.signals import participation_page
    from participa.comments import actions, content, participation, views
    from participa.comments.models import CommentSort
    from participa.comments.permissions import why_not_comment
    from participa.comments.rendering import (
        new_comment_form,
        publish_as_associations,
        render_comments,
    )
    from participa.core.content import register_kind
    from participa.processes.signals import process_actions

    register_kind(content.KIND)
    app.register_blueprint(views.bp)
    app.add_template_global(why_not_comment)
    app.add_template_global(list(CommentSort), "comment_sorts")
    app.add_template_global(render_comments)
    app.add_template_global(new_comment_form)
    app.add_template_global(publish_as_associations)
    app.add_template_global(views.comment_form_for)
    process_actions.connect(actions.comment_actions)
    participation_page.connect(participation.my_comments)
