"""DingTalk's API errors: `DingTalkError` is a call that failed, with a `kind` the outbox and the channel
can act on without knowing DingTalk's codes. Two error styles exist: the new API (api.dingtalk.com)
answers an HTTP status with {"code", "message", "requestid"}; the old one (oapi.dingtalk.com: the custom
robot and session webhooks) answers HTTP 200 with {"errcode", "errmsg"}.
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["retry", "token", "rate_limited", "quota", "config", "other"]

# Codes callers test for (always compared as strings, whichever style the platform used).
SESSION_GONE = "300001"  # a session webhook past its expiry: "session 不存在"; fall back to batchSend
ROBOT_TOO_FAST = "130101"  # custom robot: more than 20 messages a minute
ROBOT_SECURITY = "310000"  # custom robot: bad sign, stale timestamp, keyword or IP rule
INVALID_TOKEN = "InvalidAuthentication"  # the new API's refused token (seen with HTTP 401 and with 400)
QUOTA = "ApiCountLimitForOrg"  # Forbidden.AccessDenied.ApiCountLimitForOrg: the org's monthly calls are gone

# Waits, in seconds, when the platform gives none. The QPS limits are per second (服务端 API 限流:
# "sleep 1 second"); the custom robot asks for 10 minutes after 130101; an IP over 10,000 calls in 20 s
# is banned for 5 minutes.
QPS_WAIT = 2.0
ROBOT_WAIT = 600.0
IP_BAN_WAIT = 300.0

# New-API codes an admin must fix: an unknown staff id (all recipients), no such robot, a bad app secret.
_CONFIG_CODES = {"staffId.notExisted", "resource.not.found", "invalidClientIdOrSecret", "InvalidAppKey"}

# Old-API errcodes that mean the app's access_token (in the query) was refused: 40014 不合法的access_token,
# 41001 缺少access_token参数, 42001 access_token超时. 88 (鉴权异常) carries the reason in its sub_code: one
# of these is a refused token, anything else (60011 没有调用该接口的权限 ...) a permission problem.
_TOKEN_ERRCODES = {40014, 41001, 42001}
_AUTH_FAILED = 88

# Old-API errcodes -> kind (with its wait). Anything not listed is "other".
_OAPI_KINDS: dict[int, tuple[ErrorKind, float | None]] = {
    -1: ("retry", None),  # system busy
    88: ("config", None),  # auth problem with a sub_code (no permission for the API)
    90002: ("rate_limited", QPS_WAIT),  # the API's global QPS
    90018: ("rate_limited", QPS_WAIT),  # this app's QPS for the API
    90020: ("quota", None),  # the org's monthly allowance (old-API twin of ApiCountLimitForOrg)
    130101: ("rate_limited", ROBOT_WAIT),
    310000: ("config", None),
    300001: ("config", None),  # on /robot/send: "token is not exist" (wrong access_token)
    300005: ("config", None),  # "token is not exist"
}


def classify_api(status: int, code: str, *, from_token: bool = False) -> tuple[ErrorKind, float | None]:
    """The kind (and wait) of a new-API answer that is not a success. A refused token on the token endpoint
    itself means a wrong AppKey/AppSecret: "config", not "token"."""
    if QUOTA in code:
        return "quota", None
    if "QpsLimit" in code or status == 429:
        return "rate_limited", QPS_WAIT
    if status >= 500:
        return "retry", None
    if status == 401 or code == INVALID_TOKEN:
        return ("config", None) if from_token else ("token", None)
    if status == 403 or status == 404 or code in _CONFIG_CODES:
        return "config", None  # no permission for the API, IP not allowed, no such robot or staff
    if from_token and status in (400, 401, 403):
        return "config", None
    return "other", None


def classify_oapi(
    errcode: int, *, session: bool = False, app_token: bool = False, sub_code: str = ""
) -> tuple[ErrorKind, float | None]:
    """The kind (and wait) of an old-API errcode. On a session webhook 300001 means the session expired.
    With `app_token` (a call that carried the app's access_token, e.g. media/upload) a refused token is
    "token": the caller drops it and retries once; webhooks carry no app token, so they never say "token"."""
    if session and errcode == int(SESSION_GONE):
        return "other", None
    if app_token and (
        errcode in _TOKEN_ERRCODES
        or (errcode == _AUTH_FAILED and sub_code.isdigit() and int(sub_code) in _TOKEN_ERRCODES)
    ):
        return "token", None
    return _OAPI_KINDS.get(errcode, ("other", None))


class DingTalkError(Exception):
    """A DingTalk call that failed.

    `kind` says what to do: "retry" later with backoff (5xx, network errors, timeouts, system busy);
    "rate_limited" wait `retry_after` seconds (403 QpsLimit…, custom robot 130101); "quota" the org's
    monthly API calls are used up (stop calling the API, keep the outbox); "token" the token was refused
    even after one refresh; "config" an admin must fix something (robot security settings, robotCode,
    secret, permissions); "other" treat as permanent and log. `code` is the platform's code or errcode as
    a string ("" for transport failures, with `status` set when there was an HTTP answer). A session
    webhook past its expiry comes out as kind "other", code SESSION_GONE (`session_gone` is True).
    """

    def __init__(
        self,
        kind: ErrorKind,
        code: str,
        message: str = "",
        *,
        retry_after: float | None = None,
        status: int | None = None,
        path: str = "",
    ) -> None:
        self.kind: ErrorKind = kind
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.status = status
        self.path = path
        where = f" on {path}" if path else ""
        http = f" HTTP {status}" if status is not None else ""
        super().__init__(f"DingTalk error {code or '-'} ({kind}{http}){where}: {message}")

    @property
    def session_gone(self) -> bool:
        return self.code == SESSION_GONE and self.kind == "other"
