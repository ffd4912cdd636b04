"""WeChat Work callback crypto (WXBizMsgCrypt): signature, replay window, AES-256-CBC decrypt and encrypt.

Written on `cryptography` directly so that every way a callback can be broken ends in one of our two
exceptions: `SignatureError` (answer 403) or `BadCallback` (answer 400).
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

import defusedxml.ElementTree as SafeET
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from defusedxml import DefusedXmlException

from bot.channels.wecom.errors import BadCallback, SignatureError

MAX_BODY_BYTES = 64 * 1024  # a callback body larger than this is refused before any parsing
BLOCK = 32  # WXBizMsgCrypt pads to 32-byte blocks, not AES's 16
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_XML_ERRORS = (SafeET.ParseError, DefusedXmlException, ValueError, UnicodeError)


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


def extract_encrypt(body: bytes) -> str:
    """The <Encrypt> text of a POST envelope, parsed safely (size cap, no DTDs, no entities)."""
    if len(body) > MAX_BODY_BYTES:
        raise BadCallback(f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        root = SafeET.fromstring(body, forbid_dtd=True)
    except _XML_ERRORS as e:
        raise BadCallback(f"envelope is not acceptable XML: {type(e).__name__}") from None
    node = root.find("Encrypt")
    if node is None or not node.text:
        raise BadCallback("envelope has no Encrypt element")
    return node.text.strip()


class WeComCrypto:
    """Signs, verifies, encrypts and decrypts callbacks for one app (token, EncodingAESKey, CorpID)."""

    def __init__(self, token: str, encoding_aes_key: str, corp_id: str) -> None:
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
        self._corp_id = corp_id.encode("utf-8")

    # -- signatures -------------------------------------------------------------------------------------

    def signature(self, timestamp: str, nonce: str, encrypted: str) -> str:
        parts = sorted([self._token, timestamp, nonce, encrypted])
        return hashlib.sha1("".join(parts).encode("utf-8")).hexdigest()

    def check_signature(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        expected = self.signature(timestamp, nonce, encrypted).encode("ascii")
        # Bytes, not str: compare_digest raises TypeError on non-ASCII str, and that must be a 403 too.
        if not hmac.compare_digest(expected, msg_signature.encode("utf-8", "surrogatepass")):
            raise SignatureError("msg_signature does not match")

    # -- callbacks ----------------------------------------------------------------------------------------

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """GET URL verification: check the signature, decrypt echostr, return the text to answer with."""
        # A query decoder may turn an unescaped "+" into a space; base64 never contains spaces.
        echostr = echostr.replace(" ", "+")
        self.check_signature(msg_signature, timestamp, nonce, echostr)
        return _utf8(self.decrypt(echostr))

    def decrypt_message(self, msg_signature: str, timestamp: str, nonce: str, body: bytes) -> bytes:
        """POST callback: extract <Encrypt>, check the signature before decrypting, return plaintext XML."""
        encrypted = extract_encrypt(body)
        self.check_signature(msg_signature, timestamp, nonce, encrypted)
        plain = self.decrypt(encrypted)
        _utf8(plain)
        return plain

    def encrypt_message(
        self, plaintext_xml: str, nonce: str, timestamp: str, random16: bytes | None = None
    ) -> str:
        """The POST envelope XML WeChat Work would send (or a passive reply) for `plaintext_xml`."""
        encrypted = self.encrypt(plaintext_xml.encode("utf-8"), random16)
        sig = self.signature(timestamp, nonce, encrypted)
        return (
            f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>"
            f"<MsgSignature><![CDATA[{sig}]]></MsgSignature>"
            f"<TimeStamp>{timestamp}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>"
        )

    # -- raw AES ------------------------------------------------------------------------------------------

    def encrypt(self, msg: bytes, random16: bytes | None = None, *, receive_id: bytes | None = None) -> str:
        random16 = os.urandom(16) if random16 is None else random16
        if len(random16) != 16:
            raise ValueError("random16 must be 16 bytes")
        rid = self._corp_id if receive_id is None else receive_id
        plain = pkcs7_pad(random16 + struct.pack(">I", len(msg)) + msg + rid)
        return base64.b64encode(self._cbc_encrypt(plain)).decode("ascii")

    def decrypt(self, encrypted: str) -> bytes:
        """Decrypt and unwrap one ciphertext; the receive id must be our CorpID."""
        msg, receive_id = self.unwrap(encrypted)
        if not hmac.compare_digest(receive_id, self._corp_id):
            raise BadCallback("receive id is not our CorpID")
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


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadCallback("message is not valid UTF-8") from None
