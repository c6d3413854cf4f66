"""Each application keeps its own store: another app made later (a CLI, a migration test)
does not send this app's files elsewhere."""

from participa import create_app
from participa.files import operations
from participa.files.storage import active
from tests.files.builders import image_bytes, upload


def test_operations_use_the_store_of_the_app_in_use(app, proposal, commit, tmp_path):
    create_app({"ENV": "testing", "FILE_DIR": str(tmp_path / "elsewhere"),
                "DATABASE_URL": "sqlite://", "PUBLIC_URL": "http://other.test"})
    image = operations.attach_file("proposal", proposal.id, upload(image_bytes()),
                                   alt_text="Foto", language="ca", actor=proposal.author)
    assert active() is app.extensions["participa_files"]
    assert active().get(image.storage_key)
    assert not (tmp_path / "elsewhere").exists()
