"""WeChat Work's API errors: `PlatformError` is an API call that failed, with a `kind` the outbox can act
on without knowing WeChat Work's error codes. (A bad callback is bot.channels.errors'.)
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["retry", "rate_limited", "token", "config", "kf_limit", "other"]


# errcode -> kind; anything not listed is "other". See classify().
_KINDS: dict[int, ErrorKind] = {
    -1: "retry",  # system busy; the platform itself suggests retrying later
    45009: "rate_limited",  # api freq out of limit
    45033: "rate_limited",  # too many concurrent calls
    40014: "token",  # invalid access_token
    42001: "token",  # access_token expired
    60020: "config",  # server IP not in the app's trusted IP list
    81013: "config",  # every UserID/department/tag invalid or out of the app's visibility
    40003: "config",  # invalid UserID
    40013: "config",  # invalid CorpID
    40056: "config",  # invalid agentid
    95001: "kf_limit",  # more replies to one customer message than allowed
    95002: "kf_limit",  # outside the 48-hour window after the customer's last message
}

# Suggested waits, in seconds, when the platform gives none. 45009 blocks for a while; 45033 clears fast.
_RATE_WAITS: dict[int, float] = {45009: 60.0, 45033: 5.0}


def classify(errcode: int, *, from_gettoken: bool = False) -> ErrorKind:
    """The kind of an errcode. 40001 is a bad secret on gettoken (config), a bad token elsewhere."""
    if errcode == 40001:
        return "config" if from_gettoken else "token"
    return _KINDS.get(errcode, "other")


class PlatformError(Exception):
    """A WeChat Work API call that failed.

    `errcode`/`errmsg` are the platform's (errcode -1 also stands for transport failures: network errors,
    timeouts, HTTP 5xx and bodies that are not JSON, with `status` set when there was an HTTP answer).
    `kind` says what to do: "retry" later with backoff; "rate_limited" wait `retry_after` seconds;
    "token" the token was refused even after one refresh; "config" an admin must fix something (do not
    retry); "kf_limit" hold until the customer writes again; "other" treat as permanent and log.
    """

    def __init__(
        self,
        errcode: int,
        errmsg: str,
        *,
        kind: ErrorKind | None = None,
        retry_after: float | None = None,
        status: int | None = None,
        path: str = "",
    ) -> None:
        self.errcode = errcode
        self.errmsg = errmsg
        self.kind: ErrorKind = kind if kind is not None else classify(errcode)
        if retry_after is None and self.kind == "rate_limited":
            retry_after = _RATE_WAITS.get(errcode, 60.0)
        self.retry_after = retry_after
        self.status = status
        self.path = path
        where = f" on {path}" if path else ""
        super().__init__(f"WeChat Work error {errcode} ({self.kind}){where}: {errmsg}")
