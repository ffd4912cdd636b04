"""WeChat Work's callback envelope on the shared callback crypto: the <Encrypt> XML of a POST, the
echostr of the URL check, and the CorpID as the receive id.
"""

from __future__ import annotations

from bot.channels.callback_crypto import CallbackCipher, check_timestamp, utf8
from bot.channels.errors import BadCallback
from bot.channels.wecom.safexml import XML_ERRORS, fromstring

__all__ = ["MAX_BODY_BYTES", "WeComCrypto", "check_timestamp", "extract_encrypt"]

MAX_BODY_BYTES = 64 * 1024  # a callback body larger than this is refused before any parsing


def extract_encrypt(body: bytes) -> str:
    """The <Encrypt> text of a POST envelope, parsed safely (size cap, no DTDs, no entities)."""
    if len(body) > MAX_BODY_BYTES:
        raise BadCallback(f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        root = fromstring(body)
    except XML_ERRORS as e:
        raise BadCallback(f"envelope is not acceptable XML: {type(e).__name__}") from None
    node = root.find("Encrypt")
    if node is None or not node.text:
        raise BadCallback("envelope has no Encrypt element")
    return node.text.strip()


class WeComCrypto(CallbackCipher):
    """Signs, verifies, encrypts and decrypts callbacks for one app (token, EncodingAESKey, CorpID)."""

    # -- callbacks ----------------------------------------------------------------------------------------

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """GET URL verification: check the signature, decrypt echostr, return the text to answer with."""
        # A query decoder may turn an unescaped "+" into a space; base64 never contains spaces.
        echostr = echostr.replace(" ", "+")
        self.check_signature(msg_signature, timestamp, nonce, echostr)
        return utf8(self.decrypt(echostr))

    def decrypt_message(self, msg_signature: str, timestamp: str, nonce: str, body: bytes) -> bytes:
        """POST callback: extract <Encrypt>, check the signature before decrypting, return plaintext XML."""
        encrypted = extract_encrypt(body)
        self.check_signature(msg_signature, timestamp, nonce, encrypted)
        plain = self.decrypt(encrypted)
        utf8(plain)
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
