"""The demo town's proposals carry photos: kept in the repository, small, attached through the
files core with their alternative text, shown on the cards and served."""

from pathlib import Path

import sqlalchemy as sa

from participa.extensions import db
from participa.files.models import Attachment
from participa.proposals.models import Proposal
from participa.seed import seed_demo
from participa.seed.photos import ASSOCIATION_LOGOS, IMAGES, MEETING_PHOTOS, PROPOSAL_PHOTOS
from tests.support.web import text


def test_the_photos_are_small_files_in_the_repository():
    for name, _alt in [*PROPOSAL_PHOTOS.values(), *MEETING_PHOTOS.values()]:
        path = Path(IMAGES) / name
        assert path.stat().st_size < 80 * 1024


def test_several_demo_proposals_have_a_photo(app, client):
    seed_demo()
    db.session.commit()
    photos = list(db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == "proposal")))
    assert len(photos) == len(PROPOSAL_PHOTOS)
    assert all(photo.alt_text and photo.language == "ca" for photo in photos)
    proposal = db.session.get(Proposal, photos[0].owner_id)
    index = text(client.get(f"/processes/{proposal.process.slug}/proposals/"))
    assert f"/files/{photos[0].id}/card" in index
    assert client.get(f"/files/{photos[0].id}/card").status_code == 200
    seed_demo()  # again: nothing added twice
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id)).where(
        Attachment.owner_kind == "proposal")) == len(photos)


def test_two_held_meetings_have_a_photo(app, client):
    seed_demo()
    db.session.commit()
    photos = list(db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == "meeting")))
    assert len(photos) == len(MEETING_PHOTOS)
    assert all(client.get(f"/files/{photo.id}/page").status_code == 200 for photo in photos)


def test_four_associations_show_their_logo(app, client):
    seed_demo()
    db.session.commit()
    logos = list(db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == "association")))
    assert len(logos) == len(ASSOCIATION_LOGOS)
    assert all(Path(IMAGES, name).stat().st_size < 30 * 1024 for name in ASSOCIATION_LOGOS.values())
    register = text(client.get("/associations/"))
    assert all(f"/files/{logo.id}/card" in register for logo in logos)
    seed_demo()  # again: nothing added twice
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id)).where(
        Attachment.owner_kind == "association")) == len(logos)
