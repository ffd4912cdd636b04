"""`salesbot privacy`: export or erase what is held about a person (PIPL), by phone number.

Each run writes one audit line to the "salesbot.privacy" logger with the phone masked, so the
log shows that a request was served without itself holding the number.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli.main import CONFIG_HELP, _config, log_like_the_bot, private_file

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from storage.privacy import ErasureReport

# Storage and handlers are imported inside the commands: building the parser for any other
# command (e.g. `salesbot extract`) should not pay for them.
log = logging.getLogger("salesbot.privacy")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `privacy` command with its `export` and `erase` subcommands."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "privacy",
        help="export or erase a person's data (PIPL)",
        description="Export or erase everything held about a person, found by phone number.",
    )
    commands = p.add_subparsers(dest="privacy_command", metavar="PRIVACY_COMMAND", required=True)
    export = commands.add_parser(
        "export",
        help="write a person's data as JSON",
        description="Write everything held about a person as JSON.",
    )
    export.add_argument("--phone", required=True, help="the person's phone number")
    export.add_argument("--out", metavar="FILE", help="write to this file (default: stdout)")
    export.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    export.set_defaults(func=lambda args: cmd_export(args, sys.stdout, sys.stderr))
    erase = commands.add_parser(
        "erase",
        help="remove a person's personal fields",
        description="Remove a person's names, phones, e-mails and message text; anonymous counts stay.",
    )
    erase.add_argument("--phone", required=True, help="the person's phone number")
    erase.add_argument("--yes", action="store_true", help="really erase (without it: show what would be)")
    erase.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    erase.set_defaults(func=lambda args: cmd_erase(args, sys.stdout, sys.stderr))
    return p


def _phone(args: argparse.Namespace, stderr: TextIO) -> str | None:
    from storage.privacy import normalise_phone

    try:
        return normalise_phone(args.phone)
    except ValueError as e:
        print(f"salesbot privacy: bad --phone {args.phone!r}: {e}", file=stderr)
        return None


def cmd_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from handlers.format import mask_phone
    from storage.db import session_factory, using_engine
    from storage.privacy import collect_personal_data

    phone = _phone(args, stderr)
    if phone is None:
        return 2
    config = _config(args)
    log_like_the_bot(config)

    async def collect(engine: AsyncEngine) -> dict[str, Any]:
        async with session_factory(engine)() as session:
            return await collect_personal_data(session, phone)

    data = asyncio.run(using_engine(config.database.url, collect))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        with private_file(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        stdout.write(text)
    counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    log.info("privacy export", extra={"phone": mask_phone(phone), **counts})
    return 0


def cmd_erase(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from handlers.format import mask_phone
    from storage.db import session_factory, using_engine
    from storage.privacy import erase_personal_data

    phone = _phone(args, stderr)
    if phone is None:
        return 2
    config = _config(args)
    log_like_the_bot(config)

    async def erase(engine: AsyncEngine) -> ErasureReport:
        async with session_factory(engine)() as session:
            # A dry run does the real erasure and rolls it back, so its counts are exact.
            report = await erase_personal_data(session, phone, datetime.now(UTC))
            await (session.commit() if args.yes else session.rollback())
            return report

    report = asyncio.run(using_engine(config.database.url, erase))
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in report.as_dict().items())
    masked = mask_phone(phone)
    log.info("privacy erase", extra={"phone": masked, "dry_run": not args.yes, **report.as_dict()})
    if not args.yes:
        print(f"would erase for {masked}: {counts}", file=stdout)
        print("nothing changed: re-run with --yes to erase", file=stderr)
        return 1
    print(f"erased for {masked}: {counts}", file=stdout)
    return 0
