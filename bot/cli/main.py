"""The `salesbot` command: run the bot, migrate the database, check a config, extract from text."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web

from bot.config import Config, ConfigError, find_config_file, load_config
from bot.log import setup_logging

if TYPE_CHECKING:  # the database layer is imported by the commands that use it, not by `extract`
    from sqlalchemy.ext.asyncio import AsyncEngine

    from storage.models import OutboxMessage

log = logging.getLogger("salesbot.cli")
T = TypeVar("T")

SPEED_HELP = "SLA limits N times shorter, around the clock (a demo's alerts in minutes; e.g. 60)"
CONFIG_HELP = "config file (default: $SALESBOT_CONFIG, then ./config.toml, else built-in defaults)"


def package_version() -> str:
    try:
        return version("salesbot")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesbot", description="Chat-ops sales assistant for WeChat Work and DingTalk."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run", help="run the bot's web server", description="Run the bot until stopped."
    )
    run.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    run.add_argument(
        "--console", action="store_true", help="serve the web console at /console even with a platform on"
    )
    run.add_argument(
        "--demo", action="store_true", help="with the demo organisation and data (as `salesbot demo`)"
    )
    run.add_argument("--speed", type=int, default=1, metavar="N", help=SPEED_HELP)
    run.set_defaults(func=cmd_run)

    demo = commands.add_parser(
        "demo",
        help="run with a demo organisation and a few weeks of leads, in the console",
        description="Load the demo organisation, catalog and leads into the configured database (once: "
        "running it again adds nothing), then run the bot with the web console at /console.",
    )
    demo.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    demo.add_argument("--speed", type=int, default=1, metavar="N", help=SPEED_HELP)
    demo.set_defaults(func=cmd_run, demo=True, console=True)

    db = commands.add_parser("db", help="database schema commands", description="Database schema commands.")
    db_commands = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", help="apply all migrations", description="Bring the database schema up to this version."
    )
    upgrade.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    upgrade.set_defaults(func=cmd_db_upgrade)
    current = db_commands.add_parser(
        "current", help="show the schema revision", description="Show the database's schema revision."
    )
    current.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    current.set_defaults(func=cmd_db_current)

    check = commands.add_parser(
        "check-config",
        help="validate a config file",
        description="Validate a config file without starting anything.",
    )
    check.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    check.set_defaults(func=cmd_check_config)

    ver = commands.add_parser("version", help="print the version", description="Print the version.")
    ver.add_argument("--config", metavar="FILE", help=argparse.SUPPRESS)
    ver.set_defaults(func=cmd_version)

    outbox = commands.add_parser(
        "outbox",
        help="list queued, held and dead pushes",
        description="List the outbox: counts by status, then the newest rows with their last error.",
    )
    outbox.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    outbox.add_argument(
        "--status", choices=("pending", "held", "sent", "dead"), help="only rows in this state"
    )
    outbox.add_argument("--limit", type=int, default=20, help="rows to show (default 20)")
    outbox.set_defaults(func=cmd_outbox)

    from bot.cli import extract, leads, privacy  # each imports this module for CONFIG_HELP

    extract.add_parser(commands)
    privacy.add_parser(commands)
    leads.add_parser(commands)
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(find_config_file(args.config))


def log_like_the_bot(config: Config) -> None:
    """Log as `salesbot run` does, unless a host (such as pytest) has set logging up already."""
    if not logging.getLogger().handlers:
        setup_logging(config.log.level, config.log.format)


def private_file(path: str, mode: str, **kwargs: Any) -> Any:
    """A file only its owner may read: what the offline commands write holds customers' phones."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return os.fdopen(fd, mode, **kwargs)


def cmd_version(args: argparse.Namespace) -> int:
    print(f"salesbot {package_version()}")
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    config = _config(args)
    enabled = list(config.chat_platforms) or ["none"]
    print(
        f"{config.source}: OK ({len(config.org.people)} people in {len(config.org.teams)} teams; "
        f"channels: {', '.join(enabled)}; database: {config.database.url.split('://')[0]})"
    )
    return 0


def _with_engine(config: Config, work: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    """Run `work` on the configured database; one that cannot be used is one line naming it."""
    from bot.app import StartupError
    from storage.db import DATABASE_ERRORS, describe_error, display_url, using_engine

    url = config.database.url
    try:
        return asyncio.run(using_engine(url, work))
    except DATABASE_ERRORS as e:
        raise StartupError(f"database {display_url(url)}: {describe_error(e)}") from e


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage import migrate

    async def upgrade(engine: AsyncEngine) -> str | None:
        await migrate.upgrade(engine)
        return await migrate.current_revision(engine)

    print(f"database schema at revision {_with_engine(_config(args), upgrade)} (latest)")
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    from storage import migrate

    current, head = _with_engine(_config(args), migrate.current_revision), migrate.head_revision()
    state = "up to date" if current == head else f"out of date, latest is {head}: run salesbot db upgrade"
    print(f"database schema at revision {current or 'none'} ({state})")
    return 0 if current == head else 1


def cmd_outbox(args: argparse.Namespace) -> int:
    from storage.db import session_factory
    from storage.outbox import count_outbox, list_outbox

    async def read(engine: AsyncEngine) -> tuple[dict[str, int], list[OutboxMessage]]:
        async with session_factory(engine)() as session:
            return await count_outbox(session), await list_outbox(session, args.status, max(1, args.limit))

    counts, rows = _with_engine(_config(args), read)
    print("outbox: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "empty"))
    for row in rows:
        error = f"  last error: {row.last_error}" if row.last_error else ""
        print(
            f"#{row.id} {row.status} {row.platform}/{row.kind} to {row.target} "
            f"attempts {row.attempts} next {row.next_attempt_at:%Y-%m-%d %H:%M:%S}Z{error}"
        )
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.cli.run_mode import console_url, on_startup_load_demo, prepare_run

    path = find_config_file(args.config)
    config, demo = prepare_run(
        load_config(path),
        explicit_config=path is not None,
        demo=args.demo,
        console=args.console,
        speed=args.speed,
    )
    setup_logging(config.log.level, config.log.format)
    log.info(
        "starting",
        extra={
            "version": package_version(),
            "config": config.source,
            "host": config.server.host,
            "port": config.server.port,
        },
    )
    app = create_app(config)
    if demo:
        app.on_startup.append(on_startup_load_demo(config))
    app.on_startup.append(_freeze_heap)
    if url := console_url(config):
        log.info("console", extra={"url": url})
        print(f"salesbot: console at {url}", flush=True)
    # run_app stops on SIGINT/SIGTERM: it stops accepting, lets in-flight requests finish within
    # the timeout, then runs the cleanup contexts (scheduler, then database pool).
    web.run_app(
        app,
        host=config.server.host,
        port=config.server.port,
        shutdown_timeout=10,
        print=lambda line: log.info(line.strip()),
        access_log=None,
    )
    return 0


async def _freeze_heap(_app: web.Application) -> None:
    """Leave what start-up built out of the garbage collector's full collections.

    Runs after the cleanup contexts have started (the extractor's dictionaries are loaded by then).
    Those long-lived objects (over 120,000) were walked by every full collection: a pause of 45-150 ms
    that the requests arriving meanwhile waited out, most of the accept path's p99. Frozen, they are
    never collected (they live as long as the process anyway); nothing else changes."""
    gc.collect()
    gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ConfigError as e:
        print(f"salesbot: config error: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        # Imported here: `salesbot extract` should not pay for importing the whole app.
        from bot.app import StartupError

        if not isinstance(e, StartupError):
            raise
        print(f"salesbot: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
