"""The town's stylesheet, ``/town.css``: its brand colours as CSS custom properties.

The Content-Security-Policy allows no inline style, so the colours come in a tiny stylesheet of
the site's own, linked after main.css with the colours' fingerprint in its address
(``?v=…``): it may be kept for a year, and a change of colours changes the address."""

from flask import Blueprint, current_app, request

from participa.town.look import fresh_look, town_look

bp = Blueprint("town", __name__)

YEAR = 365 * 24 * 3600


def stylesheet(look) -> str:
    return (
        "/* the town's brand colours (participa/town): the council sets them at /admin/town/ */\n"
        f":root {{ --brand: {look.primary}; --brand-dark: {look.primary_dark}; "
        f"--accent: {look.accent}; }}\n"
    )


@bp.get("/town.css")
def css():
    look = town_look()
    wanted = request.args.get("v")
    if wanted and wanted != look.version:
        # a page from another worker, newer than this worker's copy: read the row again
        look = fresh_look()
    response = current_app.response_class(stylesheet(look), mimetype="text/css")
    if wanted == look.version:
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:  # an address without this version must not keep old colours for long
        response.headers["Cache-Control"] = "public, max-age=60"
    return response
