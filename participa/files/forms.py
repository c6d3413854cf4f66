"""Forms about files: the upload fields other forms include, and the council's rules."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, MultipleFileField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form
from participa.files.models import ALT_LIMIT, MAX_MB_CEILING, TITLE_LIMIT

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
DOCUMENT_ACCEPT = "application/pdf,.pdf"


class FileFieldsMixin:
    """The upload fields a content form adds: one image with its alternative text, and one
    PDF document with its title. The operation checks the files themselves."""

    image = FileField(_l("Image"), description=_l("A JPEG, PNG or WebP picture."))
    alt_text = StringField(
        _l("Describe the image"), validators=[Optional(), Length(max=ALT_LIMIT)],
        description=_l("Required with an image: what it shows, for people who cannot see it."))
    document = FileField(_l("Document"), description=_l("A PDF document."))
    document_title = StringField(
        _l("Document title"), validators=[Optional(), Length(max=TITLE_LIMIT)],
        description=_l("Required with a document: the name people see before downloading it."))

    def validate_alt_text(self, field):
        upload = self.image.data
        if upload is not None and getattr(upload, "filename", "") and not (field.data or
                                                                            "").strip():
            raise _required(_l("Describe the image in a few words (its alternative text), "
                               "for people who cannot see it."))

    def validate_document_title(self, field):
        upload = self.document.data
        if upload is not None and getattr(upload, "filename", "") and not (field.data or
                                                                            "").strip():
            raise _required(_l("Give the document a title, so people know what it is before "
                               "they download it."))


def _required(message):
    from wtforms.validators import ValidationError

    return ValidationError(message)


class FileRulesForm(Form):
    images_allowed = BooleanField(_l("Images accepted"))
    documents_allowed = BooleanField(_l("PDF documents accepted"))
    max_files = IntegerField(_l("Most files on one item"),
                             validators=[InputRequired(), NumberRange(min=0, max=50)])
    max_mb = IntegerField(_l("Largest file (MB)"),
                          validators=[InputRequired(), NumberRange(min=1, max=MAX_MB_CEILING)])


__all__ = ["DOCUMENT_ACCEPT", "IMAGE_ACCEPT", "FileFieldsMixin", "FileRulesForm",
           "MultipleFileField"]
