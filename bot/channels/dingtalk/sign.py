"""DingTalk's HMAC signature, shared by the robot's HTTP callback (headers `timestamp` and `sign`) and the
custom group robot's webhook (query `timestamp` and `sign`): base64(HMAC-SHA256(key = secret,
message = timestamp + "\\n" + secret)), the timestamp in milliseconds."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import datetime, timedelta

from bot.channels.errors import BadCallback, SignatureError

WINDOW = timedelta(hours=1)  # the platform's rule: a timestamp more than an hour off is refused
_MILLIS = re.compile(r"[0-9]{1,15}")


def sign(secret: str, timestamp_ms: int | str) -> str:
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def millis(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def verify(
    secret: str, timestamp: str | None, signature: str | None, now: datetime, window: timedelta = WINDOW
) -> None:
    """Refuse a request not signed with `secret` (SignatureError) or signed at a time
    further than `window` from `now` (BadCallback). The comparison is constant-time, on bytes (a
    non-ASCII header must be refused, not raise TypeError)."""
    if not secret:
        raise SignatureError("no secret configured")  # never fail open
    if not timestamp or not _MILLIS.fullmatch(timestamp):
        raise BadCallback("timestamp is not an integer of milliseconds")
    if not signature:
        raise SignatureError("no sign")
    expected = sign(secret, timestamp).encode("ascii")
    if not hmac.compare_digest(expected, signature.encode("utf-8", "surrogatepass")):
        raise SignatureError("sign does not match")
    if abs(int(timestamp) / 1000 - now.timestamp()) > window.total_seconds():
        raise BadCallback("timestamp outside the allowed window")
