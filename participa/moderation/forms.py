from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from participa.core.forms import Form
from participa.moderation.models import (
    APPEAL_LIMIT,
    DECISION_REASON_LIMIT,
    DETAILS_LIMIT,
    ReportReason,
)


class ReportForm(Form):
    reason = RadioField(
        _l("Why are you reporting it?"),
        choices=[SelectChoice(r.value, r.label) for r in ReportReason],
        validators=[InputRequired(message=_l("Choose a reason."))],
    )
    details = TextAreaField(
        _l("Details (optional)"),
        validators=[Optional(), Length(max=DETAILS_LIMIT, message=_l(
            "Write at most %(n)s characters.", n=DETAILS_LIMIT))],
        description=_l("Anything that helps the moderators decide. Only they read it."),
        render_kw={"rows": 4, "maxlength": DETAILS_LIMIT},
    )


class AppealForm(Form):
    appeal = TextAreaField(
        _l("Why should it be shown again?"),
        validators=[InputRequired(message=_l("Explain your appeal.")),
                    Length(max=APPEAL_LIMIT, message=_l("Write at most %(n)s characters.",
                                                        n=APPEAL_LIMIT))],
        description=_l("You can appeal once. A moderator will read it and decide."),
        render_kw={"rows": 6, "maxlength": APPEAL_LIMIT},
    )


class DecisionReasonForm(Form):
    """A moderator's written reason for hiding, keeping hidden or blocking: required, and told
    to the person it is about."""

    reason = TextAreaField(
        _l("Reason"),
        validators=[DataRequired(message=_l("Write the reason: the person will be told.")),
                    Length(max=DECISION_REASON_LIMIT, message=_l(
                        "Write at most %(n)s characters.", n=DECISION_REASON_LIMIT))],
        filters=[lambda text: text.strip() if text else text],
        description=_l("The person concerned receives it by e-mail, as you write it here."),
        render_kw={"rows": 4, "maxlength": DECISION_REASON_LIMIT},
    )
