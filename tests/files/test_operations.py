"""Attaching and removing files without HTTP: the rules, the refusals (nothing stored), the
stored objects following the transaction, and the batched first images."""

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.files import operations, queries
from participa.files.errors import FileRefused
from participa.files.models import Attachment
from participa.files.storage import LocalStorage
from tests.files.builders import HTML_AS_PDF, image_bytes, pdf_bytes, polyglot, upload
from tests.support.proposals import make_proposal
from tests.support.queries import counting


@pytest.fixture
def store(tmp_path):
    return LocalStorage(str(tmp_path / "store"))


def stored(store) -> int:
    import os

    return sum(len(files) for _root, _dirs, files in os.walk(store.root))


def attach(proposal, data, *, name="photo.jpg", store, **kwargs):
    kwargs.setdefault("alt_text", "Una plaça amb arbres")
    return operations.attach_file("proposal", proposal.id, upload(data, name),
                                  actor=proposal.author, language="ca", storage=store, **kwargs)


def test_an_image_is_stored_with_its_variants(proposal, store):
    attachment = attach(proposal, image_bytes(size=(1000, 500)), store=store)
    assert attachment.kind == "image" and attachment.content_type == "image/jpeg"
    assert (attachment.width, attachment.height) == (1000, 500)
    assert (attachment.card_width, attachment.card_height) == (480, 240)
    assert attachment.alt_text == "Una plaça amb arbres" and attachment.language == "ca"
    for variant in ("full", "page", "card"):
        assert store.get(attachment.variant_key(variant))
    assert "photo" not in attachment.storage_key
    assert stored(store) == 3


def test_a_document_keeps_its_title_and_downloads_under_it(proposal, store):
    attachment = attach(proposal, pdf_bytes(), name="aina-garcia-private.pdf",
                        title="Pressupost de l'àrea de jocs", store=store)
    assert attachment.kind == "document"
    assert attachment.download_name == "pressupost-de-l-area-de-jocs.pdf"
    assert "private" not in repr(vars(attachment))


@pytest.mark.parametrize("data, name, extra, words", [
    (image_bytes(), "photo.jpg", {"alt_text": ""}, "alternative text"),
    (pdf_bytes(), "doc.pdf", {"title": ""}, "title"),
    (HTML_AS_PDF, "report.pdf", {"title": "Informe"}, "not a PDF"),
    (polyglot()[::-1], "photo.jpg", {}, "not a JPEG"),
    (image_bytes(), "photo.exe", {}, "Only JPEG, PNG or WebP"),
    (image_bytes(), "../../etc/photo.jpg", {}, "folder path"),
    (image_bytes(), "C:\\fakepath\\photo.jpg", {}, "folder path"),
    (b"", "empty.jpg", {}, "empty"),
    (b'<svg onload="alert(1)"/>', "drawing.svg", {}, "SVG"),
])
def test_bad_files_are_refused_and_nothing_is_stored(proposal, store, data, name, extra,
                                                      words):
    with pytest.raises(FileRefused) as caught:
        attach(proposal, data, name=name, store=store, **extra)
    assert words in str(caught.value.message)
    assert stored(store) == 0
    assert queries.files_of("proposal", proposal.id) == []


def test_the_councils_rules_apply(proposal, store, council):
    operations.update_file_rules("proposal", {"images_allowed": False, "documents_allowed": True,
                                              "max_files": 1, "max_mb": 1}, actor=council)
    with pytest.raises(FileRefused, match="Images are not accepted"):
        attach(proposal, image_bytes(), store=store)
    attach(proposal, pdf_bytes(), name="a.pdf", title="Primer", store=store)
    with pytest.raises(FileRefused, match="at most 1 file here"):
        attach(proposal, pdf_bytes(), name="b.pdf", title="Segon", store=store)
    assert stored(store) == 1


def test_a_file_bigger_than_the_rule_is_refused(proposal, store, council):
    operations.update_file_rules("proposal", {"images_allowed": True, "documents_allowed": True,
                                              "max_files": 5, "max_mb": 1}, actor=council)
    with pytest.raises(FileRefused, match="too big"):
        attach(proposal, b"%PDF-" + b"0" * (1024 * 1024 + 1), name="big.pdf", title="Gros",
               store=store)


def test_an_unregistered_owner_kind_takes_no_files(store, author):
    with pytest.raises(FileRefused):
        operations.attach_file("nothing", 1, upload(pdf_bytes(), "a.pdf"), title="x",
                               language="ca", actor=author, storage=store)


def test_objects_stored_in_a_rolled_back_transaction_are_deleted(proposal, store, commit):
    commit()
    attach(proposal, image_bytes(), store=store)
    assert stored(store) == 3
    db.session.rollback()
    assert stored(store) == 0


def test_removal_deletes_the_objects_once_committed(proposal, store, commit):
    attachment = attach(proposal, image_bytes(), store=store)
    commit()
    operations.remove_file(attachment, actor=proposal.author, storage=store)
    assert stored(store) == 3  # not yet: the removal may still be rolled back
    commit()
    assert stored(store) == 0
    assert queries.files_of("proposal", proposal.id) == []


def test_files_keep_their_order_and_move(proposal, store):
    first = attach(proposal, image_bytes(color=(1, 2, 3)), store=store)
    second = attach(proposal, image_bytes(color=(3, 2, 1)), store=store)
    assert [a.id for a in queries.files_of("proposal", proposal.id)] == [first.id, second.id]
    operations.move_file(second, 0, actor=proposal.author)
    assert [a.id for a in queries.files_of("proposal", proposal.id)] == [second.id, first.id]


def test_first_images_of_many_owners_in_one_query(app, process, author, store):
    proposals = [make_proposal(process, author) for _ in range(5)]
    for proposal in proposals[:3]:
        attach(proposal, pdf_bytes(), name="a.pdf", title="Doc", store=store)
        attach(proposal, image_bytes(), store=store)
        attach(proposal, image_bytes(), store=store, alt_text="La segona")
    db.session.expire_all()
    ids = [p.id for p in proposals]
    with counting(app) as counted:
        first = queries.first_images("proposal", ids)
    assert len(counted) == 1
    assert set(first) == {p.id for p in proposals[:3]}
    assert all(a.kind == "image" and a.alt_text == "Una plaça amb arbres" for a in first.values())
    assert queries.first_images("proposal", []) == {}


def test_rules_default_when_the_council_set_none():
    rules = queries.rules_for("proposal")
    assert rules.images_allowed and rules.documents_allowed and not rules.saved
    assert rules.max_files == 6 and rules.max_mb == 5
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0
