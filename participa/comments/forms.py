from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from participa.comments.behalf import NOT_YOURS
from participa.comments.models import Alignment
from participa.core.forms import Form, OptionalIntSelect


class PublishAsField(OptionalIntSelect):
    """"Publish as": yourself (empty) or one of the associations the person represents
    (``set_associations``). Any other value, a forged id included, is refused with the
    operation's own message."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, validate_choice=False, **kwargs)
        self.invalid = False

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:  # not a number: refused as any other association would be
            self.invalid = True

    def set_associations(self, associations):
        self.choices = [(None, _l("Yourself"))] + [(a.id, a.name) for a in associations]

    @property
    def offered(self) -> bool:
        """Shown only to people who represent at least one verified association."""
        return len(self.choices or ()) > 1

    def pre_validate(self, form):
        if self.invalid or self.data not in {value for value, _label in self.choices or ()}:
            raise ValidationError(NOT_YOURS)


def publish_as_field():
    return PublishAsField(
        _l("Publish as"),
        description=_l("You represent these associations: you can publish on behalf of one "
                       "of them. You stay the author."))


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
    association_id = publish_as_field()

    def __init__(self, *args, limit, positions=True, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not positions:  # what it is on asks for no position (a meeting)
            del self.alignment
        # the associations the person may publish as (none: only "yourself" is valid)
        if self.association_id is not None:  # an edit keeps whose behalf it was written on
            self.association_id.set_associations(associations)
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
    association_id = None  # on whose behalf it was written does not change


class VoteForm(Form):
    value = HiddenField(validators=[InputRequired(), Length(max=5)])
