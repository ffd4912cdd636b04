"""The callback crypto WeChat Work and DingTalk share (WXBizMsgCrypt; DingTalk-Callback-Crypto): the SHA-1
signature over token, timestamp, nonce and ciphertext, the replay window, and AES-256-CBC with the key
from the EncodingAESKey, 32-byte PKCS#7 blocks and the framing random(16) + length + message + receive id.

Written on `cryptography` directly so that every way a callback can be broken ends in one of two
exceptions: `SignatureError` (answer 403) or `BadCallback` (answer 400). Each platform wraps the
ciphertext in its own envelope (XML, JSON) and names its own receive id (CorpID, app key).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import struct
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.channels.errors import BadCallback, SignatureError

BLOCK = 32  # WXBizMsgCrypt pads to 32-byte blocks, not AES's 16
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def check_timestamp(timestamp: str, now: datetime, window: timedelta) -> None:
    """Refuse a callback whose timestamp is not a plain integer or is further than `window` from `now`."""
    if not isinstance(timestamp, str) or not _TIMESTAMP.fullmatch(timestamp):
        raise BadCallback("timestamp is not an integer")
    if abs(int(timestamp) - now.timestamp()) > window.total_seconds():
        raise BadCallback("timestamp outside the replay window")


def pkcs7_pad(data: bytes) -> bytes:
    pad = BLOCK - len(data) % BLOCK  # 1..32: a full block of 32 when already aligned
    return data + bytes([pad]) * pad


def pkcs7_unpad(data: bytes) -> bytes:
    if not data:
        raise BadCallback("empty plaintext")
    pad = data[-1]
    if not 1 <= pad <= BLOCK or len(data) < pad or data[-pad:] != bytes([pad]) * pad:
        raise BadCallback("bad padding")
    return data[:-pad]


class CallbackCipher:
    """Signs, verifies, encrypts and decrypts callbacks for one app (token, EncodingAESKey, receive id)."""

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str) -> None:
        if len(encoding_aes_key) != 43:
            raise ValueError("EncodingAESKey must be 43 characters")
        try:
            key = base64.b64decode(encoding_aes_key + "=", validate=True)
        except binascii.Error:
            raise ValueError("EncodingAESKey is not valid base64") from None
        if len(key) != 32:
            raise ValueError("EncodingAESKey must decode to 32 bytes")
        self._token = token
        self._key = key
        self._receive_id = receive_id.encode("utf-8")

    # -- signatures -------------------------------------------------------------------------------------

    def signature(self, timestamp: str, nonce: str, encrypted: str) -> str:
        parts = sorted([self._token, timestamp, nonce, encrypted])
        return hashlib.sha1("".join(parts).encode("utf-8")).hexdigest()

    def check_signature(self, signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        expected = self.signature(timestamp, nonce, encrypted).encode("ascii")
        # Bytes, not str: compare_digest raises TypeError on non-ASCII str, and that must be a 403 too.
        if not hmac.compare_digest(expected, signature.encode("utf-8", "surrogatepass")):
            raise SignatureError("signature does not match")

    # -- raw AES ------------------------------------------------------------------------------------------

    def encrypt(self, msg: bytes, random16: bytes | None = None, *, receive_id: bytes | None = None) -> str:
        random16 = os.urandom(16) if random16 is None else random16
        if len(random16) != 16:
            raise ValueError("random16 must be 16 bytes")
        rid = self._receive_id if receive_id is None else receive_id
        plain = pkcs7_pad(random16 + struct.pack(">I", len(msg)) + msg + rid)
        return base64.b64encode(self._cbc_encrypt(plain)).decode("ascii")

    def decrypt(self, encrypted: str) -> bytes:
        """Decrypt and unwrap one ciphertext; the receive id must be ours."""
        msg, receive_id = self.unwrap(encrypted)
        if not hmac.compare_digest(receive_id, self._receive_id):
            raise BadCallback("receive id is not ours")
        return msg

    def unwrap(self, encrypted: str) -> tuple[bytes, bytes]:
        """(msg, receive id) of a ciphertext, without judging the receive id."""
        try:
            data = base64.b64decode(encrypted.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeError, ValueError):
            raise BadCallback("ciphertext is not valid base64") from None
        if not data or len(data) % BLOCK:
            raise BadCallback("ciphertext length is not a multiple of 32 bytes")
        plain = pkcs7_unpad(self._cbc_decrypt(data))
        if len(plain) < 20:
            raise BadCallback("plaintext too short")
        (length,) = struct.unpack(">I", plain[16:20])
        if 20 + length > len(plain):
            raise BadCallback("message length exceeds the plaintext")
        return plain[20 : 20 + length], plain[20 + length :]

    def encrypt_raw(self, data: bytes) -> str:
        """Encrypt whole blocks with no framing or padding: only for building broken ciphertexts in tests."""
        return base64.b64encode(self._cbc_encrypt(data)).decode("ascii")

    def _cbc_encrypt(self, data: bytes) -> bytes:
        enc = Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16])).encryptor()
        return enc.update(data) + enc.finalize()

    def _cbc_decrypt(self, data: bytes) -> bytes:
        dec = Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16])).decryptor()
        return dec.update(data) + dec.finalize()


def utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadCallback("message is not valid UTF-8") from None
