"""巨量引擎 Marketing API, for pulling 飞鱼 form leads the push missed: the OAuth refresh (a new refresh token
every time) and the clue list (open_api/2/tools/clue/get/), page by page, as AdLead objects shaped like
the push's (`telphone`, `remark_dict.…`, `city_name`), so the push's field defaults apply to both.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Mapping
from datetime import datetime, timedelta
from typing import Any

import aiohttp

from bot.channels.ads.api import (
    CHINA,
    AccessToken,
    PullError,
    RefreshRefused,
    TokenRefused,
    call_json,
    code_of,
)
from bot.channels.ads.api import seconds as lifetime
from bot.channels.ads.lead import AdLead, flatten
from bot.channels.ads.oauth import TokenPair
from bot.clock import Clock
from bot.config import LeadSourceConfig

log = logging.getLogger("salesbot.ads")

PLATFORM = "feiyu"
DEFAULT_API_BASE = "https://ad.oceanengine.com"
REFRESH_PATH = "/open_api/oauth2/refresh_token/"
CLUES_PATH = "/open_api/2/tools/clue/get/"
PAGE_SIZE = 100
MAX_PAGES = 1000  # a runaway guard: a window of an hour never holds 100,000 leads
# Business codes (from the platform's published code table as commonly quoted; not in our verified
# sources): 40102 access token expired, 40104 empty, 40105 invalid. Any other non-zero answer to a
# refresh is a refusal except these, which say "not now": too frequent, system busy or failing.
TOKEN_CODES = frozenset({40102, 40104, 40105})
TRANSIENT_CODES = frozenset({40100, 40110, 50000, 50001, 50002, 51010})
_TIME = "%Y-%m-%d %H:%M:%S"


class OceanEngineClient:
    """One 巨量 developer app (app_id, secret) reading one advertiser's (account_id) clues."""

    platform = PLATFORM

    def __init__(
        self,
        source: LeadSourceConfig,
        session: aiohttp.ClientSession,
        clock: Clock,
        *,
        page_size: int = PAGE_SIZE,
        timeout: float = 15.0,
    ) -> None:
        self._source, self._session, self._clock = source, session, clock
        self._base = (source.api_base or DEFAULT_API_BASE).rstrip("/")
        self._page_size, self._timeout = page_size, timeout

    async def refresh(self, refresh_token: str) -> TokenPair:
        app_id: int | str = int(self._source.app_id) if self._source.app_id.isdigit() else self._source.app_id
        body = {
            "app_id": app_id,
            "secret": self._source.app_secret,
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
        }
        data = await call_json(
            self._session, "POST", self._base + REFRESH_PATH, body=body, timeout=self._timeout
        )
        code = code_of(data)
        if code in TRANSIENT_CODES:
            raise PullError(f"巨量 refresh_token answered {code}: {data.get('message', '')}")
        if code != 0:
            raise RefreshRefused(self._source.name, f"巨量 code {code}: {data.get('message', '')}")
        d = data.get("data") or {}
        access, fresh = d.get("access_token"), d.get("refresh_token")
        if not isinstance(access, str) or not access or not isinstance(fresh, str) or not fresh:
            raise PullError("巨量 refresh_token answered without a token pair")
        now = self._clock.now()
        return TokenPair(
            access_token=access,
            access_expires_at=now + timedelta(seconds=lifetime(d.get("expires_in"), 86400)),
            refresh_token=fresh,
            refresh_expires_at=now + timedelta(seconds=lifetime(d.get("refresh_token_expires_in"), 2592000)),
        )

    async def pages(self, access: AccessToken, start: datetime, end: datetime) -> AsyncIterator[list[AdLead]]:
        """Every clue created in [start, end], a page at a time."""
        params = {
            "advertiser_ids": json.dumps([_id(self._source.account_id)]),
            "start_time": start.astimezone(CHINA).strftime(_TIME),
            "end_time": end.astimezone(CHINA).strftime(_TIME),
            "page_size": str(self._page_size),
        }
        for page in range(1, MAX_PAGES + 1):
            data = await self._call(access, {**params, "page": str(page)})
            rows = data.get("list") or []
            if not isinstance(rows, list):
                raise PullError("巨量 clue/get answered a list that is not a list")
            yield [lead for row in rows if isinstance(row, dict) and (lead := to_lead(row)) is not None]
            info = data.get("page_info") or {}
            total_pages = info.get("total_page") if isinstance(info, dict) else None
            if not rows or (isinstance(total_pages, int) and page >= total_pages):
                return

    async def _call(self, access: AccessToken, params: Mapping[str, str]) -> dict[str, Any]:
        token = await access(None)
        for attempt in (1, 2):
            data = await call_json(
                self._session,
                "GET",
                self._base + CLUES_PATH,
                params=params,
                headers={"Access-Token": token},
                timeout=self._timeout,
            )
            code = code_of(data)
            if code == 0:
                payload = data.get("data")
                return payload if isinstance(payload, dict) else {}
            if code in TOKEN_CODES and attempt == 1:
                log.warning("巨量 refused the access token, refreshing once", extra={"code": code})
                token = await access(token)
                continue
            error = TokenRefused if code in TOKEN_CODES else PullError
            raise error(f"巨量 clue/get answered {code}: {data.get('message', '')}")
        raise AssertionError("unreachable")


def _id(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def submitted_at(clue: Mapping[str, Any]) -> datetime | None:
    """When the form was submitted: create_time_detail ("yyyy-MM-dd HH:mm:ss", GMT+8), or create_time as
    the same, unix seconds, or (the list's own, a date only) the start of that day."""
    for key in ("create_time_detail", "create_time"):
        value = clue.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return datetime.fromtimestamp(value, CHINA)
        if not isinstance(value, str) or not value.strip():
            continue
        text = value.strip()
        if text.isdigit():
            return datetime.fromtimestamp(int(text), CHINA)
        for fmt in (_TIME, "%Y-%m-%d"):
            try:
                return datetime.strptime(text, fmt).replace(tzinfo=CHINA)
            except ValueError:
                continue
    return None


def to_lead(clue: Mapping[str, Any]) -> AdLead | None:
    """A clue as the AdLead the push would have made of it; None without an id or a time."""
    lead_id, when = clue.get("clue_id") or clue.get("id"), submitted_at(clue)
    if lead_id in (None, "") or when is None:
        log.warning("巨量 clue without an id or a create time skipped", extra={"clue_id": lead_id})
        return None
    answers = flatten(clue)
    # The list spells it `telephone`, the push `telphone`: answer to both, so one field map serves both.
    if "telephone" in answers:
        answers.setdefault("telphone", answers["telephone"])
    detail = " / ".join(
        str(clue[k]) for k in ("ad_name", "promotion_name", "site_name", "module_name") if clue.get(k)
    )
    return AdLead(PLATFORM, str(lead_id), when, answers, detail=detail, raw=dict(clue))
