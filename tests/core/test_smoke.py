from tests.support.web import login


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.data == b"ok"


def test_council_reaches_admin(client, council, commit):
    commit()
    assert client.get("/admin/").status_code == 302
    login(client, council)
    assert client.get("/admin/").status_code == 200
