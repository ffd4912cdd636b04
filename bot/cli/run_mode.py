"""How `salesbot run` starts: with your organisation, or with the demo (`salesbot demo`, `run --demo`, or
no config file at all, so a newcomer lands on a console with people to be and data to ask about), and
where the console is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiohttp import web

from bot.cli.demo import database_state, demo_config, load_demo
from bot.config import Config, ConfigError, SlaConfig, is_loopback, validate_console
from bot.web.access import console_enabled
from storage.db import DATABASE_ERRORS, describe_error, display_url, using_engine

log = logging.getLogger("salesbot.run")

NO_CONFIG_DEMO = """\
salesbot: no config file, so this is the DEMO: a made-up organisation (华东一组, 华东二组) and a few
weeks of made-up leads, kept in {db}. Open {url}, choose who you are and chat.
To start with your own organisation instead: cp config.example.toml config.toml, fill in [org]
and a database of its own ([database] url), then run salesbot run again."""
OWN_DATA = """\
salesbot: no config file, and {db} holds an organisation of its own, so the demo is not loaded.
Pass --config FILE (or create ./config.toml) to run with it."""


def prepare_run(
    config: Config, *, explicit_config: bool, demo: bool, console: bool, speed: int = 1
) -> tuple[Config, bool]:
    """The config to run with and whether to load the demo; raises ConfigError when the demo would mix
    with someone's own data or the console would be open to the network without a token."""
    use_demo = demo
    if demo or not explicit_config:
        state = asyncio.run(_database_state(config.database.url))
        if state == "own":
            if demo:
                raise ConfigError(
                    f"[database] url: {config.database.url} holds your own organisation; give the demo a "
                    "database of its own, e.g. SALESBOT_DATABASE_URL=sqlite+aiosqlite:///demo.db"
                )
            print(OWN_DATA.format(db=config.database.url), flush=True)
        else:
            use_demo = True
            if not demo:
                print(NO_CONFIG_DEMO.format(db=config.database.url, url=console_url(config) or "/console"))
    if use_demo:
        config = demo_config(config)
    if console:
        config = dataclasses.replace(config, console=dataclasses.replace(config.console, enabled="on"))
    if speed != 1:
        config = dataclasses.replace(config, sla=fast_sla(config.sla, speed))
    validate_console(config)  # --console and the demo turn the console on after the config was checked
    return config, use_demo


async def _database_state(url: str) -> str:
    """What the database holds (see bot.cli.demo.database_state); a database that cannot be read is a
    StartupError of one line naming it."""
    from bot.app import StartupError  # the app's start-up error, which `salesbot run` prints as one line

    try:
        return await using_engine(url, database_state)
    except DATABASE_ERRORS as e:
        raise StartupError(f"database {display_url(url)}: {describe_error(e)}") from e


def fast_sla(sla: SlaConfig, speed: int) -> SlaConfig:
    """SLA limits `speed` times shorter and counted around the clock, so a demo shows alerts and their
    escalation within minutes (at 60, an hour's limit is a minute); the scan runs often enough to see it."""
    if speed < 1:
        raise ConfigError(f"--speed must be 1 or more, got {speed}")

    def short(limit: timedelta) -> timedelta:
        return max(timedelta(seconds=1), limit / speed)

    return dataclasses.replace(
        sla,
        business_hours=["00:00-24:00"],
        business_days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        holidays="none",
        first_response={grade: short(limit) for grade, limit in sla.first_response.items()},
        stage_stuck={stage: short(limit) for stage, limit in sla.stage_stuck.items()},
        escalate_after=[short(limit) for limit in sla.escalate_after],
        scan_interval=min(sla.scan_interval, max(timedelta(seconds=5), sla.scan_interval / speed)),
    )


def on_startup_load_demo(config: Config) -> Callable[[web.Application], Awaitable[None]]:
    """An on_startup hook: runs after the cleanup contexts opened the database and synced the demo org."""

    async def load(app: web.Application) -> None:
        from bot.app import SESSIONS

        loaded = await load_demo(app[SESSIONS], config)
        log.info("demo data", extra={"leads_loaded": loaded, "already_there": loaded == 0})

    return load


def console_url(config: Config) -> str | None:
    """Where to open the console from this machine; None when it is off."""
    if not console_enabled(config) and config.console.enabled != "on":
        return None
    host = config.server.host
    shown = host if is_loopback(host) else "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    token = "?token=YOUR_TOKEN" if config.console.token else ""
    return f"http://{shown}:{config.server.port}/console{token}"
