from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from participa.comments.forms import publish_as_field
from participa.core.forms import Form, OptionalIntSelect
from participa.core.translated import text_in
from participa.files.forms import FileFieldsMixin
from participa.proposals.models import ANSWER_STATES


class ProposalForm(FileFieldsMixin, Form):
    """A proposal's fields, and one image and one document (``FileFieldsMixin``).
    ``process=`` gives the categories, neighbourhoods and text limit;
    ``associations=`` the ones its author may publish it on behalf of (a new proposal only:
    None leaves the choice out, as when editing)."""

    title = StringField(
        _l("Title"), validators=[InputRequired(), Length(max=150)],
        description=_l("At most 150 characters. Say what you propose, not the problem."),
    )
    body = TextAreaField(
        _l("Your proposal"), validators=[InputRequired()],
        description=_l("Explain what, where and why. You can use Markdown: **bold**, *italics*, "
                       "lists and links."),
    )
    category_id = OptionalIntSelect(_l("Category (optional)"), choices=[])
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood (optional)"), choices=[])
    address = StringField(
        _l("Address (optional)"), validators=[Optional(), Length(max=200)],
        description=_l("A street, square or building, if the proposal is about a place."),
        render_kw={"autocomplete": "street-address"},
    )
    association_id = publish_as_field()

    def __init__(self, *args, process, associations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if associations is None:
            del self.association_id
        else:
            self.association_id.set_associations(associations)
        none = [(None, _l("— none —"))]
        self.category_id.choices = none + [(c.id, text_in(c, "name"))
                                           for c in process.categories]
        self.neighbourhood_id.choices = none + [(n.id, n.name) for n in process.neighbourhoods]
        limit = process.proposal_body_limit
        self.body.validators = [InputRequired(), Length(max=limit, message=_l(
            "Write at most %(n)s characters.", n=limit))]
        self.body.render_kw = {"maxlength": limit, "rows": 12}


class AnswerForm(Form):
    state = SelectField(_l("State"),
                        choices=[SelectChoice(s.value, s.label) for s in ANSWER_STATES])
    answer = TextAreaField(
        _l("Official answer"), validators=[InputRequired(), Length(max=10_000)],
        description=_l("Markdown. The author is e-mailed when the answer is published."),
        render_kw={"rows": 6},
    )
    publish = BooleanField(_l("Publish the answer now"))


class InvitePersonForm(Form):
    email = EmailField(
        _l("Their e-mail address"), validators=[InputRequired(), Length(max=254)],
        description=_l("The address they use on Participa. If it belongs to someone here, "
                       "they get an e-mail to accept or decline."),
        render_kw={"autocomplete": "off"})


class InviteAssociationForm(Form):
    """``associations=``: (id, name) of the verified associations one may invite."""

    association_id = OptionalIntSelect(_l("Association"), choices=[],
                                       validators=[InputRequired()])

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.association_id.choices = [(None, _l("— choose one —")), *associations]
