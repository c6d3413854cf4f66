"""The demo town's volunteering: three opportunities in Riuclar, posted through the
operations (so the ActionLog tells the story) —

- the Festa Major's setting-up crew, asked for by the festa major's commission (Jordi acts for
  it), with a few volunteers already;
- the food bank's Saturday distribution, asked for by the Barri Vell's neighbours' association
  (Marta acts for it): full, with people on the waiting list;
- the council's reading buddies at the library (in the library facility when it exists), with
  places left.

``seed_volunteering(now)`` is idempotent: it does nothing once an opportunity exists, or when
the associations, the demo accounts or the neighbourhoods are missing."""

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.associations.models import AreaOfWork, Association
from participa.core.timeutil import local_date, local_to_utc
from participa.extensions import db
from participa.facilities.models import Facility
from participa.neighbourhoods.models import Neighbourhood
from participa.volunteering import operations
from participa.volunteering.models import Opportunity

COUNCIL_EMAIL = "consell@riuclar.example"


def _person(email):
    return db.session.scalar(sa.select(User).where(User.email == email))


def _association(name):
    return db.session.scalar(sa.select(Association).where(Association.name == name))


def _areas(*names):
    return list(db.session.scalars(sa.select(AreaOfWork.id).where(AreaOfWork.name.in_(names))))


def _at(now, days, hour, minute=0):
    """``days`` from now at ``hour``:``minute``, Madrid time (stored in UTC)."""
    return local_to_utc(datetime.combine(local_date(now + timedelta(days=days)),
                                         time(hour, minute)))


def seed_volunteering(now) -> int:
    if db.session.scalar(sa.select(Opportunity.id).limit(1)) is not None:
        return 0
    council = _person(COUNCIL_EMAIL)
    festa = _association("Comissió de Festes de la Festa Major del Nord")
    avv = _association("Associació de Veïns del Barri Vell")
    places = {n.slug: n for n in db.session.scalars(sa.select(Neighbourhood))}
    jordi, marta = _person("jordi@riuclar.example"), _person("marta@riuclar.example")
    if None in (council, festa, avv, jordi, marta) or not places:
        return 0
    neighbours = {u.email: u for u in db.session.scalars(
        sa.select(User).where(User.email.like("vei%@riuclar.example")))}

    def people(*numbers):
        return [neighbours[f"vei{n:02d}@riuclar.example"] for n in numbers
                if f"vei{n:02d}@riuclar.example" in neighbours]

    created = 0
    crew = operations.create_opportunity({
        "title": "Brigada de muntatge de la Festa Major del Nord",
        "description": "Necessitem mans per **muntar l'escenari, les taules i les cadires** del "
                       "sopar popular a la plaça del Mercat, i per desmuntar-ho tot l'endemà.\n\n"
                       "- Esmorzar i samarreta de la festa per a tothom.\n"
                       "- No cal experiència: us ensenyarem a fer-ho amb seguretat.",
        "schedule": "once", "starts_at": _at(now, 24, 8), "ends_at": _at(now, 24, 14),
        "place": "Plaça del Mercat", "address": "Plaça del Mercat, Sant Roc",
        "neighbourhood_id": places["sant-roc"].id if "sant-roc" in places else None,
        "places": 15, "skills": "Ganes de treballar en equip; alguna persona amb carnet de "
                                "conduir furgoneta",
        "contact": "festamajor.nord@riuclar.example",
        "area_ids": _areas("Cultura i festes"),
    }, actor=jordi, association=festa)
    operations.publish_opportunity(crew, actor=jordi, now=now - timedelta(days=6))
    for i, person in enumerate(people(13, 14, 15, 16)):
        operations.sign_up(crew, actor=person, now=now - timedelta(days=5, hours=-i))
    created += 5

    food = operations.create_opportunity({
        "title": "Repartiment del banc d'aliments dels dissabtes",
        "description": "Cada dissabte al matí repartim els lots del **banc d'aliments** a les "
                       "famílies del barri derivades pels Serveis Socials. Cal descarregar, "
                       "ordenar i lliurar les caixes amb discreció i un bon somriure.",
        "schedule": "recurring", "recurrence": "Dissabtes de 10:00 a 13:00",
        "starts_at": _at(now, 2, 10), "ends_at": _at(now, 120, 13),
        "place": "Local de l'Associació de Veïns", "address": "Carrer de la Font, 12",
        "neighbourhood_id": places["barri-vell"].id if "barri-vell" in places else None,
        "places": 4, "skills": "Saber aixecar pes; discreció; si parleu àrab o amazic, millor",
        "contact": "avv.barrivell@riuclar.example · 972 40 12 34",
        "area_ids": _areas("Veïnat i convivència", "Suport mutu"),
    }, actor=marta, association=avv)
    operations.publish_opportunity(food, actor=marta, now=now - timedelta(days=10))
    for i, person in enumerate(people(17, 18, 19, 20, 21, 22)):  # four places, two waiting
        operations.sign_up(food, actor=person, now=now - timedelta(days=9, hours=-i))
    fatima = _person("fatima@riuclar.example")  # a demo account: "My participation" shows it
    if fatima is not None:
        operations.sign_up(food, actor=fatima, now=now - timedelta(days=4))
    created += 7

    library = db.session.scalar(sa.select(Facility).where(
        Facility.slug == "biblioteca-les-basses"))
    buddies = operations.create_opportunity({
        "title": "Padrins i padrines de lectura a la biblioteca",
        "description": "Una tarda a la setmana, llegeix amb un infant de 7 a 10 anys que "
                       "està aprenent a llegir en català. Fem una formació d'una hora abans "
                       "de començar.",
        "schedule": "recurring", "recurrence": "Dimecres de 17:30 a 18:30",
        "starts_at": _at(now, 7, 17, 30), "ends_at": _at(now, 180, 18, 30),
        "facility_id": library.id if library is not None else None,
        "place": "" if library is not None else "Biblioteca de Les Basses",
        "address": "" if library is not None else "Plaça de les Basses, 2",
        "neighbourhood_id": places["les-basses"].id if "les-basses" in places else None,
        "places": 8, "skills": "Paciència i ganes de llegir en veu alta",
        "contact": "biblioteca@riuclar.example",
        "area_ids": _areas("Educació"),
    }, actor=council)
    operations.publish_opportunity(buddies, actor=council, now=now - timedelta(days=3))
    for person in people(23) + ([fatima] if fatima is not None else []):
        operations.sign_up(buddies, actor=person, now=now - timedelta(days=2))
    created += 2
    db.session.flush()
    return created
