from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from participa.core.forms import Form, SlugField, checkbox_list
from participa.plans.models import PlanStatus


class PlanForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    slug = SlugField()
    summary = StringField(_l("Summary"), validators=[Optional(), Length(max=500)])
    body = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=20_000)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
    )
    starts_on = DateField(_l("Starts on"), validators=[InputRequired()])
    ends_on = DateField(_l("Ends on (optional)"), validators=[Optional()])
    status = SelectField(
        _l("Status"), choices=[SelectChoice(s.value, s.label) for s in PlanStatus],
        default="draft",
    )
    neighbourhood_ids = checkbox_list(_l("Neighbourhoods"))

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end must come after the start."))

    def validate_neighbourhood_ids(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one neighbourhood."))
