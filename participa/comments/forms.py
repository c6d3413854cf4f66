from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from participa.comments.models import Alignment
from participa.core.forms import Form


class CommentForm(Form):
    """A comment or a reply. ``limit=`` is the process's comment length."""

    # the operation strips the text: the limit counts what is kept
    body = TextAreaField(_l("Your comment"), validators=[InputRequired()],
                         filters=[lambda text: text.strip() if text else text])
    alignment = RadioField(
        _l("Your position"),
        choices=[SelectChoice(a.value, a.label) for a in Alignment],
        default=Alignment.NEUTRAL.value,
    )
    parent_id = HiddenField(validators=[Optional()])

    def __init__(self, *args, limit, positions=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not positions:  # what it is on asks for no position (a meeting)
            del self.alignment
        self.body.validators = [
            InputRequired(message=_l("Write your comment.")),
            Length(max=limit, message=_l("Write at most %(n)s characters.", n=limit)),
        ]
        self.body.description = _l(
            "At most %(n)s characters. You can use Markdown: **bold**, *italics*, lists and "
            "links.", n=limit)
        self.body.render_kw = {"maxlength": limit, "rows": 4}


class EditCommentForm(CommentForm):
    parent_id = None


class VoteForm(Form):
    value = HiddenField(validators=[InputRequired(), Length(max=5)])
