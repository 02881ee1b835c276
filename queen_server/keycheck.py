"""At start-up: the encryption key must be the one the database's payloads are stored with.

The first server that starts with a key records the key's fingerprint (``queen.encryption_key``);
from then on a server whose key is missing or different refuses to start, saying so, instead
of serving ciphertext as data or failing on every pop. A database that already holds encrypted
payloads but no fingerprint (made before fingerprints were recorded) is checked by decrypting
one of them.
"""

from __future__ import annotations

import asyncpg
import orjson

from queen_server import sql
from queen_server.crypto import ENV_KEY, DecryptError, PayloadCipher

QUERIES = sql.queries("keycheck")


class KeyMismatch(RuntimeError):
    """The configured encryption key does not match the database's."""


async def check_key(conn: asyncpg.Connection, cipher: PayloadCipher | None) -> None:
    """Raise ``KeyMismatch`` when ``cipher`` (None: no key) cannot read this database's
    encrypted payloads; record the key's fingerprint when none is recorded yet."""
    recorded = await conn.fetchval(QUERIES["fingerprint"])
    if cipher is None:
        if recorded is not None:
            raise KeyMismatch(
                f"this database stores encrypted payloads (key fingerprint {recorded}) but "
                f"{ENV_KEY} is not set: start the server with that key"
            )
        return
    if recorded == cipher.fingerprint:
        return
    if recorded is not None:
        raise KeyMismatch(
            f"{ENV_KEY} is not the key this database's payloads are encrypted with (its "
            f"fingerprint is {cipher.fingerprint}, the database's {recorded}): start the "
            "server with the database's key"
        )
    sample = await conn.fetchval(QUERIES["encrypted_sample"])
    if sample is not None:
        try:
            cipher.decrypt(orjson.loads(sample))
        except DecryptError:
            raise KeyMismatch(
                f"{ENV_KEY} cannot decrypt the payloads already stored encrypted in this "
                "database: start the server with the key they were encrypted with"
            ) from None
    await conn.execute(QUERIES["record"], cipher.fingerprint)
    # two servers with different keys may start at once: the first to record wins
    recorded = await conn.fetchval(QUERIES["fingerprint"])
    if recorded != cipher.fingerprint:
        raise KeyMismatch(
            f"{ENV_KEY} is not the key another server just recorded for this database "
            f"(fingerprint {recorded}, this server's {cipher.fingerprint})"
        )
