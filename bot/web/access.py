"""Who may open the local console and the manager dashboard, and as whom the visitor is looking.

With no `[console] token` only this machine may look, with nothing in front of the bot: the server must
listen on a loopback address, the request must name a loopback host (so a web page cannot reach the
console by rebinding a name of its own to 127.0.0.1) and carry no proxy's forwarding header (a reverse
proxy on this machine connects from 127.0.0.1 and sends `Host: 127.0.0.1:8080` for anyone on the
internet). With a token, anyone presenting it may look: as `?token=` once (it comes back as a cookie),
as the cookie, or as an `Authorization: Bearer` header.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from http.cookies import SimpleCookie

from aiohttp import web

from bot.config import Config, is_loopback

log = logging.getLogger("salesbot.console")

TOKEN_COOKIE = "salesbot_token"
VIEWER_COOKIE = "salesbot_as"
MAX_VIEWER = 64
# Any of these says a proxy relayed the request: whoever sent it may be anywhere.
PROXY_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP", "Via")
# What the console's and the dashboard's responses carry: the pages load nothing from anywhere else (no
# CDN), no other site may frame them (clickjacking a local user into sending as someone), and a token in
# the address never leaks in a Referer.
BROWSER_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class ConsoleAccess:
    token: str  # "": loopback only
    host: str  # where the server listens


ACCESS = web.AppKey("console_access", ConsoleAccess)


def console_enabled(config: Config) -> bool:
    """On when asked for, or ("auto") when no platform is enabled and it can be served safely."""
    mode = config.console.enabled
    if mode != "auto":
        return mode == "on"
    platforms = bool(config.chat_platforms)
    return not platforms and (bool(config.console.token) or is_loopback(config.server.host))


def install_access(app: web.Application, config: Config) -> None:
    """Called by create_app: the access rule for every page that uses check_console_access."""
    app[ACCESS] = ConsoleAccess(token=config.console.token, host=config.server.host)
    app.on_response_prepare.append(_remember_token)
    _warn_if_unreachable(config)


def _warn_if_unreachable(config: Config) -> None:
    """The warning config validation promises: "auto" on a public address without a token starts (the
    Docker image listens on 0.0.0.0) with the console off and the dashboard refusing everyone."""
    platforms = bool(config.chat_platforms)  # then off as documented, no surprise
    if config.console.enabled != "auto" or platforms or console_enabled(config):
        return
    log.warning(
        "console off and dashboard refusing every request: [server] host is not a loopback address and "
        '[console] token is not set; set it (or SALESBOT_CONSOLE_TOKEN), or [console] enabled = "off"',
        extra={"host": config.server.host},
    )


def check_console_access(request: web.Request) -> None:
    """Raises HTTPUnauthorized (no or wrong token) or HTTPForbidden (not allowed from here)."""
    access = request.app.get(ACCESS)
    if access is None:  # an app without the rule installed serves nobody
        raise web.HTTPForbidden(text="console access is not configured")
    if access.token:
        if not _token_ok(access.token, _presented_token(request)):
            raise web.HTTPUnauthorized(text="missing or wrong console token: open the page with ?token=...")
        return
    if not is_loopback(access.host):
        raise web.HTTPForbidden(text="the console needs [console] token when the server is not local")
    if any(name in request.headers for name in PROXY_HEADERS):
        raise web.HTTPForbidden(text="the console needs [console] token behind a proxy")
    if not is_loopback(_host_name(request)):
        raise web.HTTPForbidden(text="without a token the console answers only to 127.0.0.1 or localhost")


def viewer_key(request: web.Request) -> str | None:
    """The person key the visitor chose (`?as=` or the `salesbot_as` cookie); None if none or malformed.
    Only a claim: callers look the key up in [org] and must not trust it beyond what access allows."""
    value = request.query.get("as") or request.cookies.get(VIEWER_COOKIE) or ""
    value = value.strip()
    if not value or len(value) > MAX_VIEWER or not value.isprintable():
        return None
    return value


def _presented_token(request: web.Request) -> str:
    scheme, _, bearer = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and bearer.strip():
        return bearer.strip()
    return request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""


def _token_ok(expected: str, presented: str) -> bool:
    return bool(presented) and hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8"))


def _host_name(request: web.Request) -> str:
    host = request.host  # "127.0.0.1:8080", "[::1]:8080", "localhost"
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _remember_token(request: web.Request, response: web.StreamResponse) -> None:
    """A valid `?token=` becomes a cookie, so links, the event stream and reloads need not carry it."""
    access = request.app.get(ACCESS)
    token = request.query.get("token", "")
    if access is None or not access.token or not _token_ok(access.token, token):
        return
    if request.cookies.get(TOKEN_COOKIE) == token:
        return
    # Headers are final by now except for direct additions (set_cookie would be too late).
    cookie = SimpleCookie()
    cookie[TOKEN_COOKIE] = token
    cookie[TOKEN_COOKIE].update({"httponly": True, "samesite": "Strict", "path": "/"})
    if _over_https(request):
        cookie[TOKEN_COOKIE]["secure"] = True
    response.headers.add("Set-Cookie", cookie[TOKEN_COOKIE].OutputString())


def _over_https(request: web.Request) -> bool:
    """Whether the browser reached us over https: directly, or (the usual way, as the bot speaks plain
    http) through a proxy that says so. Trusting the proxy's word is safe here: a forged "https" only
    makes the sender's own cookie stricter."""
    if request.secure:
        return True
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return forwarded == "https" or (bool(request.forwarded) and request.forwarded[0].get("proto") == "https")
