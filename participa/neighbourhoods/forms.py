from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form, SlugField


class NeighbourhoodForm(Form):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=120)])
    slug = SlugField()
    district = StringField(_l("District"), validators=[Optional(), Length(max=120)])
    population = IntegerField(
        _l("Population (optional)"), validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
