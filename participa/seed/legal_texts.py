"""The demo town's legal texts, as Riuclar's council would publish them, in Catalan, Spanish and
English: the legal notice, the privacy policy (GDPR and Spain's LOPDGDD), the terms of use of
the participation platform (two versions: the second adds the rules on moderation) and the
accessibility statement (the model of Royal Decree 1112/2018 and the EU's). Plain data: the
seeding lives in ``participa.seed.legal``."""

COUNCIL = {
    "ca": "Ajuntament de Riuclar",
    "es": "Ayuntamiento de Riuclar",
    "en": "Riuclar Town Council",
}

NOTICE = {
    "ca": """## Titular del lloc web

En compliment de l'article 10 de la Llei 34/2002, d'11 de juliol, de serveis de la societat de
la informació i de comerç electrònic, us informem que aquest lloc web, **Participa Riuclar**, és
titularitat de:

- **Ajuntament de Riuclar**, administració local
- NIF: P1799900J
- Adreça: Plaça de la Vila, 1, 17999 Riuclar (Girona)
- Telèfon: 972 40 00 00
- Correu electrònic: [participa@riuclar.example](mailto:participa@riuclar.example)

## Objecte

Participa Riuclar és l'espai digital on el veïnat fa propostes, debat, s'inscriu a trobades i
vota en els processos participatius i els plans comunitaris dels barris. L'ús del lloc web
implica acceptar aquest avís legal i, si us hi registreu, les condicions d'ús.

## Propietat intel·lectual

Els textos i les imatges que publica l'Ajuntament es poden reutilitzar citant-ne la font,
d'acord amb la Llei 37/2007 sobre reutilització de la informació del sector públic. El que
publiquen les persones participants és seu, en els termes que expliquen les condicions d'ús. El
programari de la plataforma és programari lliure.

## Responsabilitat

L'Ajuntament vetlla perquè la informació sigui correcta i estigui al dia, però no es fa
responsable de les opinions que publiquen les persones participants ni del contingut dels llocs
web externs enllaçats.

## Legislació aplicable

Aquest avís legal es regeix per la legislació espanyola i catalana. Per a qualsevol
controvèrsia, són competents els jutjats i tribunals de Girona.
""",
    "es": """## Titular del sitio web

En cumplimiento del artículo 10 de la Ley 34/2002, de 11 de julio, de servicios de la sociedad
de la información y de comercio electrónico, te informamos de que este sitio web, **Participa
Riuclar**, es titularidad de:

- **Ayuntamiento de Riuclar**, administración local
- NIF: P1799900J
- Dirección: Plaça de la Vila, 1, 17999 Riuclar (Girona)
- Teléfono: 972 40 00 00
- Correo electrónico: [participa@riuclar.example](mailto:participa@riuclar.example)

## Objeto

Participa Riuclar es el espacio digital donde el vecindario hace propuestas, debate, se inscribe
a encuentros y vota en los procesos participativos y los planes comunitarios de los barrios. El
uso del sitio web implica aceptar este aviso legal y, si te registras, las condiciones de uso.

## Propiedad intelectual

Los textos y las imágenes que publica el Ayuntamiento se pueden reutilizar citando la fuente, de
acuerdo con la Ley 37/2007 sobre reutilización de la información del sector público. Lo que
publican las personas participantes es suyo, en los términos que explican las condiciones de
uso. El software de la plataforma es software libre.

## Responsabilidad

El Ayuntamiento vela por que la información sea correcta y esté al día, pero no se hace
responsable de las opiniones que publican las personas participantes ni del contenido de los
sitios web externos enlazados.

## Legislación aplicable

Este aviso legal se rige por la legislación española y catalana. Para cualquier controversia,
son competentes los juzgados y tribunales de Girona.
""",
    "en": """## Owner of the website

In accordance with article 10 of Spain's Law 34/2002 of 11 July on information society services
and electronic commerce, this website, **Participa Riuclar**, is owned by:

- **Riuclar Town Council** (Ajuntament de Riuclar), a local authority
- Tax number (NIF): P1799900J
- Address: Plaça de la Vila, 1, 17999 Riuclar (Girona), Spain
- Telephone: +34 972 40 00 00
- E-mail: [participa@riuclar.example](mailto:participa@riuclar.example)

## Purpose

Participa Riuclar is the online space where residents make proposals, debate, register for
meetings and vote in the town's participatory processes and neighbourhood community plans. Using
the website means accepting this legal notice and, if you register, the terms of use.

## Intellectual property

The texts and images the council publishes may be reused provided the source is credited, under
Law 37/2007 on the re-use of public sector information. What participants publish remains
theirs, on the terms set out in the terms of use. The platform's software is free software.

## Liability

The council takes care that the information is accurate and up to date, but it is not
responsible for the opinions participants publish, nor for the content of external websites
linked from here.

## Applicable law

This legal notice is governed by Spanish and Catalan law. The courts of Girona have jurisdiction
over any dispute.
""",
}

PRIVACY = {
    "ca": """## Qui tracta les vostres dades

El responsable del tractament és l'**Ajuntament de Riuclar** (Plaça de la Vila, 1, 17999
Riuclar; [participa@riuclar.example](mailto:participa@riuclar.example)). Podeu contactar amb la
persona delegada de protecció de dades a [dpd@riuclar.example](mailto:dpd@riuclar.example).

## Quines dades tractem i per a què

- **Dades del compte**: nom, adreça electrònica, contrasenya (xifrada), llengua i, si ho
  indiqueu, barri. Serveixen per identificar-vos, deixar-vos participar i enviar-vos els avisos
  que demaneu.
- **El que publiqueu**: propostes, comentaris, suports, inscripcions a trobades i vots. Les
  propostes i els comentaris es publiquen amb el vostre nom; els vots dels pressupostos són
  secrets i no es poden relacionar amb la vostra persona.
- **Verificació amb el padró**, quan un procés la demana: només se'n guarda una empremta
  xifrada, mai el número del document.
- **Dades tècniques**: l'adreça IP i l'hora de les accions, per protegir la plataforma d'abusos.

## Base jurídica

El tractament es basa en l'exercici de les competències municipals en matèria de participació
ciutadana (article 6.1.e del Reglament general de protecció de dades, RGPD; Llei 7/1985
reguladora de les bases del règim local) i, per als avisos opcionals, en el vostre consentiment
(article 6.1.a RGPD), que podeu retirar quan vulgueu.

## Qui les rep

No cedim les vostres dades a tercers, tret d'obligació legal. L'empresa que allotja la
plataforma hi accedeix com a encarregada del tractament, amb contracte i dins de la Unió
Europea.

## Quant de temps les guardem

Mentre tingueu el compte obert. Si el tanqueu, esborrem les dades del compte; el que heu
publicat queda anonimitzat. Els registres tècnics es guarden com a màxim un any.

## Els vostres drets

Podeu exercir els drets d'accés, rectificació, supressió, oposició, limitació i portabilitat
(articles 15 a 22 RGPD i Llei orgànica 3/2018, LOPDGDD) escrivint a
[dpd@riuclar.example](mailto:dpd@riuclar.example) o a la seu electrònica. Si no esteu d'acord
amb la resposta, podeu reclamar a l'[Autoritat Catalana de Protecció de
Dades](https://apdcat.gencat.cat).

## Galetes

Només fem servir les galetes imprescindibles perquè funcioni la sessió i es recordi la llengua.
No hi ha galetes d'analítica ni de publicitat.
""",
    "es": """## Quién trata tus datos

El responsable del tratamiento es el **Ayuntamiento de Riuclar** (Plaça de la Vila, 1, 17999
Riuclar; [participa@riuclar.example](mailto:participa@riuclar.example)). Puedes contactar con la
persona delegada de protección de datos en [dpd@riuclar.example](mailto:dpd@riuclar.example).

## Qué datos tratamos y para qué

- **Datos de la cuenta**: nombre, correo electrónico, contraseña (cifrada), idioma y, si lo
  indicas, barrio. Sirven para identificarte, dejarte participar y enviarte los avisos que
  pidas.
- **Lo que publicas**: propuestas, comentarios, apoyos, inscripciones a encuentros y votos. Las
  propuestas y los comentarios se publican con tu nombre; los votos de los presupuestos son
  secretos y no se pueden relacionar contigo.
- **Verificación con el padrón**, cuando un proceso la pide: solo se guarda una huella cifrada,
  nunca el número del documento.
- **Datos técnicos**: la dirección IP y la hora de las acciones, para proteger la plataforma de
  abusos.

## Base jurídica

El tratamiento se basa en el ejercicio de las competencias municipales en materia de
participación ciudadana (artículo 6.1.e del Reglamento general de protección de datos, RGPD; Ley
7/1985 reguladora de las bases del régimen local) y, para los avisos opcionales, en tu
consentimiento (artículo 6.1.a RGPD), que puedes retirar cuando quieras.

## Quién los recibe

No cedemos tus datos a terceros, salvo obligación legal. La empresa que aloja la plataforma
accede a ellos como encargada del tratamiento, con contrato y dentro de la Unión Europea.

## Cuánto tiempo los guardamos

Mientras tengas la cuenta abierta. Si la cierras, borramos los datos de la cuenta; lo que has
publicado queda anonimizado. Los registros técnicos se guardan como máximo un año.

## Tus derechos

Puedes ejercer los derechos de acceso, rectificación, supresión, oposición, limitación y
portabilidad (artículos 15 a 22 RGPD y Ley Orgánica 3/2018, LOPDGDD) escribiendo a
[dpd@riuclar.example](mailto:dpd@riuclar.example) o en la sede electrónica. Si no estás de
acuerdo con la respuesta, puedes reclamar ante la [Autoritat Catalana de Protecció de
Dades](https://apdcat.gencat.cat).

## Cookies

Solo usamos las cookies imprescindibles para que funcione la sesión y se recuerde el idioma. No
hay cookies de analítica ni de publicidad.
""",
    "en": """## Who processes your data

The controller is **Riuclar Town Council** (Plaça de la Vila, 1, 17999 Riuclar;
[participa@riuclar.example](mailto:participa@riuclar.example)). You can reach the data
protection officer at [dpd@riuclar.example](mailto:dpd@riuclar.example).

## What data we process and why

- **Account data**: name, e-mail address, password (hashed), language and, if you give it,
  neighbourhood. They identify you, let you take part and send you the notices you ask for.
- **What you publish**: proposals, comments, supports, meeting registrations and votes.
  Proposals and comments are published under your name; budget votes are secret and cannot be
  linked to you.
- **Census verification**, when a process asks for it: only a keyed fingerprint is kept, never
  the document number.
- **Technical data**: the IP address and time of actions, to protect the platform from abuse.

## Legal basis

Processing is based on the council's public powers over citizen participation (article 6(1)(e)
of the General Data Protection Regulation, GDPR; Law 7/1985 on local government) and, for
optional notices, on your consent (article 6(1)(a) GDPR), which you may withdraw at any time.

## Who receives them

We do not pass your data to third parties unless the law requires it. The company hosting the
platform accesses them as a processor, under contract and within the European Union.

## How long we keep them

While your account is open. If you close it, we delete the account data; what you published is
anonymised. Technical logs are kept for one year at most.

## Your rights

You may exercise your rights of access, rectification, erasure, objection, restriction and
portability (articles 15 to 22 GDPR and Organic Law 3/2018, LOPDGDD) by writing to
[dpd@riuclar.example](mailto:dpd@riuclar.example) or through the council's e-office. If you
disagree with the answer, you may complain to the [Catalan Data Protection
Authority](https://apdcat.gencat.cat).

## Cookies

We only use the cookies the session and your language choice need. There are no analytics or
advertising cookies.
""",
}

_TERMS_COMMON = {
    "ca": """## Objecte

Aquestes condicions regulen l'ús de **Participa Riuclar**, la plataforma de participació de
l'Ajuntament de Riuclar. Per fer propostes, comentar, donar suport, inscriure-us a trobades o
votar cal tenir un compte i acceptar-les.

## El vostre compte

- El compte és personal: feu-hi servir el vostre nom i una adreça electrònica vostra.
- Guardeu la contrasenya; si creieu que algú més la coneix, canvieu-la.
- Podeu tancar el compte quan vulgueu des de «El meu compte».

## Com participem

- Parleu de les idees, no de les persones: el respecte és la primera norma.
- No publiqueu insults, amenaces, discursos d'odi, publicitat ni dades personals d'altres persones.
- Les propostes han de ser de competència municipal i concretes.
- Només es pot votar una vegada en cada votació, i només si es compleixen els requisits del procés.
""",
    "es": """## Objeto

Estas condiciones regulan el uso de **Participa Riuclar**, la plataforma de participación del
Ayuntamiento de Riuclar. Para hacer propuestas, comentar, apoyar, inscribirte a encuentros o
votar hace falta tener una cuenta y aceptarlas.

## Tu cuenta

- La cuenta es personal: usa tu nombre y una dirección de correo tuya.
- Guarda la contraseña; si crees que alguien más la conoce, cámbiala.
- Puedes cerrar la cuenta cuando quieras desde «Mi cuenta».

## Cómo participamos

- Habla de las ideas, no de las personas: el respeto es la primera norma.
- No publiques insultos, amenazas, discursos de odio, publicidad ni datos personales de otras
  personas.
- Las propuestas deben ser de competencia municipal y concretas.
- Solo se puede votar una vez en cada votación, y solo si se cumplen los requisitos del proceso.
""",
    "en": """## Purpose

These terms govern the use of **Participa Riuclar**, Riuclar Town Council's participation
platform. To make proposals, comment, support, register for meetings or vote you need an account
and must accept them.

## Your account

- Your account is personal: use your own name and an e-mail address of your own.
- Keep your password safe; if you think someone else knows it, change it.
- You can close your account at any time from "My account".

## How we take part

- Discuss ideas, not people: respect is the first rule.
- Do not publish insults, threats, hate speech, advertising or other people's personal data.
- Proposals must be concrete and about matters the council is responsible for.
- You may vote only once in each vote, and only if you meet the process's requirements.
""",
}

_TERMS_END = {
    "ca": """## El que publiqueu

El que publiqueu és vostre, però autoritzeu l'Ajuntament a mostrar-ho a la plataforma i a fer-ne
servir el contingut per als informes dels processos, amb una llicència Creative Commons
Reconeixement-CompartirIgual 4.0.

## Canvis en aquestes condicions

Si les condicions canvien, us demanarem que les torneu a acceptar la propera vegada que inicieu
la sessió. Les versions anteriors es poden consultar en aquesta mateixa pàgina.
""",
    "es": """## Lo que publicas

Lo que publicas es tuyo, pero autorizas al Ayuntamiento a mostrarlo en la plataforma y a usar su
contenido para los informes de los procesos, con una licencia Creative Commons
Reconocimiento-CompartirIgual 4.0.

## Cambios en estas condiciones

Si las condiciones cambian, te pediremos que las vuelvas a aceptar la próxima vez que inicies
sesión. Las versiones anteriores se pueden consultar en esta misma página.
""",
    "en": """## What you publish

What you publish is yours, but you allow the council to show it on the platform and to use its
content in the processes' reports, under a Creative Commons Attribution-ShareAlike 4.0 licence.

## Changes to these terms

If the terms change, we will ask you to accept them again the next time you sign in. Earlier
versions can be read on this same page.
""",
}

_MODERATION = {
    "ca": """## Moderació

Qualsevol persona pot denunciar un contingut que incompleixi aquestes normes. Les persones
dinamitzadores i l'Ajuntament el revisen i, si cal, l'amaguen, sempre explicant-ne el motiu. Qui
n'és autor pot demanar que es revisi la decisió. Els comptes que incompleixen les normes de
manera greu o repetida es poden bloquejar.

""",
    "es": """## Moderación

Cualquier persona puede denunciar un contenido que incumpla estas normas. Las personas
dinamizadoras y el Ayuntamiento lo revisan y, si hace falta, lo ocultan, siempre explicando el
motivo. Quien es autor puede pedir que se revise la decisión. Las cuentas que incumplen las
normas de manera grave o repetida se pueden bloquear.

""",
    "en": """## Moderation

Anyone can report content that breaks these rules. The facilitators and the council review it
and, if needed, hide it, always giving the reason. Its author may ask for the decision to be
reviewed. Accounts that break the rules seriously or repeatedly may be blocked.

""",
}

TERMS_V1 = {lang: _TERMS_COMMON[lang] + "\n" + _TERMS_END[lang] for lang in COUNCIL}
TERMS_V2 = {lang: _TERMS_COMMON[lang] + "\n" + _MODERATION[lang] + _TERMS_END[lang]
            for lang in COUNCIL}
TERMS_V2_SUMMARY = {
    "ca": "S'hi afegeix l'apartat de moderació: denúncies, motius i revisió de les decisions.",
    "es": "Se añade el apartado de moderación: denuncias, motivos y revisión de las decisiones.",
    "en": "A section on moderation is added: reports, reasons and reviewing decisions.",
}

ACCESSIBILITY = {
    "ca": """L'Ajuntament de Riuclar s'ha compromès a fer accessible el seu lloc web Participa
Riuclar, de conformitat amb el Reial decret 1112/2018, de 7 de setembre, sobre accessibilitat
dels llocs web i aplicacions per a dispositius mòbils del sector públic, i amb la Directiva (UE)
2016/2102.

Aquesta declaració d'accessibilitat s'aplica a participa.riuclar.example.

## Situació de compliment

Aquest lloc web és **parcialment conforme** amb el Reial decret 1112/2018 i amb la norma UNE-EN
301549:2022, a causa de les excepcions i la manca de conformitat dels aspectes que s'indiquen a
continuació.

## Contingut no accessible

- Alguns documents PDF antics adjunts als processos no estan etiquetats correctament.
- Els vídeos de les sessions del Consell de Barri no sempre tenen subtítols.
- Alguns mapes dels barris són imatges sense una alternativa textual completa.

Estem substituint els documents antics per versions accessibles i subtitulant els vídeos nous.

## Preparació d'aquesta declaració

Aquesta declaració es va preparar a partir d'una autoavaluació feta per l'Ajuntament, que inclou
proves automàtiques amb axe-core en totes les pàgines principals i revisions manuals amb teclat
i lector de pantalla. Es va revisar per última vegada el 2 de desembre de 2026.

## Observacions i dades de contacte

Podeu comunicar-nos qualsevol problema d'accessibilitat, o demanar la informació que no us
arribi en un format accessible, a
[accessibilitat@riuclar.example](mailto:accessibilitat@riuclar.example) o al 972 40 00 00. Us
respondrem en un termini màxim de vint dies hàbils.

## Procediment d'aplicació

Si, un cop feta una sol·licitud d'informació accessible o una queixa, no n'esteu satisfets,
podeu presentar una reclamació a l'Ajuntament per la seu electrònica, que la resoldrà d'acord
amb l'article 13 del Reial decret 1112/2018.
""",
    "es": """El Ayuntamiento de Riuclar se ha comprometido a hacer accesible su sitio web
Participa Riuclar, de conformidad con el Real Decreto 1112/2018, de 7 de septiembre, sobre
accesibilidad de los sitios web y aplicaciones para dispositivos móviles del sector público, y
con la Directiva (UE) 2016/2102.

Esta declaración de accesibilidad se aplica a participa.riuclar.example.

## Situación de cumplimiento

Este sitio web es **parcialmente conforme** con el Real Decreto 1112/2018 y con la norma UNE-EN
301549:2022, debido a las excepciones y a la falta de conformidad de los aspectos que se indican
a continuación.

## Contenido no accesible

- Algunos documentos PDF antiguos adjuntos a los procesos no están etiquetados correctamente.
- Los vídeos de las sesiones del Consejo de Barrio no siempre tienen subtítulos.
- Algunos mapas de los barrios son imágenes sin una alternativa textual completa.

Estamos sustituyendo los documentos antiguos por versiones accesibles y subtitulando los vídeos
nuevos.

## Preparación de esta declaración

Esta declaración se preparó a partir de una autoevaluación realizada por el Ayuntamiento, que
incluye pruebas automáticas con axe-core en todas las páginas principales y revisiones manuales
con teclado y lector de pantalla. Se revisó por última vez el 2 de diciembre de 2026.

## Observaciones y datos de contacto

Puedes comunicarnos cualquier problema de accesibilidad, o pedir la información que no te llegue
en un formato accesible, en
[accessibilitat@riuclar.example](mailto:accessibilitat@riuclar.example) o en el 972 40 00 00. Te
responderemos en un plazo máximo de veinte días hábiles.

## Procedimiento de aplicación

Si, una vez realizada una solicitud de información accesible o una queja, no estás satisfecho,
puedes presentar una reclamación al Ayuntamiento por la sede electrónica, que la resolverá de
acuerdo con el artículo 13 del Real Decreto 1112/2018.
""",
    "en": """Riuclar Town Council is committed to making its website Participa Riuclar
accessible, in accordance with Spain's Royal Decree 1112/2018 of 7 September on the
accessibility of public sector websites and mobile applications, and with Directive (EU)
2016/2102.

This accessibility statement applies to participa.riuclar.example.

## Compliance status

This website is **partially compliant** with Royal Decree 1112/2018 and with the standard EN 301
549 (UNE-EN 301549:2022), owing to the exceptions and non-compliances listed below.

## Non-accessible content

- Some older PDF documents attached to processes are not properly tagged.
- Videos of the Neighbourhood Council's sessions do not always have subtitles.
- Some neighbourhood maps are images without a complete text alternative.

We are replacing the older documents with accessible versions and subtitling new videos.

## Preparation of this statement

This statement was prepared from a self-assessment by the council, including automated tests
with axe-core on every main page and manual checks with a keyboard and a screen reader. It was
last reviewed on 2 December 2026.

## Feedback and contact details

You can tell us about any accessibility problem, or ask for information you cannot get in an
accessible format, at [accessibilitat@riuclar.example](mailto:accessibilitat@riuclar.example) or
on +34 972 40 00 00. We will answer within twenty working days.

## Enforcement procedure

If, after asking for accessible information or making a complaint, you are not satisfied, you
may file a claim with the council through its e-office, which will decide on it under article 13
of Royal Decree 1112/2018.
""",
}
