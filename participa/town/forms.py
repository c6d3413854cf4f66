"""The council's form for the town's face: validation only, never saving."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length, ValidationError

from participa.core.forms import Form
from participa.files.forms import IMAGE_ACCEPT
from participa.town.colours import colour_problem
from participa.town.models import NAME_LIMIT


def _colour_check(role):
    def check(form, field):
        problem = colour_problem(role, field.data)
        if problem is not None:
            raise ValidationError(str(problem))
    return check


class TownForm(Form):
    name = StringField(
        _l("Town name"),
        validators=[InputRequired(message=_l("Write the town's name.")),
                    Length(max=NAME_LIMIT)],
        description=_l("Shown in the header, in every page's title and in the e-mails."),
        render_kw={"autocomplete": "organization"},
    )
    primary_colour = StringField(
        _l("Main colour"),
        validators=[InputRequired(message=_l("Write the main colour.")), _colour_check("primary")],
        description=_l("The header and the buttons, with white text on it, and links. Written "
                       "as # and six hexadecimal digits, for example #0b5c57. It needs a "
                       "contrast of at least 4.5:1 with white and with the light grey of "
                       "panels."),
        render_kw={"autocomplete": "off", "spellcheck": "false", "maxlength": 7},
    )
    accent_colour = StringField(
        _l("Accent colour"),
        validators=[InputRequired(message=_l("Write the accent colour.")),
                    _colour_check("accent")],
        description=_l("Links under the pointer and the strip under the header. Written as # and "
                       "six hexadecimal digits, for example #a3360f. It needs a contrast of at "
                       "least 4.5:1 with white and with the light grey of panels."),
        render_kw={"autocomplete": "off", "spellcheck": "false", "maxlength": 7},
    )
    logo = FileField(
        _l("Logo"),
        description=_l("A JPEG, PNG or WebP picture, shown in the header beside the name, with "
                       "the town's name as its alternative text. A square or wide picture on "
                       "a light background reads best. It replaces the current logo."),
        render_kw={"accept": IMAGE_ACCEPT},
    )
    remove_logo = BooleanField(_l("Take the logo away"))
