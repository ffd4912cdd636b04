"""What every channel's edge raises for a request it refuses, so callers never see binascii, XML or
cryptography errors: `SignatureError` means "answer 403", `BadCallback` means "answer 400"."""

from __future__ import annotations


class SignatureError(Exception):
    """The callback's signature does not match: not from WeChat Work (or the token is misconfigured)."""


class BadCallback(Exception):
    """A callback that cannot be used: bad body, bad ciphertext, wrong CorpID, a missing field."""
