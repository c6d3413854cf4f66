"""Who lives in the demo town: the demo accounts (one of every role) and the neighbours who
support and discuss its proposals. Every account's password is DEMO_PASSWORD."""

DEMO_PASSWORD = "plans-comunitaris-2026"

# (email, name, role, password)
DEMO_ACCOUNTS = [
    ("consell@riuclar.example", "Montse Puigdollers (Ajuntament)", "council", DEMO_PASSWORD),
    ("dinamitzadora@riuclar.example", "Aina Vilaró (dinamitzadora)", "facilitator", DEMO_PASSWORD),
    ("marta@riuclar.example", "Marta Soler", "resident", DEMO_PASSWORD),
    ("jordi@riuclar.example", "Jordi Casals", "resident", DEMO_PASSWORD),
    ("fatima@riuclar.example", "Fàtima El Idrissi", "resident", DEMO_PASSWORD),
]

NEIGHBOURS = [
    "Núria Ferrer", "Pere Roca", "Laia Serra", "Ahmed Benali", "Rosa Vidal", "Joan Puig",
    "Carme Font", "Oriol Bosch", "Yolanda Martín", "Xavier Mas", "Mireia Pons", "Ibrahima Diallo",
    "Teresa Sala", "Marc Riera", "Lucía García", "Albert Prat", "Imma Coll", "Sergi Vila",
    "Elena Ruiz", "Pau Camps", "Dolors Bonet", "Wei Chen", "Montserrat Mir", "Gerard Soler",
]
