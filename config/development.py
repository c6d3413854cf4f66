"""Development: SQLite in instance/, outbox mail, a fixed insecure key."""

SECRET_KEY = "dev-only-not-secret-change-me"
DEBUG = False
# the key of ballots' and the census's keyed hashes: never in the database (production sets its own)
BALLOT_KEY = "dev-only-ballot-key-change-me"
