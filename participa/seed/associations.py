"""The demo town's associations: a neighbours' association per neighbourhood, the elderly
people's casal, a youth group, a sports club, an informal mutual-aid group, a migrant women's
association and the cultural commission of the Festa Major — all verified by the council but
one, still pending — with the areas of work the council keeps (in three languages) and
representatives among the demo accounts: Marta administers the Barri Vell's neighbours'
association, Jordi represents it and administers the Festa Major's commission, Fàtima
administers the migrant women's association and has asked to represent the Barri Vell's.

Every association is made through the operations (registered by its first administrator,
verified by the council), so the ActionLog tells the story. Tax ids are real-format
organisation NIFs with their control character worked out (``taxid.organisation_nif``).

``seed_associations(now)`` is idempotent: it does nothing once the register has an
association, or when the demo accounts or neighbourhoods are missing."""

from datetime import timedelta

import sqlalchemy as sa

from participa.accounts.models import User
from participa.associations import operations
from participa.associations.models import AreaOfWork, Association, RepresentativeRole
from participa.associations.taxid import organisation_nif
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood

COUNCIL_EMAIL = "consell@riuclar.example"

# (Catalan, Spanish, English)
AREAS = [
    ("Veïnat i convivència", "Vecindario y convivencia", "Neighbours and living together"),
    ("Gent gran", "Personas mayores", "Older people"),
    ("Joventut", "Juventud", "Youth"),
    ("Esport", "Deporte", "Sport"),
    ("Cultura i festes", "Cultura y fiestas", "Culture and festivals"),
    ("Igualtat i feminismes", "Igualdad y feminismos", "Equality and feminisms"),
    ("Migracions i acollida", "Migraciones y acogida", "Migration and welcome"),
    ("Suport mutu", "Apoyo mutuo", "Mutual aid"),
    ("Espai públic i medi ambient", "Espacio público y medio ambiente",
     "Public space and environment"),
    ("Educació", "Educación", "Education"),
]

# name, legal form, (NIF letter, 7 digits) or None, registry no., neighbourhoods, areas,
# administrator's e-mail, contact (web, e-mail, phone, which are public), verified, description
ASSOCIATIONS = [
    ("Associació de Veïns del Barri Vell", "association", ("G", "1710234"), "ENT-0142",
     ["barri-vell"], ["Veïnat i convivència", "Espai públic i medi ambient"],
     "marta@riuclar.example",
     ("https://avvbarrivell.example.org", "avv.barrivell@riuclar.example", "972 40 12 34",
      {"website", "email"}), True,
     "Des de 1979 defensem un **Barri Vell viu**, amb carrers per caminar i places per "
     "trobar-nos. Organitzem la festa de la plaça de la Font, el cinema a la fresca i les "
     "assemblees de veïnat de cada trimestre.\n\nFem part de la Taula Comunitària del barri."),
    ("Associació de Veïns de Sant Roc", "association", ("G", "1710587"), "ENT-0157",
     ["sant-roc"], ["Veïnat i convivència"], "vei01@riuclar.example",
     ("", "avv.santroc@riuclar.example", "", {"email"}), True,
     "L'associació de veïns de Sant Roc treballa per la convivència i per uns equipaments "
     "a l'altura del barri. Ens trobem els dijous al Casal Cívic del Nord."),
    ("Associació de Veïns de Can Puig", "association", ("G", "1711046"), "ENT-0163",
     ["can-puig"], ["Veïnat i convivència", "Espai públic i medi ambient"],
     "vei02@riuclar.example", ("", "", "972 40 56 78", {"phone"}), True,
     "Veïnes i veïns de Can Puig que volem un barri amb més ombra, més verd i carrers "
     "segurs per anar a l'escola."),
    ("Associació Veïnal d'El Serrat", "association", ("G", "1711290"), "ENT-0171",
     ["el-serrat"], ["Veïnat i convivència"], "vei03@riuclar.example",
     ("", "serrat@riuclar.example", "", set()), True,
     "Preparem amb l'Ajuntament el futur pla comunitari d'El Serrat."),
    ("Associació de Veïns i Veïnes de La Florida", "association", ("G", "1708819"), "ENT-0098",
     ["la-florida"], ["Veïnat i convivència", "Suport mutu"], "vei04@riuclar.example",
     ("https://laflorida.example.org", "", "", {"website"}), True,
     "Vam impulsar el primer pla comunitari de la ciutat i el banc del temps del barri."),
    ("Associació de Veïns de Les Basses", "association", ("G", "1712455"), "",
     ["les-basses"], ["Veïnat i convivència"], "vei05@riuclar.example",
     ("", "lesbasses@riuclar.example", "", {"email"}), False,
     "Una associació nova, nascuda aquest any per donar veu al barri de Les Basses."),
    ("Casal de la Gent Gran del Barri Vell", "association", ("G", "1709033"), "ENT-0104",
     ["barri-vell"], ["Gent gran", "Cultura i festes"], "vei06@riuclar.example",
     ("", "", "972 40 98 76", {"phone"}), True,
     "Cada tarda obrim el casal: cafè, petanca, tallers de memòria, ball els diumenges i "
     "excursions. **Tothom hi és benvingut**, sobretot qui viu sol."),
    ("Grup de Joves del Casal del Nord", "association", ("G", "1712718"), "ENT-0188",
     ["sant-roc", "can-puig"], ["Joventut", "Cultura i festes"], "vei07@riuclar.example",
     ("", "joves.nord@riuclar.example", "", {"email"}), True,
     "Joves de 14 a 25 anys de Sant Roc i Can Puig: concerts, sortides, reforç escolar entre "
     "iguals i l'espai jove del divendres."),
    ("Club Esportiu Riuclar", "association", ("G", "1705526"), "ENT-0031",
     ["la-florida", "les-basses"], ["Esport", "Joventut"], "vei08@riuclar.example",
     ("https://ceriuclar.example.org",
      "club@riuclar.example", "972 41 00 22", {"website", "email", "phone"}), True,
     "Futbol, bàsquet i atletisme per a totes les edats al pavelló de La Florida. Escola "
     "esportiva amb beques per a famílies que ho necessiten."),
    ("Xarxa de Suport Mutu de La Florida", "informal_group", None, "", ["la-florida"],
     ["Suport mutu", "Gent gran"], "vei09@riuclar.example", ("", "", "", set()), True,
     "Un grup de veïnes que es fan costat: encàrrecs, acompanyaments al metge i trucades a "
     "les persones grans que viuen soles. Sense estatuts ni quotes."),
    ("Associació de Dones Migrades Teixint Riuclar", "association", ("G", "1713301"),
     "ENT-0195", ["barri-vell", "sant-roc"],
     ["Migracions i acollida", "Igualtat i feminismes", "Educació"], "fatima@riuclar.example",
     ("", "teixint@riuclar.example", "", {"email"}), True,
     "Dones d'arreu que vivim a Riuclar: classes de català, acompanyament en els tràmits, "
     "cuina compartida i un espai segur per parlar."),
    ("Comissió de Festes de la Festa Major del Nord", "association", ("G", "1713574"),
     "ENT-0199", ["sant-roc", "can-puig"], ["Cultura i festes"], "jordi@riuclar.example",
     ("", "festamajor.nord@riuclar.example", "", {"email"}), True,
     "Organitzem la Festa Major compartida de Sant Roc i Can Puig: correfoc, havaneres, "
     "fira d'entitats i el sopar popular a la plaça del Mercat."),
]


def _person(email):
    return db.session.scalar(sa.select(User).where(User.email == email))


def seed_areas() -> dict:
    """The council's areas of work (made once), by Catalan name."""
    areas = {area.name: area for area in db.session.scalars(sa.select(AreaOfWork))}
    for position, (ca, es, en) in enumerate(AREAS):
        if ca not in areas:
            areas[ca] = AreaOfWork(name=ca, position=position,
                                   translations={"es": {"name": es}, "en": {"name": en}})
            db.session.add(areas[ca])
    db.session.flush()
    return areas


def seed_associations(now) -> int:
    if db.session.scalar(sa.select(Association.id).limit(1)) is not None:
        return 0
    council = _person(COUNCIL_EMAIL)
    places = {n.slug: n for n in db.session.scalars(sa.select(Neighbourhood))}
    if council is None or not places:
        return 0
    areas = seed_areas()
    created = len(areas)
    made = {}
    for (name, form, nif, registry, hoods, area_names, admin_email, contact, verified,
         description) in ASSOCIATIONS:
        admin = _person(admin_email)
        if admin is None:
            continue
        website, email, phone, public = contact
        association = operations.register_association({
            "name": name, "legal_form": form,
            "tax_id": organisation_nif(*nif) if nif else "", "registry_number": registry,
            "neighbourhood_ids": [places[s].id for s in hoods if s in places],
            "area_ids": [areas[a].id for a in area_names], "description": description,
            "website": website, "is_website_public": "website" in public,
            "email": email, "is_email_public": "email" in public,
            "phone": phone, "is_phone_public": "phone" in public,
        }, actor=admin, now=now - timedelta(days=50))
        association.created_at = now - timedelta(days=50)
        if verified:
            operations.verify_association(association, actor=council,
                                          now=now - timedelta(days=45))
        made[name] = association
        created += 2
    created += _representatives(made, now)
    return created


def _representatives(made, now) -> int:
    """Jordi represents the Barri Vell's neighbours' association; Fàtima has asked to; Marta
    represents the Festa Major's commission too; two neighbours help run the casal."""
    created = 0
    wishes = [
        ("Associació de Veïns del Barri Vell", "jordi@riuclar.example", True, None),
        ("Associació de Veïns del Barri Vell", "fatima@riuclar.example", False, None),
        ("Comissió de Festes de la Festa Major del Nord", "marta@riuclar.example", True, None),
        ("Casal de la Gent Gran del Barri Vell", "vei10@riuclar.example", True,
         RepresentativeRole.ADMINISTRATOR),
        ("Casal de la Gent Gran del Barri Vell", "vei11@riuclar.example", True, None),
    ]
    for name, email, accepted, role in wishes:
        association, person = made.get(name), _person(email)
        if association is None or person is None:
            continue
        link = operations.ask_to_represent(association, actor=person,
                                           now=now - timedelta(days=30))
        created += 1
        if accepted:
            admin = next(r.user for r in association.representatives if r.is_administrator)
            operations.accept_representative(link, actor=admin, now=now - timedelta(days=29))
            if role is not None:
                operations.change_representative_role(link, role, actor=admin)
    return created
