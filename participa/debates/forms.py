from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from participa.core.forms import Form, OptionalIntSelect
from participa.core.translated import text_in
from participa.debates.models import BODY_LIMIT
from participa.files.forms import FileFieldsMixin


class DebateForm(FileFieldsMixin, Form):
    """A debate's fields. ``process=`` gives the categories."""

    title = StringField(
        _l("Title"), validators=[InputRequired(), Length(max=150)],
        description=_l("At most 150 characters: the question to debate."),
    )
    body = TextAreaField(
        _l("Description"), validators=[InputRequired(), Length(max=BODY_LIMIT)],
        description=_l("What is at stake and what you would like to hear about. You can use "
                       "Markdown: **bold**, *italics*, lists and links."),
        render_kw={"rows": 10},
    )
    category_id = OptionalIntSelect(_l("Category (optional)"), choices=[])

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.category_id.choices = [(None, _l("— none —"))] + [
            (c.id, text_in(c, "name")) for c in process.categories]


class CloseDebateForm(Form):
    conclusion = TextAreaField(
        _l("Conclusion"), validators=[InputRequired(), Length(max=BODY_LIMIT)],
        description=_l("What the debate concluded, for everyone to read. Markdown."),
        render_kw={"rows": 8},
    )
