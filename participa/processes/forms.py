from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, NumberRange, Optional, ValidationError

from participa.core.forms import (
    Form,
    LocalDateTimeField,
    OptionalIntSelect,
    SlugField,
    checkbox_list,
)
from participa.core.translated import add_translation_fields
from participa.processes.models import PhaseKind


class ProcessForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    slug = SlugField()
    plan_id = OptionalIntSelect(_l("Community plan"), choices=[])
    summary = StringField(_l("Summary"), validators=[Optional(), Length(max=500)])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=20_000)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
    )
    neighbourhood_ids = checkbox_list(_l("Neighbourhoods"))
    is_published = BooleanField(_l("Published (visible to everyone)"))
    proposal_body_limit = IntegerField(
        _l("Longest proposal text (characters)"), default=3000,
        validators=[InputRequired(), NumberRange(min=100, max=20_000)],
    )
    proposal_edit_minutes = IntegerField(
        _l("Minutes an author may edit a proposal"), default=15,
        validators=[InputRequired(), NumberRange(min=0, max=60 * 24 * 30)],
    )
    proposals_per_person = IntegerField(
        _l("Proposals per person"), default=0, description=_l("0 means no limit."),
        validators=[InputRequired(), NumberRange(min=0, max=1000)],
    )
    supports_enabled = BooleanField(_l("Collect supports for proposals"), default=True)
    supports_per_person = IntegerField(
        _l("Supports per person"), default=0, description=_l("0 means no limit."),
        validators=[InputRequired(), NumberRange(min=0, max=100_000)],
    )
    support_threshold = IntegerField(
        _l("Supports a proposal needs to reach the threshold"), default=0,
        description=_l("0 means no threshold."),
        validators=[InputRequired(), NumberRange(min=0, max=10_000_000)],
    )
    supports_visible = BooleanField(_l("Show how many supports each proposal has"), default=True)
    residents_open_debates = BooleanField(_l("Residents may open debates"), default=False)
    comment_body_limit = IntegerField(
        _l("Longest comment (characters)"), default=1000,
        validators=[InputRequired(), NumberRange(min=100, max=10_000)],
    )
    hide_after_reports = IntegerField(
        _l("Hide content after this many reports from different people"), default=3,
        description=_l("0 means never automatically: moderators decide."),
        validators=[InputRequired(), NumberRange(min=0, max=1000)],
    )


class PhaseForm(Form):
    kind = SelectField(
        _l("Kind of phase"), choices=[SelectChoice(k.value, k.label) for k in PhaseKind]
    )
    title = StringField(
        _l("Title (optional)"), validators=[Optional(), Length(max=200)],
        description=_l("Leave it blank to use the kind's name."),
    )
    starts_at = LocalDateTimeField(
        _l("Starts at"), validators=[InputRequired()],
        description=_l("Date and time in Europe/Madrid."),
    )
    ends_at = LocalDateTimeField(
        _l("Ends at"), validators=[InputRequired()],
        description=_l("Date and time in Europe/Madrid."),
    )
    position = IntegerField(
        _l("Order"), validators=[Optional(), NumberRange(min=0, max=100)], default=0
    )

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The end must come after the start."))


class CategoryForm(Form):
    name = StringField(_l("Category name"), validators=[InputRequired(), Length(max=120)])


# the council's texts in the town's other languages (``title_es``, ``title_en``, …)
add_translation_fields(ProcessForm, {"title": 200, "summary": 500, "description": 20_000})
add_translation_fields(PhaseForm, {"title": 200})
add_translation_fields(CategoryForm, {"name": 120})


class FacilitatorForm(Form):
    email = EmailField(
        _l("E-mail of the person"),
        validators=[InputRequired(), Email(check_deliverability=False), Length(max=254)],
        description=_l("The person must already have an account."),
    )
