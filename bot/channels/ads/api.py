"""What the ad platforms' pull APIs (巨量 Marketing API, 腾讯广告 Marketing API) have in common: one JSON
call with its failures sorted into "try again at the next pull" and "an admin must re-authorise"."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta, timezone
from typing import Any

import aiohttp

CHINA = timezone(timedelta(hours=8))  # both platforms speak GMT+8 in their time strings
AccessToken = Callable[[str | None], Awaitable[str]]  # a usable access token; given a refused one, a new one


class PullError(Exception):
    """A pull that failed for now (network, the platform's 5xx, a business error): the next pull retries,
    and since the cursor did not move it covers the same window again."""


class TokenRefused(PullError):
    """The platform refused the access token (expired early, revoked): refresh once and call again."""


class RefreshRefused(Exception):
    """The platform refused the refresh token (expired, revoked, already used, or the app's secret is
    wrong): nothing but an admin re-authorising the app helps, so pulling stops until a restart."""

    def __init__(self, source: str, detail: str) -> None:
        super().__init__(
            f"lead source {source!r}: the platform refused the refresh token ({detail}); re-authorise the "
            f"app in the platform's developer console, put the new refresh_token in [[lead_sources]] "
            f"{source!r} (check app_id and app_secret too) and restart"
        )
        self.source = source
        self.detail = detail


async def call_json(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    timeout: float,
    params: Mapping[str, str] | None = None,
    body: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """One call answering a JSON object; a network failure, a timeout, a non-200 answer or one that is not
    a JSON object raises PullError. The business `code` is the caller's to read."""
    try:
        async with session.request(
            method,
            url,
            params=params,
            json=body,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as resp:
            status, raw = resp.status, await resp.read()
    except TimeoutError:
        raise PullError(f"{method} {url}: timed out") from None
    except aiohttp.ClientError as e:
        raise PullError(f"{method} {url}: network error {type(e).__name__}") from None
    if status != 200:
        raise PullError(f"{method} {url}: HTTP {status}")
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise PullError(f"{method} {url}: the answer is not a JSON object")
    return data


def code_of(data: Mapping[str, Any]) -> int:
    """The answer's business code (0: success); a missing or odd one counts as a failure."""
    code = data.get("code")
    if isinstance(code, int) and not isinstance(code, bool):
        return code
    if isinstance(code, str) and code.lstrip("-").isdigit():
        return int(code)
    return -1


def seconds(value: Any, default: int) -> int:
    """A lifetime in seconds from an answer (an int, or digits), else `default`."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.isdigit() and int(value) > 0:
        return int(value)
    return default
