"""Files: images and PDF documents attached to any kind of content that registers itself
(``registry.register_kind``), checked by their content, re-encoded without metadata, stored
on the local disk or in S3-compatible storage (``storage``), and served only to those who may
read their owner (``views``). The council sets the rules per kind of content (``admin``).

The contract other features use: ``operations.attach_file``, ``operations.remove_file``,
``queries.files_of``, ``queries.first_images``, ``registry.register_kind`` and the address
``url_for('files.serve', attachment_id=..., variant=...)`` (variant: full, page or card).
A form page that takes files names its endpoint with ``uploads.accept_uploads(endpoint)``."""


def init_app(app):
    from flask import url_for
    from flask_babel import lazy_gettext as _l

    from participa.core.activity import register_log_targets, titled
    from participa.core.models import register_verbs
    from participa.files import admin, registry, storage, uploads, views
    from participa.files.models import Attachment, FileRules
    from participa.files.operations import VERBS

    store = storage.storage_from_config(app.config, app.instance_path)
    app.extensions["participa_files"] = store
    register_verbs(VERBS)

    def rules_label(row):
        entry = registry.kind_of(row.owner_kind)
        return str(entry.label) if entry else row.owner_kind

    register_log_targets({
        "filerules": titled(FileRules, _l("Rules for files"),
                            lambda row: url_for("files_admin.rules", kind=row.owner_kind),
                            title=rules_label),
        "attachment": titled(Attachment, _l("File"), lambda row: None,
                             title=lambda row: row.title or row.alt_text),
    })
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    uploads.init_app(app)
