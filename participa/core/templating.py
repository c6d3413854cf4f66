"""What every template may call from core: the Markdown filters, the council predicate and the
ActionLog's labels. Each feature registers its own template globals in its ``init_app``."""

from participa.core.content import kind_named
from participa.core.markdown import render_comment_markdown, render_markdown
from participa.core.models import verb_label
from participa.core.permissions import can_access_admin
from participa.core.translated import language_of, text_in


def init_app(app):
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["comment_markdown"] = render_comment_markdown
    # the council's texts in the reader's language: {{ process|tr('title') }}, and the language
    # of what is shown, for a fallback's lang: {{ lang_attr(process|tr_lang('title')) }}
    app.jinja_env.filters["tr"] = text_in
    app.jinja_env.filters["tr_lang"] = language_of
    app.add_template_global(can_access_admin)
    app.add_template_global(verb_label)
    app.add_template_global(kind_named, "content_kind")
