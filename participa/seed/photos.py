"""The demo town's photos on its proposals and meetings, and its associations' logos: scenes
and badges drawn once with Pillow (``scripts/draw_demo_images.py``, ``draw_demo_logos.py``) and
kept in ``images/``, attached through the files core as a resident would (re-encoded, with
their variants), each with its alternative text in Catalan. Nothing is drawn nor downloaded
while seeding."""

from pathlib import Path

from sqlalchemy import select

from participa.associations.models import Association
from participa.extensions import db
from participa.files.operations import attach_file
from participa.files.queries import images_of
from participa.meetings.models import Meeting
from participa.proposals.models import Proposal

IMAGES = Path(__file__).resolve().parent / "images"
# proposal title → (image file, alternative text)
PROPOSAL_PHOTOS = {
    "Ombra i bancs a la plaça de la Font": (
        "placa-arbres.jpg", "La plaça de la Font amb tres arbres i dos bancs de fusta davant "
        "de les cases"),
    "Horts urbans al solar del carrer Nou": (
        "horts-urbans.jpg", "Fileres d'hortalisses en un solar assolellat, amb una caseta "
        "d'eines al fons"),
    "Il·luminació del passatge del Rec": (
        "carrer-enllumenat.jpg", "Un carrer de nit amb fanals encesos davant de les façanes"),
    "Zona de jocs inclusiva a la plaça Major": (
        "parc-infantil.jpg", "Un parc infantil amb gronxadors i un tobogan sobre sorra"),
    "Fonts d'aigua potable al parc Vell": (
        "riu-passera.jpg", "El riu amb una passera de fusta i arbres a banda i banda"),
}


# meeting title → (image file, alternative text)
MEETING_PHOTOS = {
    "Passejada exploratòria pel Barri Vell": (
        "placa-arbres.jpg", "Veïns i veïnes aturats a la plaça de la Font durant la passejada"),
    "Taller de disseny dels horts del Rec": (
        "horts-urbans.jpg", "Els horts del Rec, amb les fileres que es van dissenyar al taller"),
}


# association name → its logo (``scripts/draw_demo_logos.py``); the alternative text is the name
ASSOCIATION_LOGOS = {
    "Associació de Veïns del Barri Vell": "logo-avv-barri-vell.png",
    "Comissió de Festes de la Festa Major del Nord": "logo-festa-major-nord.png",
    "Club Esportiu Riuclar": "logo-club-esportiu.png",
    "Casal de la Gent Gran del Barri Vell": "logo-casal-gent-gran.png",
}


def photo(name: str) -> bytes:
    return (IMAGES / name).read_bytes()


def seed_proposal_photos() -> int:
    """Attach a photo to the demo proposals named above, unless they already have one."""
    created = 0
    proposals = db.session.scalars(
        select(Proposal).where(Proposal.title.in_(PROPOSAL_PHOTOS)))
    for proposal in proposals:
        if images_of("proposal", proposal.id):
            continue
        name, alt_text = PROPOSAL_PHOTOS[proposal.title]
        attach_file("proposal", proposal.id, photo(name), alt_text=alt_text, language="ca",
                    actor=proposal.author)
        created += 1
    return created


def seed_meeting_photos(council) -> int:
    """A photo on two held meetings, attached by the council, unless they already have one."""
    created = 0
    for meeting in db.session.scalars(select(Meeting).where(Meeting.title.in_(MEETING_PHOTOS))):
        if images_of("meeting", meeting.id):
            continue
        name, alt_text = MEETING_PHOTOS[meeting.title]
        attach_file("meeting", meeting.id, photo(name), alt_text=alt_text, language="ca",
                    actor=council)
        created += 1
    return created


def seed_association_logos(council) -> int:
    """A logo on four associations of the register, unless they already have one."""
    created = 0
    for association in db.session.scalars(
            select(Association).where(Association.name.in_(ASSOCIATION_LOGOS))):
        if images_of("association", association.id):
            continue
        attach_file("association", association.id, photo(ASSOCIATION_LOGOS[association.name]),
                    alt_text=association.name, language="ca", actor=council)
        created += 1
    return created
