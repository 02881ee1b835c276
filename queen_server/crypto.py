"""Encryption at rest (protocol §4.13): AES-256-GCM with the key from QUEEN_ENCRYPTION_KEY.

A stored encrypted payload is ``{"encrypted": b64(ciphertext), "iv": b64(16 bytes),
"authTag": b64(16 bytes)}``; the plaintext is the compact JSON text of the payload. As upstream,
the GCM nonce is the first 12 bytes of the 16-byte ``iv``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ENV_KEY = "QUEEN_ENCRYPTION_KEY"
_TAG_BYTES = 16


class EncryptionKeyError(ValueError):
    """The configured key is not 64 hex characters."""


class DecryptError(ValueError):
    """A stored payload cannot be decrypted with this server's key (or it has none)."""


class PayloadCipher:
    """Encrypts and decrypts message payloads with one 32-byte key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise EncryptionKeyError(
                f"{ENV_KEY} must be 32 bytes (64 hex characters), got {len(key)}"
            )
        self._aead = AESGCM(key)
        #: identifies the key without revealing it (recorded in the database)
        self.fingerprint = hmac.new(
            key, b"queen encryption key fingerprint", hashlib.sha256
        ).hexdigest()[:32]

    @classmethod
    def from_hex(cls, hex_key: str) -> PayloadCipher:
        try:
            key = bytes.fromhex(hex_key.strip())
        except ValueError:
            raise EncryptionKeyError(f"{ENV_KEY} must be 64 hex characters") from None
        return cls(key)

    @classmethod
    def from_env(cls) -> PayloadCipher | None:
        """The cipher for the key in the environment, or None when no key is set."""
        hex_key = os.environ.get(ENV_KEY, "")
        return cls.from_hex(hex_key) if hex_key.strip() else None

    def encrypt(self, payload_json: bytes) -> dict[str, str]:
        """The stored shape for the given compact JSON text."""
        iv = os.urandom(16)
        sealed = self._aead.encrypt(iv[:12], payload_json, None)
        ciphertext, tag = sealed[:-_TAG_BYTES], sealed[-_TAG_BYTES:]
        return {
            "encrypted": base64.b64encode(ciphertext).decode(),
            "iv": base64.b64encode(iv).decode(),
            "authTag": base64.b64encode(tag).decode(),
        }

    def decrypt(self, stored: Any) -> Any:
        """The original payload from its stored shape (returned unchanged if not that shape)."""
        if not isinstance(stored, dict) or not {"encrypted", "iv", "authTag"} <= stored.keys():
            return stored
        try:
            iv = base64.b64decode(stored["iv"])
            sealed = base64.b64decode(stored["encrypted"]) + base64.b64decode(stored["authTag"])
            return orjson.loads(self._aead.decrypt(iv[:12], sealed, None))
        except InvalidTag:
            raise DecryptError(
                f"encrypted with another key than this server's {ENV_KEY} "
                f"(fingerprint {self.fingerprint})"
            ) from None
        except (binascii.Error, TypeError, ValueError) as exc:
            raise DecryptError(f"not a readable encrypted payload: {exc}") from None
