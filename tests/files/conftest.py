"""What the files tests share: a proposal to attach to, its author, and an S3-compatible
server (moto) for the S3 store."""

import os

import pytest
from flask_babel import force_locale

from participa.files.storage import S3Storage
from tests.support import factories
from tests.support.proposals import make_proposal


@pytest.fixture(autouse=True)
def _in_english(_clean_state):
    """Refusals read in English here (the client tests ask for English too)."""
    with force_locale("en"):
        yield


@pytest.fixture
def author():
    return factories.make_user("resident", name="Aina Autora", email="aina@example.org",
                               locale="en")


@pytest.fixture
def other():
    return factories.make_user("resident", name="Biel Veí", email="biel@example.org",
                               locale="en")


@pytest.fixture
def proposal(process, author):
    return make_proposal(process, author, title="Ombra a la plaça del Mercat",
                         body="Plantem arbres i posem bancs.")


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server on 127.0.0.1 (moto), one per test worker."""
    from moto.server import ThreadedMotoServer

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    port = 25611 + int("".join(ch for ch in worker if ch.isdigit()) or 0)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_store(s3_server):
    store = S3Storage(bucket="participa-test", endpoint_url=s3_server, region="eu-west-1",
                      access_key="testing", secret_key="testing")
    store.client.create_bucket(Bucket="participa-test",
                               CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    yield store
    listed = store.client.list_objects_v2(Bucket="participa-test").get("Contents", [])
    for item in listed:
        store.client.delete_object(Bucket="participa-test", Key=item["Key"])
    store.client.delete_bucket(Bucket="participa-test")
