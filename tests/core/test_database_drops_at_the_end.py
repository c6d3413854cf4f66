"""A database that drops as a request ends (the page is built, the session is being closed)
does not turn the finished page into a 500, and the next request finds a working connection."""

from flask import request_finished

from participa.extensions import db


def drop_the_connection(sender, response, **extra):
    """Close the request's database connection under SQLAlchemy's feet, as a restarted
    server would: the session's closing rollback then fails."""
    connection = db.session.connection()
    connection.connection.dbapi_connection.close()


def test_a_connection_lost_after_the_page_was_built(app, client, process, commit):
    commit()
    request_finished.connect(drop_the_connection, app)
    try:
        response = client.get(f"/processes/{process.slug}")
    finally:
        request_finished.disconnect(drop_the_connection, app)
    assert response.status_code == 200
    assert process.title in response.get_data(as_text=True)
    assert client.get(f"/processes/{process.slug}").status_code == 200
    assert client.get("/readyz").status_code == 200
