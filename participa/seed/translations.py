"""The demo town's council texts in Spanish and English: its plans, goals, processes, their
categories and several meetings, found by slug or Catalan title once the town is built.

Left untranslated on purpose, so the demo shows the fallback (the Catalan text, marked
``lang="ca"``): the draft plan and process, the English of the "Festa Major compartida" and the
meetings not listed here."""

from sqlalchemy import select

from participa.extensions import db
from participa.meetings.models import Meeting
from participa.plans.models import CommunityPlan, Goal
from participa.processes.models import Category, Process

PLANS = {
    "pla-comunitari-barri-vell": {
        "es": {
            "title": "Plan Comunitario del Barri Vell",
            "summary": "Vecinas, entidades y servicios públicos trabajando juntos por un barrio "
                       "a la medida de todas las personas que viven en él.",
            "body": "El **Plan Comunitario del Barri Vell** es una plataforma de trabajo "
                    "conjunto entre el vecindario, el tejido asociativo, las entidades del "
                    "tercer sector y los servicios públicos.\n\n"
                    "## Objetivos\n\n"
                    "- Fortalecer las relaciones y los vínculos entre las personas del barrio.\n"
                    "- Prevenir el aislamiento social de las personas mayores.\n"
                    "- Recuperar el espacio público como lugar de encuentro.\n\n"
                    "Más información en la [Mesa Comunitaria](https://example.org/taula).",
        },
        "en": {
            "title": "Barri Vell Community Plan",
            "summary": "Neighbours, associations and public services working together for a "
                       "neighbourhood that fits everyone who lives in it.",
            "body": "The **Barri Vell Community Plan** is a joint platform for residents, "
                    "local associations, voluntary organisations and public services.\n\n"
                    "## Goals\n\n"
                    "- Strengthen the relationships and ties between the people of the "
                    "neighbourhood.\n"
                    "- Prevent social isolation among older people.\n"
                    "- Win back public space as a place to meet.\n\n"
                    "Find out more from the [Community Round Table](https://example.org/taula).",
        },
    },
    "pla-comunitari-sant-roc-can-puig": {
        "es": {
            "title": "Plan Comunitario de Sant Roc y Can Puig",
            "summary": "Un plan de planes: dos barrios vecinos que comparten equipamientos, "
                       "escuelas y retos.",
            "body": "Sant Roc y Can Puig comparten el Centro Cívico del Norte, dos escuelas y el "
                    "mercado. Este plan reúne las dos mesas comunitarias para **compartir "
                    "recursos** e impulsar proyectos propios con una identidad común.\n\n"
                    "## Líneas de trabajo\n\n"
                    "1. Convivencia y espacio público.\n"
                    "2. Jóvenes y ocio educativo.\n"
                    "3. Economía social y cooperativa.",
        },
        "en": {
            "title": "Sant Roc and Can Puig Community Plan",
            "summary": "A plan of plans: two neighbouring districts that share facilities, "
                       "schools and challenges.",
            "body": "Sant Roc and Can Puig share the North Civic Centre, two schools and the "
                    "market. This plan brings their two community round tables together to "
                    "**share resources** and drive projects of their own under a common "
                    "identity.\n\n"
                    "## Lines of work\n\n"
                    "1. Living together and public space.\n"
                    "2. Young people and educational leisure.\n"
                    "3. Social and cooperative economy.",
        },
    },
    "pla-desenvolupament-comunitari-la-florida": {
        "es": {
            "title": "Plan de Desarrollo Comunitario de La Florida",
            "summary": "El primer plan comunitario de la ciudad (2019–2025): balance y "
                       "aprendizajes.",
            "body": "Durante seis años, el plan impulsó la red de apoyo mutuo, el banco del "
                    "tiempo y la comisión de fiestas. Ahora hacemos su evaluación compartida.",
        },
        "en": {
            "title": "La Florida Community Development Plan",
            "summary": "The town's first community plan (2019–2025): results and lessons "
                       "learnt.",
            "body": "For six years the plan drove the mutual support network, the time bank "
                    "and the festivities committee. Now we are evaluating it together.",
        },
    },
}

# goals, by their Catalan title
GOALS = {
    "Enfortir les relacions i els vincles entre les persones del barri": {
        "es": {"title": "Fortalecer las relaciones y los vínculos entre las personas del barrio",
               "description": "Que más vecinas y vecinos se conozcan, se encuentren y hagan "
                              "cosas juntos, y que las entidades trabajen en red en la **Mesa "
                              "Comunitaria**."},
        "en": {"title": "Strengthen the relationships and ties between the people of the "
                        "neighbourhood",
               "description": "More neighbours getting to know each other, meeting and doing "
                              "things together, and associations working as a network at the "
                              "**Community Round Table**."},
    },
    "Prevenir l'aïllament social de la gent gran": {
        "es": {"title": "Prevenir el aislamiento social de las personas mayores",
               "description": "Detectar y acompañar a las personas mayores que viven solas, con "
                              "el programa de visitas y las comidas compartidas del casal."},
        "en": {"title": "Prevent social isolation among older people",
               "description": "Find and support older people who live alone, through the home "
                              "visits programme and the shared lunches at the community "
                              "centre."},
    },
    "Recuperar l'espai públic com a lloc de trobada": {
        "es": {"title": "Recuperar el espacio público como lugar de encuentro",
               "description": "Plazas, solares y calles donde estar, jugar y cultivar: un barrio "
                              "donde la gente sale a la calle."},
        "en": {"title": "Win back public space as a place to meet",
               "description": "Squares, empty plots and streets to spend time in, play and grow "
                              "things: a neighbourhood where people go out."},
    },
    "Convivència i espai públic": {
        "es": {"title": "Convivencia y espacio público",
               "description": "Una plaza del Mercado y unas calles compartidas por todas las "
                              "edades y orígenes."},
        "en": {"title": "Living together and public space",
               "description": "A Market Square and streets shared by people of every age and "
                              "background."},
    },
    "Joves i oci educatiu": {
        "es": {"title": "Jóvenes y ocio educativo",
               "description": "Más actividades y espacios para los jóvenes de los dos barrios, "
                              "pensados con ellos."},
        "en": {"title": "Young people and educational leisure",
               "description": "More activities and spaces for young people in both "
                              "neighbourhoods, designed with them."},
    },
    "Economia social i cooperativa": {
        "es": {"title": "Economía social y cooperativa",
               "description": "Impulsar cooperativas, el banco del tiempo y el comercio de "
                              "proximidad."},
        "en": {"title": "Social and cooperative economy",
               "description": "Support cooperatives, the time bank and local shops."},
    },
}

PROCESSES = {
    "pressupostos-participatius-barri-vell": {
        "es": {"title": "Presupuestos participativos del Barri Vell 2027",
               "summary": "Decidimos entre todas cómo invertir 250.000 € en el barrio.",
               "description": "Presenta propuestas para mejorar el barrio, apoya las que más te "
                              "gusten y, en la fase de votación, elige las que se harán.\n\n"
                              "Las propuestas deben ser **de interés general**, de competencia "
                              "municipal y tener un coste estimado inferior a 100.000 €."},
        "en": {"title": "Barri Vell Participatory Budget 2027",
               "summary": "Deciding together how to invest €250,000 in the neighbourhood.",
               "description": "Put forward proposals to improve the neighbourhood, support the "
                              "ones you like best and, in the voting phase, choose the ones "
                              "that will be carried out.\n\n"
                              "Proposals must be **in the general interest**, within the "
                              "council's remit and cost less than an estimated €100,000."},
    },
    "places-i-espais-verds-sant-roc": {
        "es": {"title": "Plazas y espacios verdes de Sant Roc y Can Puig",
               "summary": "¿Cómo queremos que sean la plaza del Mercado y los huertos del Rec?",
               "description": "Debate abierto sobre los usos de la plaza del Mercado, la sombra, "
                              "los juegos infantiles y los huertos comunitarios del Rec."},
        "en": {"title": "Squares and green spaces in Sant Roc and Can Puig",
               "summary": "What do we want the Market Square and the Rec allotments to be like?",
               "description": "An open debate on how the Market Square is used, shade, "
                              "children's play areas and the Rec community allotments."},
    },
    "festa-major-compartida": {  # English left out on purpose: the demo's fallback
        "es": {"title": "Fiesta Mayor compartida del Norte",
               "summary": "Una sola fiesta mayor para los dos barrios, organizada con las "
                          "entidades.",
               "description": "Las comisiones de fiestas de Sant Roc y de Can Puig proponen una "
                              "fiesta compartida. Empezamos a recoger ideas el mes que viene."},
    },
    "xarxa-suport-mutu-la-florida": {
        "es": {"title": "Red de apoyo mutuo de La Florida",
               "summary": "Evaluación compartida de la red de apoyo mutuo (2020–2025).",
               "description": "La red acompañó a más de 300 familias. Este proceso recogió su "
                              "valoración."},
        "en": {"title": "La Florida mutual support network",
               "summary": "A shared evaluation of the mutual support network (2020–2025).",
               "description": "The network supported more than 300 families. This process "
                              "gathered their assessment of it."},
    },
    "cooperacio-local-entitats": {
        "es": {"title": "Programa de cooperación local con las entidades",
               "summary": "Elige qué proyectos de las asociaciones recibirán apoyo municipal "
                          "este año.",
               "description": "El asociacionismo es la forma natural de vertebrar la sociedad "
                              "civil. Vota los proyectos de entidades que quieres que reciban "
                              "apoyo."},
        "en": {"title": "Local cooperation programme with associations",
               "summary": "Choose which associations' projects will receive council support "
                          "this year.",
               "description": "Associations are how civil society naturally organises itself. "
                              "Vote for the projects you want to be supported."},
    },
    "inversions-barri-vell-2027": {
        "es": {"title": "Inversiones del Barri Vell 2027: votación",
               "summary": "Vota cómo se invierten 300.000 € en el Barri Vell: elige los "
                          "proyectos que quieras, hasta agotar el presupuesto.",
               "description": "Los proyectos salen de las propuestas que el vecindario presentó "
                              "en primavera y que los servicios técnicos han valorado. Puede "
                              "votar quien vive en el Barri Vell y tiene al menos 16 años: "
                              "verifícate con el padrón y elige.\n\n"
                              "Se cuenta con el **Método de las Partes Iguales**: cada persona "
                              "que vota tiene la misma parte del presupuesto."},
        "en": {"title": "Barri Vell Investments 2027: vote",
               "summary": "Vote on how €300,000 is invested in Barri Vell: choose the projects "
                          "you want, up to the budget.",
               "description": "The projects come from the proposals residents put forward in "
                              "the spring, as assessed by the council's technical services. "
                              "Anyone who lives in Barri Vell and is at least 16 may vote: "
                              "check yourself against the local register and choose.\n\n"
                              "Votes are counted with the **Method of Equal Shares**: everyone "
                              "who votes has the same share of the budget."},
    },
    "pressupostos-participatius-riuclar-2026": {
        "es": {"title": "Presupuestos participativos de Riuclar 2026",
               "summary": "La primera votación de ciudad: 250.000 € para proyectos de todos "
                          "los barrios. Ya tienes los resultados.",
               "description": "Votaron más de trescientas personas. Los resultados se publican "
                              "con las dos formas de contar, para que todo el mundo pueda "
                              "compararlas, y con todas las papeletas (sin nombres) para "
                              "volver a contarlas."},
        "en": {"title": "Riuclar Participatory Budget 2026",
               "summary": "The first town-wide vote: €250,000 for projects in every "
                          "neighbourhood. The results are out.",
               "description": "More than three hundred people voted. The results are published "
                              "with both counting methods, so that everyone can compare them, "
                              "and with every ballot (without names) so anyone can recount "
                              "them."},
    },
}

# categories, by their Catalan name (the same name reads the same in every process)
CATEGORIES = {
    "Espai públic": ("Espacio público", "Public space"),
    "Gent gran": ("Personas mayores", "Older people"),
    "Cultura i lleure": ("Cultura y ocio", "Culture and leisure"),
    "Medi ambient": ("Medio ambiente", "Environment"),
    "Plaça del Mercat": ("Plaza del Mercado", "Market Square"),
    "Horts del Rec": ("Huertos del Rec", "Rec allotments"),
    "Mobilitat": ("Movilidad", "Getting around"),
    "Activitats": ("Actividades", "Activities"),
    "Voluntariat": ("Voluntariado", "Volunteering"),
    "Acompanyament": ("Acompañamiento", "Support"),
    "Banc del temps": ("Banco del tiempo", "Time bank"),
    "Associacions veïnals": ("Asociaciones vecinales", "Residents' associations"),
    "Entitats culturals": ("Entidades culturales", "Cultural associations"),
    "Voluntariat social": ("Voluntariado social", "Social volunteering"),
    "Equipaments": ("Equipamientos", "Public facilities"),
    "Cultura": ("Cultura", "Culture"),
}

_AGENDA = {
    "es": "Abierto a todo el vecindario; traed ideas y ganas de hablar.\n\n**Orden del día**"
          "\n\n1. Bienvenida\n2. Presentación\n3. Turno abierto de palabra",
    "en": "Open to all residents; bring your ideas and be ready to talk.\n\n**Agenda**\n\n"
          "1. Welcome\n2. Presentation\n3. Open floor",
}

# meetings, by their Catalan title: (Spanish, English)
MEETINGS = {
    "Assemblea de barri: presentació de propostes": (
        "Asamblea de barrio: presentación de propuestas",
        "Neighbourhood assembly: presenting proposals"),
    "Taller d'ombres i arbrat per a la plaça de la Font": (
        "Taller de sombras y arbolado para la plaza de la Font",
        "Workshop on shade and trees for Plaça de la Font"),
    "Sessió informativa en línia sobre els pressupostos": (
        "Sesión informativa en línea sobre los presupuestos",
        "Online information session on the budget"),
    "Passejada exploratòria pel Barri Vell": (
        "Paseo exploratorio por el Barri Vell",
        "Exploratory walk around Barri Vell"),
    "Debat obert a la plaça del Mercat": (
        "Debate abierto en la plaza del Mercado",
        "Open debate in the Market Square"),
    "Taller de disseny dels horts del Rec": (
        "Taller de diseño de los huertos del Rec",
        "Design workshop for the Rec allotments"),
}


def seed_translations() -> int:
    """Give the demo's plans, goals, processes, categories and meetings their Spanish and
    English texts, where they have none yet (a council's own edits are kept). Returns how
    many rows were given translations."""
    given = 0

    def give(row, translations):
        nonlocal given
        if row is not None and not row.translations:
            row.translations = translations
            given += 1

    for slug, translations in PLANS.items():
        give(db.session.scalar(select(CommunityPlan).where(CommunityPlan.slug == slug)),
             translations)
    for title, translations in GOALS.items():
        for goal in db.session.scalars(select(Goal).where(Goal.title == title)):
            give(goal, translations)
    for slug, translations in PROCESSES.items():
        give(db.session.scalar(select(Process).where(Process.slug == slug)), translations)
    for category in db.session.scalars(select(Category).where(
            Category.name.in_(list(CATEGORIES)))):
        spanish, english = CATEGORIES[category.name]
        give(category, {"es": {"name": spanish}, "en": {"name": english}})
    for meeting in db.session.scalars(select(Meeting).where(Meeting.title.in_(list(MEETINGS)))):
        spanish, english = MEETINGS[meeting.title]
        give(meeting, {"es": {"title": spanish, "description": f"{spanish}. {_AGENDA['es']}"},
                       "en": {"title": english, "description": f"{english}. {_AGENDA['en']}"}})
    db.session.flush()
    return given
