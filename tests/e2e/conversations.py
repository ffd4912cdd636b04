"""Replays conversation files through the real bot and checks what the CRM holds afterwards.

    python -m tests.e2e.conversations FILE [--org ORG.toml] [--catalog CATALOG.toml] [--verbose]

A conversation file (format: tests/fixtures/conversations/README.md) holds one conversation a line:
a book of leads, chat turns, and what the leads must look like after the last turn. Each conversation
runs alone, the way the product is used:

1. a fresh SQLite database in a temporary directory (a copy of one migrated once per run: migrating
   takes longer than most conversations), and a config made of the org file (its [org] and
   whatever else it sets), the catalog, `[sla] timezone` Asia/Shanghai and the console on;
2. the real app (create_app with the processor and the sender stepped here, one extractor shared by
   every conversation on the same catalog), and the leads imported as `salesbot leads import` does:
   the rows written to a CSV file and handed to the same run_import;
3. each turn posted to the console's /console/api/messages as the person `as` (the console is the
   channel every deployment has; the test server listens on 127.0.0.1, which is the console's
   loopback mode, so no token), or with `--platform` written on WeChat Work or DingTalk (Stream or
   HTTP) through the platform's fake server, then processed and delivered; what that person
   received meanwhile is the bot's reply to the turn;
4. the leads read with `salesbot leads export --format jsonl` (export_to), once right after the
   import (followups_added counts from there) and once after the last turn, and compared.

Time: the conversation is sent on a fixed day, by default Tuesday 2026-03-10 at 10:00 in [sla]
timezone (`--at` changes it): a working day in mid-week and mid-month with no holiday near, so 下周四,
18号 and 3天后 each have one reading. The import runs the day before; turns are a minute apart. The
relative `at` forms of the expectations resolve against the day it is sent.

Nothing here knows the words of any conversation file: the project is scored on other files, other
organisations and other catalogs.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import dataclasses
import io
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import CONSOLE_HUB, ENGINE, PIPELINE, SENDER, SESSIONS, create_app
from bot.cli.leads import export_to
from bot.clock import FixedClock
from bot.config import CatalogConfig, Config, ConfigError, load_config
from bot.leads_io.imports import ImportFileError, run_import
from nlp import Extractor, load_catalog
from storage import migrate
from storage.db import create_engine
from tests.e2e.harness import ACCEPT_PATIENCE, PLATFORMS, running

TIMEZONE = "Asia/Shanghai"
DEFAULT_SEND_AT = "2026-03-10T10:00"  # a Tuesday, local time in TIMEZONE
IMPORT_BEFORE = timedelta(days=1)  # the book exists before the conversation, not in the same minute
TURN_GAP = timedelta(minutes=1)
CONSOLE_MESSAGES = "/console/api/messages"
WEEKS = {"this_week": 0, "next_week": 1, "week_after_next": 2}
HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

_extractors: dict[tuple[str, str], Extractor] = {}


def shared_extractor(catalog: Path, timezone: str = TIMEZONE) -> Extractor:
    """One extractor per catalog and time zone for the whole run: building one loads jieba (a second
    and 100+ MB), and it holds no state between messages."""
    key = (str(catalog.resolve()), timezone)
    if key not in _extractors:
        _extractors[key] = Extractor(load_catalog(str(catalog)), timezone)
    return _extractors[key]


# ---- what a conversation is checked against --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation: `what` names it ("turn 2 reply_has", "<company> stage")."""

    what: str
    ok: bool
    expected: Any
    got: Any
    note: str = ""


@dataclass(frozen=True, slots=True)
class Turn:
    person: str
    text: str
    reply: str  # everything the person received while the bot handled the turn, one line per item


@dataclass
class Outcome:
    id: str
    checks: list[Check] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the conversation could not be replayed as written
    turns: list[Turn] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.errors and all(c.ok for c in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def resolve_at(form: str, today: date) -> date:
    """The day an expectation's `at` names: today+N, this_week:D, next_week:D, week_after_next:D (D = 1..7,
    Monday = 1), day:N (this month, or next month when day N has passed) or next_month:N.
    ValueError for anything else."""
    if form.startswith("today+"):
        return today + timedelta(days=_number(form, form.removeprefix("today+")))
    kind, colon, arg = form.partition(":")
    if colon and kind in WEEKS:
        weekday = _number(form, arg)
        if not 1 <= weekday <= 7:
            raise ValueError(f"{form!r}: the weekday must be 1 (Monday) to 7")
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 * WEEKS[kind] + weekday - 1)
    if colon and kind in ("day", "next_month"):
        day = _number(form, arg)
        if kind == "day" and day >= today.day:
            return _day_of(today.year, today.month, day, form)
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _day_of(year, month, day, form)
    raise ValueError(
        f"{form!r}: not one of today+N, this_week:D, next_week:D, week_after_next:D, day:N, next_month:N"
    )


def _number(form: str, text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"{form!r}: {text!r} is not a number")
    return int(text)


def _day_of(year: int, month: int, day: int, form: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{form!r}: {year}-{month:02d} has no day {day}") from None


def planned_value(expected: dict[str, Any], today: date) -> str:
    """An expected next_followup as the export writes it: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"."""
    day = resolve_at(str(expected.get("at")), today).isoformat()
    when = expected.get("time")
    if when is None:
        return day
    match = HHMM.match(str(when))
    if match is None:
        raise ValueError(f"time {when!r} is not HH:MM")
    return f"{day}T{int(match[1]):02d}:{match[2]}"


def check_reply(number: int, needles: Sequence[str], reply: str) -> Check:
    missing = [n for n in needles if n not in reply]
    note = f"missing {missing}" if missing else ""
    return Check(f"turn {number} reply_has", not missing, list(needles), reply or "(no reply)", note)


def followup_counts(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Company -> follow-ups on its lead (the oldest lead of that name)."""
    counts: dict[str, int] = {}
    for record in records:
        counts.setdefault(record["company"], len(record["followups"]))
    return counts


def check_lead(
    expect: dict[str, Any],
    before: dict[str, int],
    after: Sequence[dict[str, Any]],
    today: date,
) -> list[Check]:
    """The checks of one `expect` entry against the export after the last turn; `before` is
    followup_counts() of the export right after the import."""
    company = str(expect.get("company", ""))
    lead = next((r for r in after if r["company"] == company), None)
    if expect.get("absent") is True:
        got = None if lead is None else _brief(lead)
        return [
            Check(f"{company} absent", lead is None, None, got, "a lead of that name exists" if lead else "")
        ]
    keys = [k for k in expect if k not in ("company", "absent")]
    if lead is None:
        created = sorted({r["company"] for r in after} - set(before))
        note = f"no lead of that name; leads created in the conversation: {created}"
        return [Check(f"{company} {key}", False, expect[key], None, note) for key in keys or ["exists"]]
    if not keys:
        return [Check(f"{company} exists", True, True, True)]
    checks = []
    for key in keys:
        checker = LEAD_CHECKS.get(key)
        if checker is None:
            checks.append(Check(f"{company} {key}", False, expect[key], None, "unknown expectation"))
            continue
        try:
            ok, got = checker(expect[key], lead, before.get(company, 0), today)
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            checks.append(Check(f"{company} {key}", False, expect[key], None, f"bad expectation: {e}"))
            continue
        checks.append(Check(f"{company} {key}", ok, expect[key], got))
    return checks


def _brief(lead: dict[str, Any]) -> dict[str, Any]:
    return {k: lead[k] for k in ("company", "owner", "stage")}


LeadCheck = Callable[[Any, dict[str, Any], int, date], tuple[bool, Any]]


def _followups_added(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
    added = len(lead["followups"]) - before
    return added == expected, added


def _last_followup(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
    last = lead["followups"][-1] if lead["followups"] else None  # the export is oldest first
    if expected is None or last is None:
        return expected is None and last is None, _followup_view(last, None)
    linked = last.get("contact") or None
    ok = True
    for key, value in expected.items():
        if key == "contact":
            name = linked.get("name") if linked else None
            # null: no contact named; a string: the linked contact's name starts with it (钱 matches 钱建国)
            ok &= linked is None if value is None else bool(name) and str(name).startswith(str(value))
        else:
            ok &= last.get(key) == value
    return ok, _followup_view(last, expected)


def _followup_view(followup: dict[str, Any] | None, expected: dict[str, Any] | None) -> Any:
    if followup is None:
        return None
    contact = followup.get("contact")
    view = {"kind": followup.get("kind"), "contact": contact.get("name") if contact else None}
    for key in expected or {}:
        view.setdefault(key, followup.get(key))
    view["text"] = followup.get("text")
    return view


def _next_followup(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
    got = lead["next_followup"]
    if expected is None:
        return got is None, got
    want = planned_value(expected, today)
    if "time" not in expected:  # the time not said by the expectation: the day alone is checked
        return got is not None and got[:10] == want, got
    return got == want, got


def _equal(key: str) -> LeadCheck:
    def check(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
        return lead[key] == expected, lead[key]

    return check


def _budget(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
    got = lead["budget"]
    return got is not None and list(expected) == list(got), got


def _includes(names: Callable[[dict[str, Any]], list[Any]]) -> LeadCheck:
    def check(expected: Any, lead: dict[str, Any], before: int, today: date) -> tuple[bool, Any]:
        present = names(lead)
        return all(item in present for item in expected), present

    return check


LEAD_CHECKS: dict[str, LeadCheck] = {
    "followups_added": _followups_added,
    "last_followup": _last_followup,
    "next_followup": _next_followup,
    "stage": _equal("stage"),
    "owner": _equal("owner"),
    "budget": _budget,
    "products_include": _includes(lambda lead: list(lead["products"])),
    "contacts_include": _includes(lambda lead: [c["name"] for c in lead["contacts"]]),
}


# ---- replaying a conversation ----------------------------------------------------------------------


class Runner:
    """Replays conversations of one organisation and catalog, each on a database of its own."""

    def __init__(
        self,
        org: Path,
        catalog: Path,
        *,
        send_at: datetime | None = None,
        timezone: str = TIMEZONE,
        extractor: Extractor | None = None,
        platform: str = "console",
    ) -> None:
        """`platform`: where the turns are written: the console, or one of tests.e2e.harness.PLATFORMS
        (the platform's fake server, its real callback or Stream connection)."""
        if platform != "console" and platform not in PLATFORMS:
            raise ValueError(f"platform must be console or one of {', '.join(PLATFORMS)}, got {platform!r}")
        self.platform = platform
        self.base = load_config(org, env={})  # ConfigError names the file and the key
        self.catalog = catalog
        self.tz = ZoneInfo(timezone)
        self.send_at = send_at or datetime.fromisoformat(DEFAULT_SEND_AT).replace(tzinfo=self.tz)
        self.extractor = extractor or shared_extractor(catalog, timezone)
        self._work = tempfile.TemporaryDirectory(prefix="salesbot-conversations-")
        self._template: Path | None = None

    def close(self) -> None:
        self._work.cleanup()

    async def fresh_database(self, directory: Path) -> Path:
        """An empty database at the latest schema in `directory`."""
        if self._template is None:
            template = Path(self._work.name) / "template.db"
            engine = create_engine(f"sqlite+aiosqlite:///{template}")
            try:
                await migrate.upgrade(engine)
            finally:
                await engine.dispose()
            self._template = template
        return Path(shutil.copyfile(self._template, directory / "salesbot.db"))

    @property
    def today(self) -> date:
        return self.send_at.astimezone(self.tz).date()

    def config(self, database: Path) -> Config:
        base = self.base
        return dataclasses.replace(
            base,
            # A turn is a replay error when its accept gives up (503): under a loaded host's stalls the 3 s
            # default made conversations fail that are right alone; the give-up is tests/bot's subject.
            database=dataclasses.replace(
                base.database, url=f"sqlite+aiosqlite:///{database}", request_timeout=ACCEPT_PATIENCE
            ),
            catalog=CatalogConfig(path=str(self.catalog)),
            sla=dataclasses.replace(base.sla, timezone=self.tz.key),
            server=dataclasses.replace(base.server, host="127.0.0.1"),
            console=dataclasses.replace(base.console, enabled="on"),
        )

    async def run(self, conversation: dict[str, Any]) -> Outcome:
        outcome = Outcome(str(conversation.get("id", "?")))
        with tempfile.TemporaryDirectory(prefix="salesbot-conversation-") as directory:
            config = self.config(await self.fresh_database(Path(directory)))
            clock = FixedClock(self.send_at - IMPORT_BEFORE)
            if self.platform == "console":
                app = create_app(config, clock=clock, workers=False, extractor=self.extractor)
                async with TestClient(TestServer(app)) as client:

                    async def say(number: int, person: str, text: str) -> str:
                        return await self._say(client, app, outcome, number, person, text)

                    before, after = await self._replay(conversation, outcome, app, config, clock, say)
            else:
                async with running(config, self.platform, lambda _: self.extractor, clock=clock) as bot:
                    assert bot.app is not None

                    async def say(number: int, person: str, text: str) -> str:
                        seen = len(bot.inbox(person))
                        await bot.say(person, text)
                        return "\n".join(bot.inbox(person)[seen:])

                    before, after = await self._replay(conversation, outcome, bot.app, bot.config, clock, say)
        for expect in conversation.get("expect") or []:
            outcome.checks += check_lead(expect, before, after, self.today)
        return outcome

    async def _replay(
        self,
        conversation: dict[str, Any],
        outcome: Outcome,
        app: web.Application,
        config: Config,
        clock: FixedClock,
        say: Callable[[int, str, str], Awaitable[str]],
    ) -> tuple[dict[str, int], list[dict[str, Any]]]:
        """Import the book, say each turn; the follow-up counts after the import and the leads at the end."""
        outcome.errors += await import_leads(app, config, clock, conversation.get("leads") or [])
        await settle(app)  # the import's summary pushes go out before the first turn
        before = followup_counts(await export_records(app, config))
        clock.set(self.send_at)
        for number, turn in enumerate(conversation.get("turns") or [], 1):
            person, text = str(turn.get("as", "")), str(turn.get("text", ""))
            said = Turn(person, text, await say(number, person, text))
            outcome.turns.append(said)
            if "reply_has" in turn:
                outcome.checks.append(check_reply(number, turn["reply_has"], said.reply))
            clock.advance(TURN_GAP)
        return before, await export_records(app, config)

    async def _say(
        self, client: TestClient, app: web.Application, outcome: Outcome, number: int, person: str, text: str
    ) -> str:
        """A turn through the console; what the person received meanwhile."""
        hub = app[CONSOLE_HUB]
        inbox = hub.subscribe(person)
        try:
            body = {"as": person, "id": f"turn-{number}", "text": text}
            response = await client.post(CONSOLE_MESSAGES, json=body)
            if response.status not in (200, 202):
                outcome.errors.append(f"turn {number}: the console refused it: {await response.text()}")
            await settle(app)
            events = []
            while not inbox.empty():
                event = inbox.get_nowait()
                if event is not None:
                    events.append(event)
        finally:
            hub.unsubscribe(person, inbox)
        return "\n".join(reply_text(e.get("payload") or {}) for e in events)


def reply_text(payload: dict[str, Any]) -> str:
    """A delivered reply as the person reads it: title, lines and button labels."""
    parts = [payload.get("title") or "", *payload.get("lines", [])]
    parts += [b.get("label", "") for b in payload.get("buttons", [])]
    return "\n".join(str(p) for p in parts if p)


async def settle(app: web.Application) -> None:
    """Process every message and deliver every reply that is due."""
    while await app[PIPELINE].drain() + await app[SENDER].send_due():
        pass


async def import_leads(
    app: web.Application, config: Config, clock: FixedClock, rows: Sequence[dict[str, Any]]
) -> list[str]:
    """`salesbot leads import` of the rows, written as a CSV file; returns what it refused."""
    if not rows:
        return []
    with tempfile.TemporaryDirectory(prefix="salesbot-leads-") as directory:
        path = Path(directory) / "leads.csv"
        write_csv(rows, path)
        try:
            report = await run_import(app[ENGINE], config, path, dry_run=False, now=clock.now())
        except ImportFileError as e:
            return [f"import refused the file: {e}"]
    errors = [f"import: unknown columns {report.unknown_columns}"] if report.unknown_columns else []
    errors += [f"import: row {o.row} refused: {o.detail}" for o in report.outcomes if o.status == "refused"]
    return errors


def write_csv(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """The rows as a spreadsheet saved as CSV: the columns in the order first seen, a list as 、-separated."""
    headers = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows([_cell(row.get(h)) for h in headers] for row in rows)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(_cell(v) for v in value)
    return str(value)


async def export_records(app: web.Application, config: Config) -> list[dict[str, Any]]:
    """`salesbot leads export --format jsonl`, parsed."""
    out = io.StringIO()
    async with app[SESSIONS]() as session:
        await export_to(session, config, "jsonl", None, None, out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line]


# ---- files and the command -------------------------------------------------------------------------


def read_conversations(path: Path) -> list[dict[str, Any]]:
    conversations = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            conversation = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{number}: not JSON: {e}") from None
        if not isinstance(conversation, dict):
            raise ValueError(f"{path}:{number}: a conversation must be a JSON object")
        conversations.append(conversation)
    return conversations


async def run_file(
    path: Path,
    org: Path | None = None,
    catalog: Path | None = None,
    *,
    send_at: datetime | None = None,
    only: Sequence[str] = (),
    platform: str = "console",
) -> list[Outcome]:
    """Every conversation of `path` (or those of `only`), in order; org and catalog default to
    org.toml and catalog.toml next to it."""
    conversations = [c for c in read_conversations(path) if not only or str(c.get("id")) in only]
    org, catalog = org or path.parent / "org.toml", catalog or path.parent / "catalog.toml"
    runner = Runner(org, catalog, send_at=send_at, platform=platform)
    try:
        return [await runner.run(c) for c in conversations]
    finally:
        runner.close()


def report_lines(outcomes: Sequence[Outcome], verbose: bool = False) -> list[str]:
    lines = []
    for o in outcomes:
        if o.right:
            lines.append(f"{o.id}: right")
            continue
        errors = f", {len(o.errors)} replay errors" if o.errors else ""
        lines.append(f"{o.id}: wrong ({len(o.failed)} of {len(o.checks)} expectations not met{errors})")
        if not verbose:
            continue
        for number, turn in enumerate(o.turns, 1):
            lines.append(f"  turn {number} {turn.person}: {turn.text}")
            lines.append(f"    bot: {_one_line(turn.reply) or '(no reply)'}")
        lines += [f"  error: {e}" for e in o.errors]
        for c in o.failed:
            note = f" ({c.note})" if c.note else ""
            lines.append(f"  FAIL {c.what}: expected {_shown(c.expected)}, got {_shown(c.got)}{note}")
    right = sum(o.right for o in outcomes)
    met = sum(c.ok for o in outcomes for c in o.checks)
    total = sum(len(o.checks) for o in outcomes)
    lines.append(f"conversations right: {right}/{len(outcomes)}")
    lines.append(f"expectations met: {met}/{total}")
    return lines


def _one_line(text: str) -> str:
    return " / ".join(line for line in text.splitlines() if line.strip())


def _shown(value: Any) -> str:
    return _one_line(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.e2e.conversations",
        description="Replay conversation files through the bot and check the leads afterwards.",
    )
    parser.add_argument("file", type=Path, help="the conversations, one JSON object a line")
    parser.add_argument("--org", type=Path, help="default: org.toml next to FILE")
    parser.add_argument("--catalog", type=Path, help="default: catalog.toml next to FILE")
    parser.add_argument(
        "--at",
        default=DEFAULT_SEND_AT,
        help=f"when the conversations are sent, local time in {TIMEZONE} "
        f"(default: {DEFAULT_SEND_AT}, a Tuesday)",
    )
    parser.add_argument("--only", action="append", default=[], metavar="ID", help="run only these ids")
    parser.add_argument(
        "--platform",
        choices=("console", *PLATFORMS),
        default="console",
        help="where the turns are written (default: the console)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="the turns and each expectation not met")
    args = parser.parse_args(argv)
    send_at = datetime.fromisoformat(args.at)
    send_at = send_at if send_at.tzinfo else send_at.replace(tzinfo=ZoneInfo(TIMEZONE))
    try:
        outcomes = asyncio.run(
            run_file(
                args.file, args.org, args.catalog, send_at=send_at, only=args.only, platform=args.platform
            )
        )
    except (ConfigError, ValueError, OSError) as e:  # a file that cannot be read or is not the format
        print(f"conversations: {e}", file=sys.stderr)
        return 2
    for line in report_lines(outcomes, args.verbose):
        print(line)
    return 0 if all(o.right for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
