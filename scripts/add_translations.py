"""Add new messages to the ca/es/en catalogs from a JSON file, then compile them.

    .venv/bin/python scripts/add_translations.py new-strings.json

The file is a list of entries, each {"id": msgid, "ca": ..., "es": ..., "en": ...}; a plural
message gives lists: {"id": [singular, plural], "ca": [one, other], ...}. An entry whose msgid is
already in a catalog replaces its translation there. The catalogs are rewritten under a lock so
that two people (or helpers) adding strings at once do not lose each other's.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "participa" / "translations"
LOCALES = ("ca", "es", "en")


def merge(entries):
    for locale in LOCALES:
        path = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        with open(path, "rb") as f:
            catalog = read_po(f, locale=locale)
        for entry in entries:
            msgid = tuple(entry["id"]) if isinstance(entry["id"], list) else entry["id"]
            text = entry[locale]
            string = tuple(text) if isinstance(text, list) else text
            key = msgid[0] if isinstance(msgid, tuple) else msgid
            if key in catalog:
                catalog[key].string = string
            else:
                catalog.add(msgid, string)
        with open(path, "wb") as f:
            write_po(f, catalog)


def main(argv):
    entries = []
    for name in argv[1:]:
        entries.extend(json.loads(Path(name).read_text(encoding="utf-8")))
    with open(TRANSLATIONS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        merge(entries)
        subprocess.run([str(ROOT / ".venv" / "bin" / "pybabel"), "compile", "-d",
                        str(TRANSLATIONS)], check=True, capture_output=True)
    print(f"{len(entries)} messages in ca/es/en")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
