"""What every template may call: the markdown filter and the shared predicates."""

from participa.core.markdown import render_comment_markdown, render_markdown
from participa.core.models import verb_label
from participa.core.permissions import can_access_admin


def phase_title(phase) -> str:
    return phase.title or str(phase.kind.label)


def init_app(app):
    from participa.processes.permissions import can_manage_process, can_take_part
    from participa.processes.phases import active_phase, process_status

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["comment_markdown"] = render_comment_markdown
    app.jinja_env.globals.update(
        active_phase=active_phase,
        process_status=process_status,
        phase_title=phase_title,
        can_access_admin=can_access_admin,
        can_manage_process=can_manage_process,
        can_take_part=can_take_part,
        verb_label=verb_label,
    )
