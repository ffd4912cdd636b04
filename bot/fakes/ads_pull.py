"""Fake 巨量引擎 and 腾讯广告 Marketing API servers, for the pull's tests and the demo.

Each holds leads with their submit times and answers the lead list page by page for a time window; its
OAuth issues access tokens that expire on the injected clock and refresh tokens that 巨量 replaces on
every refresh (the old one is refused from then on) and 腾讯广告 renews. Some of a 巨量 lead's fields
arrive only ~10 minutes after it was submitted, as the platform warns. Faults can be injected per path.
`serve_fake_ads` runs either on 127.0.0.1 port 0.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from aiohttp import web

from bot.clock import Clock
from bot.config import LeadSourceConfig

CHINA = timezone(timedelta(hours=8))
LATE_FIELDS_AFTER = timedelta(minutes=10)
_TIME = "%Y-%m-%d %H:%M:%S"
# the fakes' own codes: the clients' sets (bot.channels.ads.oceanengine / tencent) name the same ones
OE_ACCESS_EXPIRED, OE_ACCESS_INVALID, OE_REFRESH_INVALID, OE_BAD_PARAM = 40102, 40105, 40107, 40002
TX_ACCESS_INVALID, TX_ACCESS_EXPIRED, TX_REFRESH_INVALID, TX_BAD_PARAM = 11000, 11002, 11004, 31001


@dataclass
class FakeLead:
    lead_id: str
    submitted_at: datetime
    fields: dict[str, Any]
    late: dict[str, Any] = field(default_factory=dict)  # present only LATE_FIELDS_AFTER the submit


@dataclass
class Fault:
    path: str | None
    times: int
    code: int | None = None
    http_status: int | None = None


class FakeOAuth:
    """A platform's OAuth side: refresh tokens (rotated or renewed on use) and expiring access tokens."""

    def __init__(
        self, clock: Clock, *, rotate: bool, access_ttl: int = 86400, refresh_ttl: int = 2592000
    ) -> None:
        self.clock, self.rotate, self.access_ttl, self.refresh_ttl = clock, rotate, access_ttl, refresh_ttl
        self.refresh_tokens: dict[str, datetime] = {}  # the ones that work, until when
        self.access_tokens: dict[str, datetime] = {}
        self.refresh_calls: list[str] = []  # every refresh token presented, refused or not

    def authorise(self) -> str:
        """What an admin gets by authorising the app in the back office: a refresh token to configure."""
        token = f"rt_{secrets.token_hex(8)}"
        self.refresh_tokens[token] = self.clock.now() + timedelta(seconds=self.refresh_ttl)
        return token

    def revoke(self) -> None:
        """Every refresh token stops working (an admin revoked the authorisation, or 30 days passed)."""
        self.refresh_tokens.clear()

    def refresh(self, token: str) -> dict[str, Any] | None:
        self.refresh_calls.append(token)
        until = self.refresh_tokens.get(token)
        if until is None or until <= self.clock.now():
            return None
        now = self.clock.now()
        if self.rotate:
            del self.refresh_tokens[token]
            token = f"rt_{secrets.token_hex(8)}"
        self.refresh_tokens[token] = now + timedelta(seconds=self.refresh_ttl)
        access = f"at_{secrets.token_hex(8)}"
        self.access_tokens[access] = now + timedelta(seconds=self.access_ttl)
        return {"access_token": access, "refresh_token": token, "expires_in": self.access_ttl,
                "refresh_token_expires_in": self.refresh_ttl}  # fmt: skip

    def check(self, access: str) -> str:
        """ "ok", "expired" or "invalid"."""
        until = self.access_tokens.get(access)
        if until is None:
            return "invalid"
        return "ok" if self.clock.now() < until else "expired"

    def expire_access_tokens(self) -> None:
        now = self.clock.now()
        self.access_tokens = dict.fromkeys(self.access_tokens, now)


class _FakeAds:
    """What both fakes share: leads, recorded requests, faults, serving."""

    def __init__(self, clock: Clock, oauth: FakeOAuth, *, app_id: str, secret: str, account_id: str) -> None:
        self.clock, self.oauth, self.app_id, self.secret, self.account_id = (
            clock,
            oauth,
            app_id,
            secret,
            account_id,
        )
        self.leads: list[FakeLead] = []
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.faults: list[Fault] = []

    def add_lead(self, lead_id: str, submitted_at: datetime, late: Mapping[str, Any] | None = None,
                 **fields: Any) -> FakeLead:  # fmt: skip
        lead = FakeLead(lead_id, submitted_at, dict(fields), dict(late or {}))
        self.leads.append(lead)
        return lead

    def inject(self, *, path: str | None = None, times: int = 1, code: int | None = None,
               http_status: int | None = None) -> None:  # fmt: skip
        """Fail the next `times` calls (to `path`, or any) with a business code or an HTTP status."""
        self.faults.append(Fault(path, times, code, http_status))

    def calls(self, path: str) -> list[dict[str, Any]]:
        return [args for p, args in self.requests if p == path]

    def source(self, api_base: str, *, name: str, platform: str, **overrides: Any) -> LeadSourceConfig:
        """A [[lead_sources]] entry for this fake, with a refresh token freshly authorised."""
        values: dict[str, Any] = {"name": name, "platform": platform, "pull": True, "app_id": self.app_id,
                                  "app_secret": self.secret, "account_id": self.account_id,
                                  "refresh_token": self.oauth.authorise(), "api_base": api_base}  # fmt: skip
        return LeadSourceConfig(**{**values, **overrides})

    def _visible(self, lead: FakeLead, start: datetime, end: datetime) -> dict[str, Any] | None:
        now = self.clock.now()
        if lead.submitted_at > now or not start <= lead.submitted_at <= end:
            return None
        late = lead.late if now - lead.submitted_at >= LATE_FIELDS_AFTER else {}
        return {**lead.fields, **late}

    def _fault(self, path: str) -> web.Response | dict[str, Any] | None:
        fault = next((f for f in self.faults if f.times > 0 and f.path in (None, path)), None)
        if fault is None:
            return None
        fault.times -= 1
        if fault.http_status is not None:
            return web.Response(
                status=fault.http_status, text="<html>502 Bad Gateway</html>", content_type="text/html"
            )
        return {"code": fault.code, "message": "injected"}

    async def handle(self, request: web.Request) -> web.StreamResponse:
        args: dict[str, Any] = dict(request.query)
        if "Access-Token" in request.headers:
            args["Access-Token"] = request.headers["Access-Token"]
        if request.can_read_body:
            try:
                args.update(json.loads(await request.read()))
            except ValueError:
                return _json({"code": 40000, "message": "bad json"})
        self.requests.append((request.path, args))
        fault = self._fault(request.path)
        if isinstance(fault, web.Response):
            return fault
        return _json(fault if fault is not None else self.route(request, args))

    def route(self, request: web.Request, args: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError


class FakeOceanEngine(_FakeAds):
    """巨量引擎: POST /open_api/oauth2/refresh_token/, GET /open_api/2/tools/clue/get/."""

    def __init__(self, clock: Clock, *, app_id: str = "1700000000000001", secret: str = "oe-secret",
                 advertiser_id: str = "1760000000000001", max_page_size: int = 100) -> None:  # fmt: skip
        super().__init__(
            clock, FakeOAuth(clock, rotate=True), app_id=app_id, secret=secret, account_id=advertiser_id
        )
        self.max_page_size = max_page_size

    def route(self, request: web.Request, args: dict[str, Any]) -> dict[str, Any]:
        if request.path == "/open_api/oauth2/refresh_token/":
            return self._refresh(args)
        if request.path == "/open_api/2/tools/clue/get/":
            return self._clues(request.headers.get("Access-Token", ""), args)
        return {"code": 40400, "message": "no such api"}

    def _refresh(self, b: dict[str, Any]) -> dict[str, Any]:
        if (
            str(b.get("app_id")) != self.app_id
            or b.get("secret") != self.secret
            or b.get("grant_type") != "refresh_token"
        ):
            return {"code": 40001, "message": "app_id or secret invalid"}
        data = self.oauth.refresh(str(b.get("refresh_token", "")))
        if data is None:
            return {"code": OE_REFRESH_INVALID, "message": "refresh_token invalid or expired"}
        return {"code": 0, "message": "OK", "request_id": secrets.token_hex(8), "data": data}

    def _clues(self, access: str, q: dict[str, Any]) -> dict[str, Any]:
        state = self.oauth.check(access)
        if state != "ok":
            code = OE_ACCESS_EXPIRED if state == "expired" else OE_ACCESS_INVALID
            return {"code": code, "message": f"access token {state}"}
        try:
            advertisers = [str(a) for a in json.loads(q["advertiser_ids"])]
            start = datetime.strptime(q["start_time"], _TIME).replace(tzinfo=CHINA)
            end = datetime.strptime(q["end_time"], _TIME).replace(tzinfo=CHINA)
            page, size = int(q.get("page", 1)), int(q.get("page_size", 10))
        except (KeyError, ValueError, TypeError):
            return {"code": OE_BAD_PARAM, "message": "bad parameters"}
        if advertisers != [self.account_id] or not 1 <= size <= self.max_page_size or page < 1:
            return {"code": OE_BAD_PARAM, "message": "bad advertiser_ids or paging"}
        found = [
            (lead, shown) for lead in self.leads if (shown := self._visible(lead, start, end)) is not None
        ]
        found.sort(key=lambda item: item[0].submitted_at)
        rows = [self._clue(lead, shown) for lead, shown in found[(page - 1) * size : page * size]]
        total_page = max(1, -(-len(found) // size))
        page_info = {"page": page, "page_size": size, "total_number": len(found), "total_page": total_page}
        return {"code": 0, "message": "OK", "data": {"list": rows, "page_info": page_info}}

    def _clue(self, lead: FakeLead, shown: dict[str, Any]) -> dict[str, Any]:
        at = lead.submitted_at.astimezone(CHINA)
        return {"clue_id": lead.lead_id, "advertiser_id": self.account_id, "clue_type": 0, "clue_source": 1,
                "create_time": at.strftime("%Y-%m-%d"), "create_time_detail": at.strftime(_TIME),
                **shown}  # fmt: skip


class FakeTencentAds(_FakeAds):
    """腾讯广告: GET /oauth/token, GET /v3.0/leads_list/get (numbered pages up to `deep_paging_after` rows,
    then only last_search_after_values)."""

    def __init__(self, clock: Clock, *, client_id: str = "1112223334", secret: str = "tx-secret",
                 account_id: str = "25610", max_page_size: int = 200, deep_paging_after: int = 5000,
                 rotate: bool = False) -> None:  # fmt: skip
        super().__init__(
            clock, FakeOAuth(clock, rotate=rotate), app_id=client_id, secret=secret, account_id=account_id
        )
        self.max_page_size, self.deep_paging_after = max_page_size, deep_paging_after
        self.nonces: set[str] = set()

    def route(self, request: web.Request, args: dict[str, Any]) -> dict[str, Any]:
        if request.path == "/oauth/token":
            return self._token(args)
        if request.path == "/v3.0/leads_list/get":
            return self._leads(args)
        return {"code": 404, "message": "no such api"}

    def _token(self, q: dict[str, Any]) -> dict[str, Any]:
        if q.get("client_id") != self.app_id or q.get("client_secret") != self.secret:
            return {"code": 11006, "message": "client_id or client_secret invalid"}
        if q.get("grant_type") != "refresh_token":
            return {"code": TX_BAD_PARAM, "message": "unsupported grant_type"}
        data = self.oauth.refresh(str(q.get("refresh_token", "")))
        if data is None:
            return {"code": TX_REFRESH_INVALID, "message": "refresh_token invalid or expired"}
        return {"code": 0, "message": "", "data": {"access_token": data["access_token"],
                "refresh_token": data["refresh_token"], "access_token_expires_in": data["expires_in"],
                "refresh_token_expires_in": data["refresh_token_expires_in"]}}  # fmt: skip

    def _leads(self, q: dict[str, Any]) -> dict[str, Any]:
        state = self.oauth.check(str(q.get("access_token", "")))
        if state != "ok":
            code = TX_ACCESS_EXPIRED if state == "expired" else TX_ACCESS_INVALID
            return {"code": code, "message": f"access_token {state}"}
        try:
            stamp, nonce = int(q["timestamp"]), str(q["nonce"])
            time_range = json.loads(q["time_range"])
            start, end = (
                datetime.fromtimestamp(int(time_range[k]), CHINA) for k in ("start_time", "end_time")
            )
            size = int(q.get("page_size", 10))
            after = json.loads(q["last_search_after_values"]) if "last_search_after_values" in q else None
            page = int(q.get("page", 1))
        except (KeyError, ValueError, TypeError):
            return {"code": TX_BAD_PARAM, "message": "bad parameters"}
        if abs(stamp - self.clock.now().timestamp()) > 300 or nonce in self.nonces or len(nonce) > 32:
            return {"code": TX_BAD_PARAM, "message": "timestamp or nonce invalid"}
        self.nonces.add(nonce)
        if (
            str(q.get("account_id")) != self.account_id
            or time_range.get("time_type") != "TIME_TYPE_ACTION_TIME"
        ):
            return {"code": TX_BAD_PARAM, "message": "bad account_id or time_type"}
        if not 1 <= size <= self.max_page_size or start >= end:
            return {"code": TX_BAD_PARAM, "message": "bad page_size or time_range"}
        found = [
            (lead, shown) for lead in self.leads if (shown := self._visible(lead, start, end)) is not None
        ]
        found.sort(
            key=lambda item: (item[0].submitted_at, int(item[0].lead_id)), reverse=True
        )  # newest first
        if after is not None:
            if not isinstance(after, list) or len(after) != 2:
                return {"code": TX_BAD_PARAM, "message": "last_search_after_values must hold 2 values"}
            key = (int(after[0]), int(after[1]))
            chosen = [item for item in found if (_ms(item[0].submitted_at), int(item[0].lead_id)) < key][
                :size
            ]
        else:
            if page > 1 and page * size > self.deep_paging_after:
                return {"code": TX_BAD_PARAM, "message": "past the first rows use last_search_after_values"}
            chosen = found[(page - 1) * size : page * size]
        rows = [self._row(lead, shown) for lead, shown in chosen]
        total_page = max(1, -(-len(found) // size))
        page_info = {"page": page, "page_size": size, "total_number": len(found), "total_page": total_page}
        return {"code": 0, "message": "", "data": {"leads_info": rows, "page_info": page_info}}

    def _row(self, lead: FakeLead, shown: dict[str, Any]) -> dict[str, Any]:
        at = lead.submitted_at.astimezone(CHINA).strftime(_TIME)
        own = {k: v for k, v in shown.items() if k.startswith("leads_") or k in ("adgroup_name", "page_name")}
        bundle = {k: v for k, v in shown.items() if k not in own}
        return {"account_id": int(self.account_id), "leads_id": int(lead.lead_id), "leads_action_time": at,
                "leads_create_time": at, **own, "bundle": json.dumps(bundle, ensure_ascii=False)}  # fmt: skip


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def _json(data: Mapping[str, Any]) -> web.Response:
    return web.json_response(data, dumps=lambda d: json.dumps(d, ensure_ascii=False))


@asynccontextmanager
async def serve_fake_ads(fake: _FakeAds) -> AsyncIterator[str]:
    """Run a fake on 127.0.0.1 port 0; yields its base URL (use it as the source's api_base)."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    runner = web.AppRunner(app, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()
