"""`salesbot leads`: bring a company's existing customers in from a spreadsheet, or take every lead out.

Both work on the configured database whether or not the bot is running; import first makes the
people of [org] exist, so it also works on a fresh database right after `salesbot db upgrade`.
Each run writes one line to the "salesbot.leads" logger, with counts and never a phone number.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli.main import CONFIG_HELP, _config, log_like_the_bot, private_file
from bot.config import Config, configured_catalog

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.leads_io.imports import ImportReport

# Storage, handlers and openpyxl are imported inside the commands: building the parser for any
# other command should not pay for them.
log = logging.getLogger("salesbot.leads")

FORMATS = ("jsonl", "csv", "xlsx")
IMPORT_DESCRIPTION = """\
Import leads from an .xlsx or .csv file (UTF-8 with or without BOM, or GB18030/GBK).
The first row names the columns, in Chinese or English, in any order:
  公司/company 城市/city 联系人/contact 职务/title 电话/phone 邮箱/email
  产品/products 竞品/competitors 预算/budget 阶段/stage 负责人/owner 来源/source
  等级/grade 标签/tags 下次跟进/next_followup 备注/notes
Unknown columns are reported and ignored. A row that names a customer already known (same phone,
or same company) merges into that lead: new contacts are added and empty fields filled, nothing is
overwritten. The whole file is one transaction; importing it again changes nothing."""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `leads` command with its `import` and `export` subcommands."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "leads",
        help="import leads from a spreadsheet, or export them",
        description="Import a company's existing customers from a spreadsheet, or export every lead.",
    )
    commands = p.add_subparsers(dest="leads_command", metavar="LEADS_COMMAND", required=True)
    imp = commands.add_parser(
        "import",
        help="import leads from an .xlsx or .csv file",
        description=IMPORT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", metavar="FILE", help="the .xlsx or .csv file")
    imp.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    imp.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    imp.set_defaults(func=lambda args: cmd_import(args, sys.stdout, sys.stderr))
    export = commands.add_parser(
        "export",
        help="write leads with their contacts and follow-ups",
        description="Write every lead (or what --as may see) with its contacts and follow-ups. "
        "jsonl: one lead per line; csv: the import's columns; xlsx: those plus a 跟进记录 sheet.",
    )
    export.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    export.add_argument("--out", metavar="FILE", help="write to this file (default: stdout; xlsx needs it)")
    export.add_argument("--as", dest="as_person", metavar="PERSON", help="only what this [org] id may see")
    export.add_argument("--config", metavar="FILE", help=CONFIG_HELP)
    export.set_defaults(func=lambda args: cmd_export(args, sys.stdout, sys.stderr))
    return p


def cmd_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.format == "xlsx" and not args.out:
        print("salesbot leads export: --format xlsx needs --out FILE", file=stderr)
        return 2
    config = _config(args)
    log_like_the_bot(config)
    try:
        count = asyncio.run(_export(config, args, stdout))
    except LookupError as e:
        print(f"salesbot leads export: {e}", file=stderr)
        return 2
    log.info("leads export", extra={"format": args.format, "leads": count, "as": args.as_person})
    return 0


async def _export(config: Config, args: argparse.Namespace, stdout: TextIO) -> int:
    from storage.db import session_factory, using_engine

    async def work(engine: AsyncEngine) -> int:
        async with session_factory(engine)() as session:
            return await export_to(session, config, args.format, args.out, args.as_person, stdout)

    return await using_engine(config.database.url, work)


async def export_to(
    session: Any, config: Config, fmt: str, out: str | None, as_person: str | None, stdout: TextIO
) -> int:
    """Write the export; returns how many leads. LookupError when `as_person` is nobody in [org]."""
    from handlers import lead_records as export
    from storage.people import find_person_by_key

    viewer = None
    if as_person:
        viewer = await find_person_by_key(session, as_person)
        if viewer is None or not viewer.active:
            raise LookupError(f"--as {as_person!r} is not an active person of [org]")
    catalog, tz = configured_catalog(config), config.tz
    stream: Any = stdout
    if out:
        stream = (
            private_file(out, "wb")
            if fmt == "xlsx"
            else private_file(out, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
        )
    try:
        writer = export.XlsxWriter() if fmt == "xlsx" else export.CsvWriter(stream) if fmt == "csv" else None
        count = 0
        isolate = config.org.isolate_product_lines
        async for item in export.iter_leads(session, viewer, isolate=isolate, catalog=catalog):
            if writer is None:
                stream.write(json.dumps(export.record(item, tz), ensure_ascii=False) + "\n")
            else:
                writer.add(item, tz)
            count += 1
        if isinstance(writer, export.XlsxWriter):
            writer.save(stream)
    finally:
        if out:
            stream.close()
    return count


def cmd_import(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from bot.leads_io.imports import ImportFileError, run_import
    from storage.db import using_engine

    config = _config(args)
    log_like_the_bot(config)

    async def work(engine: AsyncEngine) -> ImportReport:
        return await run_import(engine, config, Path(args.file), dry_run=args.dry_run, now=datetime.now(UTC))

    try:
        report = asyncio.run(using_engine(config.database.url, work))
    except ImportFileError as e:
        print(f"salesbot leads import: {args.file}: {e}", file=stderr)
        log.info("leads import refused", extra={"file": args.file, "reason": str(e)})
        return 1
    for line in report.lines():
        print(line, file=stdout)
    log.info("leads import", extra={"file": args.file, "dry_run": args.dry_run, **report.counts()})
    return 0
