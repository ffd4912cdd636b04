"""The manager dashboard: a static page that draws its own charts and one JSON endpoint behind it.

It uses the console's access rule (bot.web.access) and then the chat's rights: the viewer is the
[org] person the visitor chose, and sees what that person would see by asking in the chat.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Config
from bot.web.access import BROWSER_HEADERS, check_console_access, viewer_key
from bot.web.dashboard_data import RANGES, Range, dashboard_data
from handlers.rights import ProductLines
from storage.people import find_person_by_platform_id

log = logging.getLogger("salesbot.dashboard")

STATIC = Path(__file__).parent / "dashboard_static"
ASSETS = {"dashboard.js": "application/javascript", "dashboard.css": "text/css"}
HEADERS = {**BROWSER_HEADERS, "Cache-Control": "no-store"}
NOT_A_PERSON = (
    "无法确认你的身份，看板只对组织架构中的销售、主管和管理员开放。"
    "请先在控制台（/console）选择你自己，或在地址后加上 ?as=你的账号。"
)
BAD_RANGE = "时间范围只能是本周（week）或本月（month）。"


class Dashboard:
    """The dashboard's routes; `catalog` is the app's, read when product lines are isolated."""

    def __init__(
        self,
        config: Config,
        clock: Clock,
        sessions: Callable[[], async_sessionmaker[AsyncSession]],
        catalog: ProductLines,
    ) -> None:
        self.config, self.clock, self.sessions = config, clock, sessions  # sessions exist once started
        self._catalog = catalog

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/dashboard", self.page)
        app.router.add_get("/dashboard/{asset}", self.asset)
        app.router.add_get("/api/dashboard", self.data)

    def catalog(self) -> ProductLines | None:
        if not self.config.org.isolate_product_lines:
            return None  # rights ignore product lines then
        return self._catalog

    async def page(self, request: web.Request) -> web.StreamResponse:
        check_console_access(request)
        return web.FileResponse(STATIC / "dashboard.html", headers={**HEADERS, "Content-Type": "text/html"})

    async def asset(self, request: web.Request) -> web.StreamResponse:
        # Code and styles only, no data: served without the token, so a page opened with ?token= loads
        # them whether or not the browser kept the token cookie.
        name = request.match_info["asset"]
        if name not in ASSETS:
            raise web.HTTPNotFound()
        return web.FileResponse(STATIC / name, headers={**HEADERS, "Content-Type": ASSETS[name]})

    async def data(self, request: web.Request) -> web.Response:
        check_console_access(request)
        key = request.query.get("range", "week")
        if key not in RANGES:
            return _error(400, BAD_RANGE)
        viewer = viewer_key(request)
        async with self.sessions()() as session:
            person = await find_person_by_platform_id(session, "console", viewer) if viewer else None
            if person is None:
                log.info("dashboard refused: not a person", extra={"viewer": viewer})
                return _error(403, NOT_A_PERSON)
            range_key: Range = "month" if key == "month" else "week"
            now = self.clock.now()
            body = await dashboard_data(session, person, self.config, self.catalog(), now, range_key)
        return web.json_response(body, headers=HEADERS)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=HEADERS)
