"""Open data and downloads: one way to answer with CSV (formula-safe cells) or JSON."""

import csv
import io
import json

from flask import Response

from participa.core.text import csv_safe


def csv_response(rows, fieldnames, filename: str, *, private=False) -> Response:
    """``rows`` (dicts) as a CSV download; ``private``: never stored by any cache."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if private:
        headers["Cache-Control"] = "private, no-store"
    return Response(buffer.getvalue(), mimetype="text/csv", headers=headers)


def json_response(rows) -> Response:
    """Public open data as JSON, readable from any site."""
    body = json.dumps(list(rows), ensure_ascii=False, indent=1)
    return Response(body, mimetype="application/json",
                    headers={"Access-Control-Allow-Origin": "*"})
