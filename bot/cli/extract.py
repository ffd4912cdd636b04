"""`salesbot extract`: run the extractor over JSON lines (the evaluation contract), or score a gold file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from nlp import Extractor, load_catalog
from nlp.scoring import report, score


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `extract` subcommand to an argparse subparsers object."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="extract intent and slots from JSON lines on stdin",
        description='Read {"id", "text", "sent_at", "channel"} JSON lines on stdin and write '
        '{"id", "intent", "slots"} JSON lines on stdout; with --eval, score a labeled file instead.',
    )
    p.add_argument("--catalog", metavar="FILE", required=True, help="product and competitor catalog (TOML)")
    p.add_argument(
        "--tz", default="Asia/Shanghai", help="timezone for relative dates (default Asia/Shanghai)"
    )
    p.add_argument(
        "--eval", metavar="GOLD.jsonl", help="score the extractor on a labeled corpus and print a report"
    )
    p.add_argument("--config", metavar="FILE", help=argparse.SUPPRESS)
    p.set_defaults(func=lambda args: run(args, sys.stdin, sys.stdout, sys.stderr))
    return p


def _parse(line: str) -> tuple[str | None, str, datetime, str]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e}") from e
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    text, sent_at = obj.get("text"), obj.get("sent_at")
    if not isinstance(text, str):
        raise ValueError("missing or non-string 'text'")
    if not isinstance(sent_at, str):
        raise ValueError("missing or non-string 'sent_at'")
    try:
        when = datetime.fromisoformat(sent_at)
    except ValueError as e:
        raise ValueError(f"bad 'sent_at' timestamp {sent_at!r}") from e
    channel = obj.get("channel") or "rep"
    if not isinstance(channel, str):
        raise ValueError("non-string 'channel'")
    cid = obj.get("id")
    return (None if cid is None else str(cid) if not isinstance(cid, str) else cid), text, when, channel


def _run_lines(extractor: Extractor, lines: Iterable[str], stdout: TextIO, stderr: TextIO) -> int:
    bad = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cid, text, when, channel = _parse(line)
        except (ValueError, json.JSONDecodeError) as e:
            print(f"extract: line {n}: {e}", file=stderr)
            bad += 1
            continue
        ex = extractor.extract(text, when, channel)
        out = {"id": cid, "intent": ex.intent.corpus_label, "slots": ex.to_slots()}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if bad else 0


def _evaluate(extractor: Extractor, path: str, stdout: TextIO, stderr: TextIO) -> int:
    gold: dict[str, dict[str, Any]] = {}
    pred: dict[str, dict[str, Any]] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    cid, text, when, channel = _parse(line)
                except (ValueError, json.JSONDecodeError) as e:
                    print(f"extract: {path}:{n}: {e}", file=stderr)
                    return 2
                if cid is None or "intent" not in obj:
                    print(f"extract: {path}:{n}: gold lines need 'id' and 'intent'", file=stderr)
                    return 2
                gold[cid] = obj
                ex = extractor.extract(text, when, channel)
                pred[cid] = {"id": cid, "intent": ex.intent.corpus_label, "slots": ex.to_slots()}
    except OSError as e:
        print(f"extract: cannot read {path}: {e.strerror or e}", file=stderr)
        return 2
    print(report(score(gold, pred)), file=stdout)
    return 0


def run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the subcommand; 0 all good, 1 some input lines were bad, 2 unusable catalog or gold file."""
    try:
        catalog = load_catalog(args.catalog)
    except ValueError as e:
        print(f"extract: {e}", file=stderr)
        return 2
    try:
        extractor = Extractor(catalog, args.tz)
    except Exception as e:  # ZoneInfoNotFoundError and friends: a bad --tz
        print(f"extract: bad --tz {args.tz!r}: {e}", file=stderr)
        return 2
    if args.eval:
        return _evaluate(extractor, args.eval, stdout, stderr)
    return _run_lines(extractor, stdin, stdout, stderr)
