"""The council's form to publish a legal text: validation only, never saving."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from participa.core.forms import Form
from participa.legal.models import SUMMARY_LIMIT, TEXT_LIMIT

HELP = _l("Markdown: ## for a heading, a blank line between paragraphs, - for a list, "
          "[words](https://…) for a link.")


def _body(label, required=False):
    return TextAreaField(label, validators=[InputRequired() if required else Optional(),
                                            Length(max=TEXT_LIMIT)],
                         description=HELP if required else None, render_kw={"rows": 16})


def _summary(label, required=False):
    return StringField(label, validators=[Optional(), Length(max=SUMMARY_LIMIT)],
                       description=_l("Optional. Shown with the version, and to people asked "
                                      "to accept new terms.") if required else None)


class PublishForm(Form):
    """A new version: the text in Catalan (required), Spanish and English (optional: readers
    of a missing language get the Catalan text), and what changed."""

    body = _body(_l("Text in Catalan"), required=True)
    summary = _summary(_l("What changed, in Catalan"), required=True)
    body_es = _body(_l("Text in Spanish"))
    summary_es = _summary(_l("What changed, in Spanish"))
    body_en = _body(_l("Text in English"))
    summary_en = _summary(_l("What changed, in English"))
