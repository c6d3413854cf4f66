"""Where files live: a directory on the local disk (the default) or S3-compatible object
storage (production), chosen by ``FILE_STORAGE`` (``PARTICIPA_FILE_STORAGE=local|s3``).

Keys are made here (random, URL-safe) and checked on every use, so no key can name a path
outside the store. Both stores have the same three methods: ``put``, ``get`` and ``delete``."""

import os
import re
import secrets

KEY = re.compile(r"^[A-Za-z0-9_]{16,48}(-[a-z]{1,8})?$")


def new_key() -> str:
    """A fresh random storage key: never derived from the uploaded file's name."""
    return secrets.token_hex(16)


def checked(key: str) -> str:
    if not isinstance(key, str) or not KEY.match(key):
        raise ValueError("unsafe storage key")
    return key


class LocalStorage:
    """Files in one directory (``FILE_DIR``; by default ``instance/files``), two levels of
    sub-directories from the key so no directory grows too large."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)

    def _path(self, key: str) -> str:
        key = checked(key)
        path = os.path.abspath(os.path.join(self.root, key[:2], key))
        if not path.startswith(self.root + os.sep):
            raise ValueError("unsafe storage key")
        return path

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{secrets.token_hex(4)}.part"
        with open(temporary, "wb") as out:
            out.write(data)
        os.replace(temporary, path)

    def get(self, key: str) -> bytes | None:
        try:
            with open(self._path(key), "rb") as source:
                return source.read()
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> None:
        try:
            os.remove(self._path(key))
        except FileNotFoundError:
            pass


class S3Storage:
    """Files in an S3-compatible bucket through boto3 (AWS, MinIO, Garage, Scaleway, ...)."""

    def __init__(self, *, bucket, endpoint_url=None, region=None, access_key=None,
                 secret_key=None):
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.client = boto3.client(
            "s3", endpoint_url=endpoint_url or None, region_name=region or None,
            aws_access_key_id=access_key or None, aws_secret_access_key=secret_key or None,
            config=Config(retries={"max_attempts": 3}, connect_timeout=5, read_timeout=20),
        )

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=checked(key), Body=data,
                               ContentType=content_type)

    def get(self, key: str) -> bytes | None:
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=checked(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        return answer["Body"].read()

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=checked(key))


def storage_from_config(config, instance_path: str):
    """The store the settings choose (``FILE_STORAGE``: local or s3)."""
    kind = (config.get("FILE_STORAGE") or "local").lower()
    if kind == "s3":
        if not config.get("FILE_S3_BUCKET"):
            raise RuntimeError("PARTICIPA_FILE_S3_BUCKET must be set when "
                               "PARTICIPA_FILE_STORAGE=s3.")
        return S3Storage(
            bucket=config["FILE_S3_BUCKET"], endpoint_url=config.get("FILE_S3_ENDPOINT_URL"),
            region=config.get("FILE_S3_REGION"), access_key=config.get("FILE_S3_ACCESS_KEY"),
            secret_key=config.get("FILE_S3_SECRET_KEY"),
        )
    if kind != "local":
        raise RuntimeError(f"PARTICIPA_FILE_STORAGE must be local or s3, not {kind!r}.")
    return LocalStorage(config.get("FILE_DIR") or os.path.join(instance_path, "files"))


def active():
    """The store of the application in use (``init_app`` keeps it in ``app.extensions``):
    operations use it when no store is passed to them, as they use its database session."""
    from flask import current_app

    return current_app.extensions["participa_files"]
