"""Extractor benchmark: messages per second over the dev corpus, and cold start time.

    python bench/extract.py [--repeat N] [--runs N]

Throughput: the whole dev corpus many times in this process (median of several runs, one core), beside
jieba.cut's over the same messages in the same runs (each run times both, one after the other): the
baseline the issue set (target: at least 3,000 messages/s, aim: 0.6 x jieba.cut).
Cold start: a fresh interpreter that imports nlp, loads the catalog and extracts one message
(median of several runs; jieba's dictionary cache in the cache dir is warm after the first).
Corpus: $SALESBOT_CORPUS_DIR, else <repo>/../shared/corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from nlp import Extractor, load_catalog  # noqa: E402

TARGET_RATE, TARGET_COLD, AIM_RATIO = 3000.0, 1.0, 0.6

COLD = """
import time, sys
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from datetime import datetime
from nlp import Extractor, load_catalog
ex = Extractor(load_catalog({catalog!r}))
sent = datetime.fromisoformat("2026-03-10T09:30:00+08:00")
ex.extract("今天上午拜访了苏州仁济医院设备科王主任，下周三下午2点再去", sent)
print(time.perf_counter() - t0)
"""


def corpus_dir() -> Path:
    env = os.environ.get("SALESBOT_CORPUS_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=10, help="passes over the corpus per run (default 10)")
    ap.add_argument("--runs", type=int, default=5, help="runs to take the median of (default 5)")
    args = ap.parse_args()
    directory = corpus_dir()
    gold, catalog_path = directory / "dev.jsonl", directory / "catalog.toml"
    if not gold.exists() or not catalog_path.exists():
        print(f"corpus not found in {directory} (set SALESBOT_CORPUS_DIR)", file=sys.stderr)
        return 2
    cases = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            cases.append((obj["text"], datetime.fromisoformat(obj["sent_at"]), obj.get("channel", "rep")))
    extractor = Extractor(load_catalog(catalog_path))
    extractor.warm_up()
    jieba.initialize()
    rates, cuts = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for text, sent_at, channel in cases:
                extractor.extract(text, sent_at, channel)
        rates.append(args.repeat * len(cases) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for text, _sent_at, _channel in cases:
                list(jieba.cut(text))
        cuts.append(args.repeat * len(cases) / (time.perf_counter() - t0))
    colds = []
    code = COLD.format(root=str(ROOT), catalog=str(catalog_path))
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        colds.append(float(out.stdout.strip().splitlines()[-1]))
    rate, cold = statistics.median(rates), statistics.median(colds)
    ratio = statistics.median(r / c for r, c in zip(rates, cuts, strict=True))
    print(
        f"throughput: {rate:,.0f} messages/s (median of {args.runs} runs x {args.repeat} passes over "
        f"{len(cases)} messages); target >= {TARGET_RATE:,.0f}: {'met' if rate >= TARGET_RATE else 'MISSED'}"
    )
    print(
        f"jieba.cut on the same messages: {statistics.median(cuts):,.0f} messages/s; extractor / jieba.cut "
        f"{ratio:.2f} (median of the runs' ratios); aim >= {AIM_RATIO}: "
        f"{'met' if ratio >= AIM_RATIO else 'MISSED'}"
    )
    print(
        f"cold start: {cold:.3f} s (import + catalog load + first message, median of {args.runs} fresh "
        f"processes); target < {TARGET_COLD:.0f} s: {'met' if cold < TARGET_COLD else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
