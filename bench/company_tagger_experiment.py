"""Experiment: does a statistical company-span tagger (CRF) beat or complement the company rules?

    python bench/company_tagger_experiment.py [--iterations N] [--jobs N] [--only NAME,...]

Needs python-crfsuite (`pip install python-crfsuite`; it is not a project dependency).

Leave-one-corpus-out over every labelled corpus we may read (dev, dev2 and the labelled fixture
corpora; never heldout8 or sealed*): for each corpus a CRF is trained on all the others and tested on
it, so every figure is on an industry the model did not see. Per character features: characters and
character n-grams in a window, character class, the word (extractor's own jieba cut) and its position
in it, the word's dictionary POS tag, lexicon tables of nlp/ (organisation suffixes with their strength,
cities, titles, surnames, the company finder's allow/stop words), catalog mentions, and for the
stacked model the rules' own company span (B/I/O).

Variants scored on the `company` slot exactly as score.py does (one string per message):
  rules     the extractor as it is
  crf       CRF without the rules' span
  stacked   CRF with the rules' span as features
  fallback  rules; the CRF (alone) only where the rules find nothing
  fallback+ rules; the stacked CRF only where the rules find nothing
  arbiter   where rules and CRF disagree, the labelling the CRF (alone) scores likelier
Then cost: µs per message for features + tagging, model size, load time.

Findings (2026, 30 corpora, 2,653 messages, 1,821 gold companies; c1 0.05, c2 0.01, 100 iterations):
pooled company F1 rules 0.963, crf 0.902, stacked 0.965, stacked@.9 0.964, fallback 0.964,
fallback@.9 0.965, fallback+ 0.963, arbiter 0.914; an oracle picking whichever of rules / CRF is
right would reach 0.980. Every variant drops some corpus by more than 0.01 (stacked: print -0.028,
petfood -0.019; fallback@.9: robotics -0.011). Features + tagging cost about as much as the whole
extractor (~320 µs/msg unloaded), model 0.15-0.36 MB, opens in <1 ms, pycrfsuite imports in ~45 ms.
So the CRF was not integrated; what it finds that the rules miss are mostly unsuffixed
"city + brand + industry word" names before a contact ("大连星海游艇 见了曲总"), a kind for the rules.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

try:
    import pycrfsuite
except ImportError:  # an experiment's tool, not a project dependency
    sys.exit("needs python-crfsuite: pip install python-crfsuite")

from nlp import Extractor, load_catalog  # noqa: E402
from nlp.cities import gazetteer  # noqa: E402
from nlp.lexicon import COMMON_SURNAMES, company_words, literal_re, org_suffixes, titles  # noqa: E402

FIX = ROOT / "tests" / "fixtures"


def corpus_dir() -> Path:
    env = os.environ.get("SALESBOT_CORPUS_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def corpora() -> list[tuple[str, Path, Path]]:
    """(name, gold, catalog) of every labelled corpus this experiment may read."""
    c = corpus_dir()
    out = [("dev", c / "dev.jsonl", c / "catalog.toml"), ("dev2", c / "dev2.jsonl", c / "dev2_catalog.toml")]
    for d in ("heldout", "heldout2", "heldout3", "heldout5"):
        for g in sorted((FIX / d).glob("*.jsonl")):
            out.append((f"{d}/{g.stem}", g, g.with_suffix(".toml")))
    for d in ("heldout6", "heldout7", "study12", "study17", "study19"):
        for g in sorted((FIX / d).glob("*.jsonl")):
            out.append((f"{d}/{g.stem}", g, g.with_name(g.stem + "_catalog.toml")))
    for stem, cat in (("study4_dental", "catalog_dental"), ("study4_pv", "catalog_pv")):
        out.append((f"study4/{stem[7:]}", FIX / "study4" / f"{stem}.jsonl", FIX / "study4" / f"{cat}.toml"))
    for g in sorted((FIX / "study9").glob("*_study9.jsonl")):
        stem = g.stem.removesuffix("_study9")
        out.append((f"study9/{stem}", g, g.with_name(f"{stem}_catalog.toml")))
    for _, g, cat in out:
        assert g.exists() and cat.exists(), (g, cat)
        assert "heldout8" not in str(g) and "sealed" not in str(g)
    return out


@dataclass(slots=True)
class Case:
    corpus: str
    text: str
    gold: str | None  # the gold company
    gold_span: tuple[int, int] | None  # first occurrence of the gold company in the text
    rules: str | None
    rules_span: tuple[int, int] | None
    feats: list[list[str]]  # without the rules' span
    rules_tags: list[str]
    labels: list[str]


# ---------------------------------------------------------------- features


def char_class(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L" if ch.islower() else "U"
    if ch.isspace():
        return "S"
    return "P"


@cache
def pos_tags() -> dict[str, str]:
    """jieba's dictionary POS tag of each word (what posseg reads for dictionary words, no HMM)."""
    import jieba

    tags: dict[str, str] = {}
    with Path(jieba.__file__).with_name("dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@cache
def lexicon_res() -> dict[str, re.Pattern[str]]:
    sfx = org_suffixes()
    return {
        "sfx3": literal_re(w for w, s in sfx.items() if s >= 3),
        "sfx2": literal_re(w for w, s in sfx.items() if s == 2),
        "sfx1": literal_re(w for w, s in sfx.items() if s <= 1),
        "city": gazetteer().pattern,
        "title": literal_re(titles()),
        "allow": literal_re(company_words("company_name_words.txt")),
        "stop": literal_re(w for w in company_words("company_stop_words.txt") if len(w) > 1),
    }


def bio(n: int, span: tuple[int, int] | None) -> list[str]:
    tags = ["O"] * n
    if span is not None:
        s, e = span
        tags[s] = "B"
        for i in range(s + 1, e):
            tags[i] = "I"
    return tags


def features(text: str, cut: Callable[[str], list[str]], mentions: list[tuple[int, int]]) -> list[list[str]]:
    n = len(text)
    tags = pos_tags()
    feats: list[list[str]] = [[] for _ in range(n)]
    # words of the extractor's own cut: position in the word, the word, its POS tag
    pos = 0
    for w in cut(text):
        t = tags.get(w, "?")
        lw = len(w)
        for k in range(lw):
            i = pos + k
            bmes = "S" if lw == 1 else ("B" if k == 0 else ("E" if k == lw - 1 else "M"))
            f = feats[i]
            f.append("wp=" + bmes)
            f.append("pos=" + t + bmes)
            f.append("wl=" + str(min(lw, 5)))
            if lw > 1:
                f.append("w=" + w)
        # the neighbouring words' tags: what stands before the name and after it
        pos += lw
    # lexicon spans: B/I/E marks of each match
    for key, rx in lexicon_res().items():
        for m in rx.finditer(text):
            s, e = m.span()
            if e <= s:
                continue
            for i in range(s, e):
                mark = "B" if i == s else ("E" if i == e - 1 else "I")
                feats[i].append(f"{key}={mark}")
            if s > 0:
                feats[s - 1].append(f"{key}_next")
            if e < n:
                feats[e].append(f"{key}_prev")
    for s, e in mentions:
        for i in range(s, e):
            feats[i].append("cat=" + ("B" if i == s else "I"))
        if s > 0:
            feats[s - 1].append("cat_next")
        if e < n:
            feats[e].append("cat_prev")
    cls = [char_class(ch) for ch in text]
    pad = "^^" + text + "$$"
    for i in range(n):
        j = i + 2
        f = feats[i]
        f.append("bias")
        for d in (-2, -1, 0, 1, 2):
            f.append(f"c{d}={pad[j + d]}")
        f.append("c-1c0=" + pad[j - 1 : j + 1])
        f.append("c0c1=" + pad[j : j + 2])
        f.append("c-2c-1=" + pad[j - 2 : j])
        f.append("c1c2=" + pad[j + 1 : j + 3])
        f.append("c-1c1=" + pad[j - 1] + pad[j + 1])
        f.append("cls=" + cls[i] + (cls[i - 1] if i else "^") + (cls[i + 1] if i + 1 < n else "$"))
        if text[i] in COMMON_SURNAMES:
            f.append("surname")
        f.append("rel=" + str(min(i, 6)))
    return feats


def with_rules(feats: list[list[str]], rules_tags: list[str]) -> list[list[str]]:
    out = []
    n = len(feats)
    for i, f in enumerate(feats):
        prev = rules_tags[i - 1] if i else "^"
        nxt = rules_tags[i + 1] if i + 1 < n else "$"
        out.append([*f, "r=" + rules_tags[i], "rw=" + prev + rules_tags[i] + nxt])
    return out


# ---------------------------------------------------------------- data


def load_cases(name: str, gold: Path, cat: Path) -> tuple[list[Case], float]:
    ex = Extractor(load_catalog(cat))
    ex.warm_up()
    cut = ex._cut
    cases: list[Case] = []
    lost = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        o = json.loads(line)
        text = re.sub(r"[\u00a0\u3000\t\r\f\v]", " ", o["text"][:4000])
        r = ex.extract(text, datetime.fromisoformat(o["sent_at"]), o.get("channel", "rep"))
        g = o.get("slots", {}).get("company")
        gspan = None
        if g:
            k = text.find(g)
            if k >= 0:
                gspan = (k, k + len(g))
            else:
                lost += 1
        rspan = r.spans.get("company") if r.company else None
        mentions = [(m.start, m.end) for m in ex.catalog.find(text)]
        feats = features(text, cut, mentions)
        cases.append(
            Case(name, text, g, gspan, r.company, rspan, feats, bio(len(text), rspan), bio(len(text), gspan))
        )
    return cases, lost


# ---------------------------------------------------------------- CRF


def train(cases: list[Case], stacked: bool, path: str, iterations: int) -> None:
    tr = pycrfsuite.Trainer(verbose=False)
    for c in cases:
        f = with_rules(c.feats, c.rules_tags) if stacked else c.feats
        tr.append(pycrfsuite.ItemSequence(f), c.labels)
    tr.set_params(
        {"c1": 0.05, "c2": 0.01, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    tr.train(path)


def spans_of(tags: list[str]) -> list[tuple[int, int]]:
    out = []
    s = None
    for i, t in enumerate([*tags, "O"]):
        if t == "B" or t == "O" or (t == "I" and s is None):
            if s is not None:
                out.append((s, i))
                s = None
            if t == "B" or t == "I":
                s = i
    return out


def best_span(tagger: pycrfsuite.Tagger, tags: list[str]) -> tuple[tuple[int, int] | None, float]:
    """The span the tagger is surest of (lowest marginal of its tags), and that confidence."""
    sp = spans_of(tags)
    if not sp:
        return None, 0.0

    def conf(s: tuple[int, int]) -> float:
        a, b = s
        return min(tagger.marginal(tags[i], i) for i in range(a, b))

    best = max(sp, key=conf)
    return best, conf(best)


VARIANTS = ("rules", "crf", "stacked", "stacked@.9", "fallback", "fallback@.9", "fallback+", "arbiter")
_DATA: dict[str, list[Case]] = {}  # set before the worker processes fork


def fold(args: tuple[str, int]) -> dict[str, list[str | None]]:
    """Train on every corpus but `name`, predict the company of each of its cases for every variant."""
    name, iterations = args
    train_cases = [c for k, v in _DATA.items() if k != name for c in v]
    test_cases = _DATA[name]
    out: dict[str, list[str | None]] = {k: [] for k in VARIANTS if k != "rules"}
    with tempfile.TemporaryDirectory() as tmp:
        alone_path, stacked_path = f"{tmp}/alone.crf", f"{tmp}/stacked.crf"
        train(train_cases, False, alone_path, iterations)
        train(train_cases, True, stacked_path, iterations)
        alone, stacked = pycrfsuite.Tagger(), pycrfsuite.Tagger()
        alone.open(alone_path)
        stacked.open(stacked_path)
        for c in test_cases:
            t1 = alone.tag(pycrfsuite.ItemSequence(c.feats))
            s1, conf1 = best_span(alone, t1)
            crf = c.text[s1[0] : s1[1]] if s1 else None
            t2 = stacked.tag(pycrfsuite.ItemSequence(with_rules(c.feats, c.rules_tags)))
            s2, conf2 = best_span(stacked, t2)
            st = c.text[s2[0] : s2[1]] if s2 else None
            out["crf"].append(crf)
            out["stacked"].append(st)
            out["stacked@.9"].append(st if st == c.rules or conf2 >= 0.9 else c.rules)
            out["fallback"].append(c.rules if c.rules else crf)
            out["fallback@.9"].append(c.rules if c.rules else (crf if conf1 >= 0.9 else None))
            out["fallback+"].append(c.rules if c.rules else st)
            # arbiter: the labelling (rules' or the CRF's own) the CRF alone finds likelier
            if c.rules is None or c.rules_span is None or crf == c.rules:
                arb = c.rules if c.rules else crf
            else:
                alone.set(pycrfsuite.ItemSequence(c.feats))
                p_rules = alone.probability(c.rules_tags)
                p_crf = alone.probability(t1)
                arb = crf if p_crf > 2 * p_rules else c.rules
            out["arbiter"].append(arb)
    return out


def prf(pairs: list[tuple[str | None, str | None]]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for g, p in pairs:
        if g and p and g == p:
            tp += 1
        else:
            fp += bool(p)
            fn += bool(g)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1, tp, fp, fn


def cost(cases: list[Case], model_path: str, catalog_path: Path, stacked: bool) -> None:
    """µs per message for features + tagging over the dev corpus (features from scratch, with the
    word cut they need), the model's size and the time to open it."""
    ex = Extractor(load_catalog(catalog_path))
    ex.warm_up()
    cut = ex._cut
    lexicon_res()
    pos_tags()
    t0 = time.perf_counter()
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    load = time.perf_counter() - t0
    texts = [(c.text, [(m.start, m.end) for m in ex.catalog.find(c.text)], c.rules_tags) for c in cases]
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        for text, mentions, rules_tags in texts:
            f = features(text, cut, mentions)
            if stacked:
                f = with_rules(f, rules_tags)
            tagger.tag(pycrfsuite.ItemSequence(f))
        runs.append((time.perf_counter() - t0) / len(texts) * 1e6)
    # the extractor itself, for scale
    ext = []
    for _ in range(3):
        t0 = time.perf_counter()
        for text, _, _ in texts:
            ex.extract(text, datetime(2026, 3, 10, 9, 30))
        ext.append((time.perf_counter() - t0) / len(texts) * 1e6)
    print(
        f"cost ({'stacked' if stacked else 'alone'}): features+tag {statistics.median(runs):.0f} µs/msg "
        f"(extractor alone {statistics.median(ext):.0f} µs/msg), "
        f"model {os.path.getsize(model_path) / 1e6:.2f} MB, "
        f"open {load * 1e3:.1f} ms (+ POS table load, not needed if the cut's classes are reused)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated corpus names to hold out (default all)")
    ap.add_argument("--dump", default="", help="write every prediction to this JSON file")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data: dict[str, list[Case]] = {}
    for name, gold, cat in corpora():
        cases, lost = load_cases(name, gold, cat)
        data[name] = cases
        if lost:
            print(f"{name}: {lost} gold companies not found verbatim in their text", file=sys.stderr)
    n = sum(len(v) for v in data.values())
    print(f"{len(data)} corpora, {n} messages, loaded in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    names = [x for x in args.only.split(",") if x] or list(data)
    _DATA.update(data)
    jobs = [(nm, args.iterations) for nm in names]
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        results = dict(zip(names, pool.map(fold, jobs), strict=True))
    variants = list(VARIANTS)
    pooled: dict[str, list[tuple[str | None, str | None]]] = {v: [] for v in variants}
    print(f"{'corpus':24} {'n':>4} " + " ".join(f"{v:>11}" for v in variants))
    for nm in names:
        cases = data[nm]
        row = []
        for v in variants:
            preds = [c.rules for c in cases] if v == "rules" else results[nm][v]
            pairs = [(c.gold, p) for c, p in zip(cases, preds, strict=True)]
            pooled[v].extend(pairs)
            row.append(prf(pairs)[2])
        print(f"{nm:24} {len(cases):>4} " + " ".join(f"{x:11.3f}" for x in row))
    print(
        f"{'POOLED F1':24} {len(pooled['rules']):>4} "
        + " ".join(f"{prf(pooled[v])[2]:11.3f}" for v in variants)
    )
    oracle = [
        (c.gold, c.gold if c.gold in (c.rules, results[nm]["crf"][i], results[nm]["stacked"][i]) else c.rules)
        for nm in names
        for i, c in enumerate(data[nm])
    ]
    print(f"oracle (rules or a CRF right, whichever is): F1 {prf(oracle)[2]:.3f}")
    none = sum(c.rules is None for nm in names for c in data[nm])
    print(f"messages where the rules find no company: {none} of {len(oracle)}")
    if args.dump:
        Path(args.dump).write_text(
            json.dumps(
                {
                    nm: [
                        {
                            "text": c.text,
                            "gold": c.gold,
                            "rules": c.rules,
                            **{v: results[nm][v][i] for v in variants[1:]},
                        }
                        for i, c in enumerate(data[nm])
                    ]
                    for nm in names
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    print("\nrules per corpus (company):")
    for nm in names:
        p, r, f, tp, fp, fn = prf([(c.gold, c.rules) for c in data[nm]])
        print(f"  {nm:24} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp} fp {fp} fn {fn})")
    print("pooled:")
    for v in variants:
        p, r, f, tp, fp, fn = prf(pooled[v])
        print(f"  {v:12} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp} fp {fp} fn {fn})")
    # cost of a model trained on everything, timed on dev
    with tempfile.TemporaryDirectory() as tmp:
        every = [c for v in data.values() for c in v]
        for stacked in (False, True):
            path = f"{tmp}/m.crf"
            train(every, stacked, path, args.iterations)
            cost(data["dev"], path, corpus_dir() / "catalog.toml", stacked)
    print(f"total {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
