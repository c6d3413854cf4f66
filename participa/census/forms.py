"""Census forms: validation only, never saving."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, StringField
from wtforms.validators import InputRequired, Length

from participa.core.forms import Form


class VerifyForm(Form):
    document = StringField(
        _l("Document number (DNI, NIE or passport)"),
        validators=[InputRequired(), Length(max=40)],
        description=_l("With or without spaces, dots or dashes."),
        render_kw={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
    )
    birth_date = DateField(
        _l("Birth date"), format=["%Y-%m-%d", "%d/%m/%Y"], validators=[InputRequired()],
        render_kw={"autocomplete": "bday"},
    )


class UploadForm(Form):
    file = FileField(
        _l("Census file (CSV)"),
        validators=[FileRequired(message=_l("Choose the census file to upload."))],
        description=_l("Three columns: document number, birth date (YYYY-MM-DD or DD/MM/YYYY) "
                       "and neighbourhood (its name or web address name)."),
        render_kw={"accept": ".csv,text/csv,text/plain"},
    )
