"""The WeChat Work callback endpoint: GET verifies the URL, POST accepts a message or event.

The request path only checks, decrypts, parses and hands the message to `accept` (which commits
it durably), then answers an empty 200 well inside the platform's 5-second retry deadline. Every
problem with the input is a 4xx with nothing stored; a failure to store is a 5xx so that the
platform retries.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import web

from bot.channels.body import read_capped
from bot.channels.errors import BadCallback, SignatureError
from bot.channels.wecom.crypto import MAX_BODY_BYTES, WeComCrypto
from bot.channels.wecom.inbound import open_callback, open_verification
from bot.clock import Clock
from bot.config import WeComConfig
from bot.types import Message

log = logging.getLogger("salesbot.wecom")

Accept = Callable[[Sequence[Message]], Awaitable[object]]


class WeComCallback:
    def __init__(self, config: WeComConfig, clock: Clock, accept: Accept) -> None:
        self._config = config
        self._clock = clock
        self._accept = accept
        self._crypto = WeComCrypto(config.token, config.encoding_aes_key, config.corp_id)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(self._config.callback_path, self.verify)
        app.router.add_post(self._config.callback_path, self.receive)

    async def verify(self, request: web.Request) -> web.Response:
        try:
            echo = open_verification(
                self._crypto, request.query, now=self._clock.now(), window=self._config.replay_window
            )
        except (SignatureError, BadCallback) as e:
            return _refuse(e, request)
        return web.Response(text=echo)

    async def receive(self, request: web.Request) -> web.Response:
        body = await read_capped(request, MAX_BODY_BYTES)
        if body is None:
            log.warning("wecom callback refused", extra={"reason": "body too large", "status": 413})
            return web.Response(status=413, text="body too large")
        try:
            message = open_callback(
                self._crypto, request.query, body, now=self._clock.now(), window=self._config.replay_window
            )
        except (SignatureError, BadCallback) as e:
            return _refuse(e, request)
        await self._accept([message])
        return web.Response(text="")


def _refuse(error: Exception, request: web.Request) -> web.Response:
    status = 403 if isinstance(error, SignatureError) else 400
    # The reason goes to the log only: an attacker learns nothing from the answer but the status.
    log.warning(
        "wecom callback refused", extra={"reason": str(error), "status": status, "peer": request.remote}
    )
    return web.Response(status=status, text="forbidden" if status == 403 else "bad request")
