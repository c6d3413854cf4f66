"""Both stores keep, return and delete objects under safe keys only: the local disk and an
S3-compatible server (moto, started for the tests)."""

import pytest

from participa.files.storage import LocalStorage, new_key, storage_from_config


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return LocalStorage(str(tmp_path / "files"))
    return request.getfixturevalue("s3_store")


def test_put_get_delete(store):
    key = new_key()
    store.put(key, b"pixels", "image/webp")
    store.put(f"{key}-card", b"small", "image/webp")
    assert store.get(key) == b"pixels"
    assert store.get(f"{key}-card") == b"small"
    store.delete(key)
    assert store.get(key) is None
    store.delete(key)  # twice is harmless


@pytest.mark.parametrize("key", ["../../etc/passwd", "/etc/passwd", "..", "a/b", "",
                                 "0123456789abcdef0123/../x", "x" * 200, "ab\\cd"])
def test_unsafe_keys_are_refused(store, key):
    with pytest.raises(ValueError):
        store.put(key, b"x", "image/png")
    with pytest.raises(ValueError):
        store.get(key)


def test_keys_are_random_and_never_the_uploaded_name():
    keys = {new_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(len(key) == 32 and key.isalnum() for key in keys)


def test_the_settings_choose_the_store(tmp_path, s3_server):
    local = storage_from_config({"FILE_STORAGE": "local", "FILE_DIR": str(tmp_path)}, "/x")
    assert isinstance(local, LocalStorage) and local.root == str(tmp_path)
    default = storage_from_config({}, str(tmp_path))
    assert default.root == str(tmp_path / "files")
    s3 = storage_from_config({"FILE_STORAGE": "s3", "FILE_S3_BUCKET": "b",
                              "FILE_S3_ENDPOINT_URL": s3_server, "FILE_S3_REGION": "eu-west-1",
                              "FILE_S3_ACCESS_KEY": "k", "FILE_S3_SECRET_KEY": "s"}, "/x")
    assert s3.bucket == "b"
    with pytest.raises(RuntimeError):
        storage_from_config({"FILE_STORAGE": "s3"}, "/x")
    with pytest.raises(RuntimeError):
        storage_from_config({"FILE_STORAGE": "ftp"}, "/x")
