"""腾讯广告 Marketing API v3.0, for pulling form leads: the OAuth refresh (oauth/token, grant_type
refresh_token) and the lead list (v3.0/leads_list/get), numbered pages for the first 5,000 rows and past
them only sequential pages after the previous page's last row (`last_search_after_values`).

There is no push receiver for 腾讯广告 here, so this module also owns the platform's field defaults.
"""

from __future__ import annotations

import json
import logging
import secrets
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

PLATFORM = "tencent"
DEFAULT_API_BASE = "https://api.e.qq.com"
TOKEN_PATH = "/oauth/token"
LEADS_PATH = "/v3.0/leads_list/get"
PAGE_SIZE = 100  # the API allows 1..200
DEEP_PAGING_AFTER = 5000  # rows reachable by page number; past them only last_search_after_values
MAX_PAGES = 1000
# Access-token refusals (not in our verified sources; taken as commonly quoted): refresh once, call again.
TOKEN_CODES = frozenset({11000, 11001, 11002})
TIME_TYPE = "TIME_TYPE_ACTION_TIME"  # filter and order on the customer's submit time, not on arrival
_TIME = "%Y-%m-%d %H:%M:%S"

# The list's standard fields -> lead fields; a form's own questions (in `bundle`) by their labels.
DEFAULTS: Mapping[str, str] = {
    "leads_name": "contact",
    "leads_telephone": "phone",
    "leads_email": "email",
    "leads_area": "city",
}


class TencentAdsClient:
    """One 腾讯广告 developer app (client_id, client_secret) reading one account's (account_id) leads."""

    platform = PLATFORM

    def __init__(
        self,
        source: LeadSourceConfig,
        session: aiohttp.ClientSession,
        clock: Clock,
        *,
        page_size: int = PAGE_SIZE,
        deep_paging_after: int = DEEP_PAGING_AFTER,
        timeout: float = 15.0,
    ) -> None:
        self._source, self._session, self._clock = source, session, clock
        self._base = (source.api_base or DEFAULT_API_BASE).rstrip("/")
        self._page_size, self._deep, self._timeout = page_size, deep_paging_after, timeout

    async def refresh(self, refresh_token: str) -> TokenPair:
        params = {
            "client_id": self._source.app_id,
            "client_secret": self._source.app_secret,
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
        }
        data = await call_json(
            self._session, "GET", self._base + TOKEN_PATH, params=params, timeout=self._timeout
        )
        code = code_of(data)
        if code != 0:
            raise RefreshRefused(self._source.name, f"腾讯广告 code {code}: {data.get('message', '')}")
        d = data.get("data") or {}
        access = d.get("access_token")
        if not isinstance(access, str) or not access:
            raise PullError("腾讯广告 oauth/token answered without an access token")
        # The docs say the refresh token is renewed on each refresh; whether it is replaced is not said,
        # so take a new one when the answer has it and keep ours otherwise.
        fresh = d.get("refresh_token")
        now = self._clock.now()
        refresh_for = d.get("refresh_token_expires_in")
        return TokenPair(
            access_token=access,
            access_expires_at=now + timedelta(seconds=lifetime(d.get("access_token_expires_in"), 86400)),
            refresh_token=fresh if isinstance(fresh, str) and fresh else refresh_token,
            refresh_expires_at=now + timedelta(seconds=lifetime(refresh_for, 2592000))
            if refresh_for
            else None,
        )

    async def pages(self, access: AccessToken, start: datetime, end: datetime) -> AsyncIterator[list[AdLead]]:
        """Every lead submitted in [start, end], a page at a time (newest first, as the API orders them)."""
        time_range = {
            "start_time": int(start.timestamp()),
            "end_time": int(end.timestamp()),
            "time_type": TIME_TYPE,
        }
        base = {
            "account_id": self._source.account_id,
            "time_range": json.dumps(time_range, separators=(",", ":")),
            "page_size": str(self._page_size),
        }
        after: list[str] | None = None
        for page in range(1, MAX_PAGES + 1):
            if page == 1 or page * self._page_size <= self._deep:
                params = {**base, "page": str(page)}
            else:
                if after is None:
                    return
                params = {**base, "last_search_after_values": json.dumps(after)}
            data = await self._call(access, params)
            rows = data.get("leads_info") or []
            if isinstance(rows, dict):
                rows = [rows]
            if not isinstance(rows, list):
                raise PullError("腾讯广告 leads_list/get answered leads_info that is not a list")
            leads = [lead for row in rows if isinstance(row, dict) and (lead := to_lead(row)) is not None]
            yield leads
            if len(rows) < self._page_size:
                return
            after = search_after(rows[-1])

    async def _call(self, access: AccessToken, params: Mapping[str, str]) -> dict[str, Any]:
        token = await access(None)
        for attempt in (1, 2):
            query = {
                **params,
                "access_token": token,
                "timestamp": str(int(self._clock.now().timestamp())),
                "nonce": secrets.token_hex(16),
            }
            url = self._base + LEADS_PATH
            data = await call_json(self._session, "GET", url, params=query, timeout=self._timeout)
            code = code_of(data)
            if code == 0:
                payload = data.get("data")
                return payload if isinstance(payload, dict) else {}
            if code in TOKEN_CODES and attempt == 1:
                log.warning("腾讯广告 refused the access token, refreshing once", extra={"code": code})
                token = await access(token)
                continue
            error = TokenRefused if code in TOKEN_CODES else PullError
            raise error(f"腾讯广告 leads_list/get answered {code}: {data.get('message', '')}")
        raise AssertionError("unreachable")


def parse_time(value: Any) -> datetime | None:
    """A lead time: "yyyy-MM-dd HH:mm:ss" (GMT+8), or unix seconds or milliseconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        number = int(text)
        return datetime.fromtimestamp(number / 1000 if number > 10**11 else number, CHINA)
    try:
        return datetime.strptime(text, _TIME).replace(tzinfo=CHINA)
    except ValueError:
        return None


def search_after(row: Mapping[str, Any]) -> list[str] | None:
    """The deep-paging key of a page's last row: its submit time in milliseconds and its lead id."""
    when = parse_time(row.get("leads_action_time"))
    if when is None or row.get("leads_id") in (None, ""):
        return None
    return [str(int(when.timestamp() * 1000)), str(row["leads_id"])]


def to_lead(row: Mapping[str, Any]) -> AdLead | None:
    lead_id = row.get("leads_id")
    when = parse_time(row.get("leads_action_time")) or parse_time(row.get("leads_create_time"))
    if lead_id in (None, "") or when is None:
        log.warning("腾讯广告 lead without an id or a time skipped", extra={"leads_id": lead_id})
        return None
    answers = flatten({k: v for k, v in row.items() if k != "bundle"})
    # `bundle`: the form's other answers, a JSON object of label -> answer, read by their labels.
    try:
        bundle = json.loads(row.get("bundle") or "{}")
    except (TypeError, ValueError):
        bundle = {}
    if isinstance(bundle, dict):
        for label, answer in flatten(bundle).items():
            answers.setdefault(label, answer)
    detail = " / ".join(str(row[k]) for k in ("adgroup_name", "component_name", "page_name") if row.get(k))
    return AdLead(PLATFORM, str(lead_id), when, answers, detail=detail, raw=dict(row))
