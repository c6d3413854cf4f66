"""Building legal texts for tests: a published version of a text in one call."""

from participa.legal import operations
from participa.legal.models import LegalKind

TERMS_CA = "## Condicions d'ús\n\nParticipa amb respecte."


def publish(kind=LegalKind.TERMS, *, actor, body=TERMS_CA, summary="", es="", en="",
            now=None):
    translations = {"es": {"body": es}, "en": {"body": en}}
    return operations.publish_legal_text(
        kind, {"body": body, "summary": summary, "translations": translations},
        actor=actor, now=now)
