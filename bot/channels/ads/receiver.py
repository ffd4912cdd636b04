"""The push endpoint of every ad platform: POST /leads/{platform}/{path_token}. A push is matched to its
configured source (404 for no source: nothing read, nothing stored), read under a 64 KiB cap (413),
verified (401), parsed (400), handed to `accept` as inquiries, and answered with the platform's own
success JSON once stored. A repeat of a lead is stored once by `accept` and gets the same answer; a
database failure propagates (the app answers 503, and the platform retries).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.channels.base import Accept
from bot.channels.body import BadBody, loads_json, read_capped
from bot.channels.errors import BadCallback, SignatureError
from bot.clock import Clock
from bot.config import LeadSourceConfig

from . import baidu, feiyu, generic, xiaohongshu
from .lead import to_message
from .push import PushPlatform

log = logging.getLogger("salesbot.ads")

MAX_BODY = 64 * 1024
ROUTE = "/leads/{platform}/{path_token}"
PUSH_MODULES: Mapping[str, PushPlatform] = {
    "feiyu": feiyu,
    "baidu": baidu,
    "xiaohongshu": xiaohongshu,
    "generic": generic,
}


def _key(platform: str, path_token: str) -> bytes:
    # Hashed so that every comparison is over 32 bytes, whatever the path's length.
    return hashlib.sha256(f"{platform}/{path_token}".encode("utf-8", "surrogatepass")).digest()


class AdReceiver:
    """Receives the pushes of every configured push source (sources of other platforms are ignored)."""

    def __init__(
        self, sources: Sequence[LeadSourceConfig], clock: Clock, accept: Accept, tz: ZoneInfo
    ) -> None:
        pushed = [s for s in sources if s.platform in PUSH_MODULES and s.path_token]
        self._sources = [(_key(s.platform, s.path_token), s) for s in pushed]
        self._clock = clock
        self._accept = accept
        self._tz = tz

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(ROUTE, self.receive)

    def source(self, platform: str, path_token: str) -> LeadSourceConfig | None:
        """The source a path names, compared with every configured one in constant time, so the time
        taken says nothing about how much of a path token was right."""
        key = _key(platform, path_token)
        found = None
        for candidate, source in self._sources:
            if hmac.compare_digest(key, candidate):
                found = source
        return found

    async def receive(self, request: web.Request) -> web.Response:
        platform = request.match_info["platform"]
        source = self.source(platform, request.match_info["path_token"])
        if source is None:
            log.warning("lead push to an unknown path", extra={"platform": platform[:20]})
            return _error(404, "no such lead source")
        where = {"source": source.name, "platform": source.platform}
        body = await read_capped(request, MAX_BODY)
        if body is None:
            log.warning("lead push refused: body too large", extra=where)
            return _error(413, f"body larger than {MAX_BODY} bytes")
        handler = PUSH_MODULES[source.platform]
        try:
            handler.verify(request.headers, body, source)
            data = loads_json(body)
            leads = handler.parse(data, self._clock.now(), self._tz)
        except SignatureError as e:
            log.warning("lead push refused: %s", e, extra=where)
            return _error(401, "authentication failed")
        except (BadBody, BadCallback) as e:
            log.info("lead push refused: %s", e, extra=where)
            return _error(400, str(e))
        await self._accept([to_message(lead, source, handler.DEFAULTS) for lead in leads])
        log.info("lead push accepted", extra={**where, "leads": [lead.ref for lead in leads]})
        return web.json_response(handler.SUCCESS)


def _error(status: int, message: str) -> web.Response:
    body: dict[str, Any] = {"code": status, "message": message}
    return web.json_response(body, status=status)
