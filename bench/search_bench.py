"""Benchmark of import and fuzzy search at a million units (run by hand; not a test).

Builds a TMX of N units (default 1,000,000) from real sentences (the bundled report A/58/98
and ../shared/data/parallel) varied by deterministic edits so that near-duplicates exist,
imports it with `tmtool import` (time, peak memory), runs 200 queries of mixed length (exact
copies, near-duplicates, 1-4 and 5-9 word fragments, unrelated English; p50/p95 latency, each
kind on its own) and checks each top hit against a brute-force scan with the same scorer. The
brute-force answers take ~1 s a query and are kept in the work directory (truth<N>-<seed>.json);
the load average is reported since the machine is shared.

    python bench/search_bench.py --work /tmp/tmbench                     # everything
    python bench/search_bench.py --work /tmp/tmbench --reuse             # keep the TMX and store
    python bench/search_bench.py --work /tmp/tmbench --reuse --seed 7    # held-out queries
    python bench/search_bench.py --work /tmp/tmbench --reuse --baseline-src /work/main  # vs that tree, same run

With --baseline-src this script runs again in a child process whose PYTHONPATH is that tree, so the
queries, timing and truths are this script's and only the searched code is the other tree's (the
report names the tm package each run imported); the two runs' top-5 hits are compared query by query.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from rapidfuzz import fuzz, process

import tm
from exports.base import ExportContext
from exports.tmx import dump_tmx
from tm.app import build_memory, example_path
from tm.model import Unit
from tm.search import Searcher, match_score, normalize_text, words_of
from tm.store import SQLiteStore, open_store

PARALLEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "parallel"
PARALLEL_SETS = ("flores200_devtest_ruen", "wmt21_newstest_ruen")
TMTOOL = Path(sys.executable).with_name("tmtool")
ENDINGS = ("а", "ы", "ой", "ами", "ов", "е", "ом", "ию")
PUNCT = (",", ";", ":", ".", "!", "?", " -")

Words = list[str]


def base_pairs() -> list[tuple[str, str]]:
    """Real (Russian, English) pairs; report sentences have no English and keep an empty target."""
    pairs = [(u.source, "") for u in build_memory(example_path()).units]
    for name in PARALLEL_SETS:
        ru = (PARALLEL / f"{name}.ru").read_text(encoding="utf-8").splitlines()
        en = (PARALLEL / f"{name}.en").read_text(encoding="utf-8").splitlines()
        pairs += list(zip(ru, en))
    return pairs


# Deterministic edits: each takes the word list and a random source, returns a new list.
def change_number(w: Words, rng: random.Random, vocab: Words) -> Words:
    i = rng.randrange(len(w) + 1)
    digits = [k for k, x in enumerate(w) if any(c.isdigit() for c in x)]
    if digits:
        k = rng.choice(digits)
        return w[:k] + [str(rng.randrange(1, 3000))] + w[k + 1:]
    return w[:i] + [str(rng.randrange(1, 3000))] + w[i:]


def drop_word(w: Words, rng: random.Random, vocab: Words) -> Words:
    if len(w) < 3:
        return w + [rng.choice(vocab)]
    k = rng.randrange(len(w))
    return w[:k] + w[k + 1:]


def swap_words(w: Words, rng: random.Random, vocab: Words) -> Words:
    if len(w) < 2:
        return w + [rng.choice(vocab)]
    k = rng.randrange(len(w) - 1)
    return w[:k] + [w[k + 1], w[k]] + w[k + 2:]


def borrow_word(w: Words, rng: random.Random, vocab: Words) -> Words:
    k = rng.randrange(len(w))
    return w[:k] + [rng.choice(vocab)] + w[k + 1:]


def change_ending(w: Words, rng: random.Random, vocab: Words) -> Words:
    k = rng.randrange(len(w))
    stem = w[k][:-2] if len(w[k]) > 4 else w[k]
    return w[:k] + [stem + rng.choice(ENDINGS)] + w[k + 1:]


def change_punct(w: Words, rng: random.Random, vocab: Words) -> Words:
    k = rng.randrange(len(w))
    return w[:k] + [w[k].rstrip(",.;:!?") + rng.choice(PUNCT)] + w[k + 1:]


EDITS: tuple[Callable[[Words, random.Random, Words], Words], ...] = (
    change_number, drop_word, swap_words, borrow_word, change_ending, change_punct,
)


def variant(pairs: list[tuple[str, str]], vocab: Words, rng: random.Random, edits: int) -> tuple[str, str]:
    """One near-duplicate: a base pair (30% spliced with another), then a few random edits."""
    src, tgt = rng.choice(pairs)
    words = src.split()
    if rng.random() < 0.3:
        other, other_tgt = rng.choice(pairs)
        cut = rng.randrange(1, max(2, len(words)))
        tail = other.split()
        words = words[:cut] + tail[rng.randrange(len(tail)):]
        tgt = f"{tgt} {other_tgt}".strip()
    for _ in range(edits):
        words = rng.choice(EDITS)(words or [rng.choice(vocab)], rng, vocab)
    return " ".join(words), tgt


def generate_units(count: int, seed: int = 58) -> Iterator[Unit]:
    """count distinct (source, target) units, deterministically."""
    pairs = base_pairs()
    vocab = sorted({w for s, _ in pairs for w in s.split()})
    rng, seen = random.Random(seed), set()
    while len(seen) < count:
        src, tgt = variant(pairs, vocab, rng, rng.randint(1, 4))
        if (src, tgt) in seen:
            continue
        seen.add((src, tgt))
        n = len(seen)
        yield Unit(id=f"bench:{n:07d}", doc="bench", source=src, target=tgt, position=n)


def write_tmx(path: Path, count: int) -> None:
    ctx = ExportContext(created=__import__("datetime").datetime(2024, 1, 1), signature="bench")
    with path.open("wb") as stream:
        dump_tmx(generate_units(count), stream, ctx)


def make_queries(stored: list[str], count: int, seed: int = 98) -> list[tuple[str, str]]:
    """(kind, text): exact copies, fresh near-duplicates, 1-4 and 5-9 word fragments, unrelated text."""
    rng = random.Random(seed)
    pairs = base_pairs()
    vocab = sorted({w for s, _ in pairs for w in s.split()})
    english = [t for _, t in pairs if t]
    fifth = count // 5
    queries = [("exact", rng.choice(stored)) for _ in range(fifth)]
    queries += [("near", variant(pairs, vocab, rng, rng.randint(1, 3))[0]) for _ in range(fifth)]
    queries += [("short", " ".join(rng.choice(pairs)[0].split()[: rng.randint(1, 4)])) for _ in range(fifth)]
    queries += [("medium", " ".join(rng.choice(pairs)[0].split()[: rng.randint(5, 9)])) for _ in range(fifth)]
    queries += [("unrelated", rng.choice(english)) for _ in range(count - len(queries))]
    return queries


def run_import(tmx: Path, db: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([str(TMTOOL), "import", str(tmx), "--db", str(db)], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"import failed: {done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"import_s": round(seconds, 1), "import_peak_mb": round(max(peak, before) / 1024, 1),
            "import_output": done.stdout.strip()}  # type: ignore[dict-item]


def brute_force_top(query: str, sources: list[str], lowered: list[str], by_words: dict[str, list[int]],
                    ids: list[str]) -> tuple[float, float, str] | None:
    """(score, similarity, id) of the best unit by scanning every source with the search's own scorer.

    Every source's similarity is computed (rapidfuzz, in C); the 50 most similar plus every
    source with the same words (the only ones the scorer can lift above their similarity) are
    then scored exactly as tm.search scores them.
    """
    q = normalize_text(query)
    found = process.extract(q.lower(), lowered, scorer=fuzz.ratio, limit=50, score_cutoff=50)
    indexes = {i for _, _, i in found} | set(by_words.get(words_of(q), ()))
    scored = [(*match_score(q, normalize_text(sources[i])), ids[i]) for i in indexes]
    scored = [s for s in scored if s[0] >= 75]
    if not scored:
        return None
    return min(scored, key=lambda s: (-s[0], -s[1], s[2]))


def brute_force_truths(db: Path, queries: list[tuple[str, str]], cache: Path) -> list[list[object] | None]:
    """The brute-force best of every query, remembered in cache (it takes ~1 s a query at 1M units)."""
    key = f"{db.name}:" + hashlib.sha256("\n".join(q for _, q in queries).encode()).hexdigest()
    if cache.exists() and json.loads(cache.read_text(encoding="utf-8")).get("key") == key:
        return json.loads(cache.read_text(encoding="utf-8"))["truths"]  # type: ignore[no-any-return]
    with SQLiteStore(db, create=False, readonly=True) as store:
        rows = store.connection.execute("SELECT id, source FROM units").fetchall()
    ids, sources = [r[0] for r in rows], [r[1] for r in rows]
    lowered = [normalize_text(s).lower() for s in sources]
    by_words: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sources):
        by_words[words_of(normalize_text(s))].append(i)
    truths = [brute_force_top(text, sources, lowered, by_words, ids) for _, text in queries]
    cache.write_text(json.dumps({"key": key, "truths": truths}, ensure_ascii=False), encoding="utf-8")
    return [list(t) if t else None for t in truths]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[int(share * (len(ordered) - 1))], 2) if ordered else 0.0


def check_queries(db: Path, queries: list[tuple[str, str]], cache: Path, top5: TopHits | None = None
                  ) -> dict[str, object]:
    """Latency of every query (searches timed on their own), and agreement with brute force."""
    return score_queries(db, queries, brute_force_truths(db, queries, cache), top5)


def same_top5(queries: list[tuple[str, str]], mine: TopHits, theirs: TopHits) -> dict[str, object]:
    """How many queries have the very same top 5 hits (ids, scores, similarities) in both runs."""
    differ = [{"kind": k, "query": q, "this": a, "baseline": b}
              for (k, q), a, b in zip(queries, mine, theirs, strict=True) if a != b]
    return {"top5_same": len(queries) - len(differ), "top5_differ": differ[:5]}


TopHits = list[list[list[object]]]  # per query: [id, score, similarity] of each of its top 5 hits


def score_queries(db: Path | str, queries: list[tuple[str, str]],
                  truths: list[list[object] | None], top5: TopHits | None = None) -> dict[str, object]:
    """Latency of every query in the store at db (a path or URL), and agreement with the given truths.

    top5, when given, receives every query's top 5 hits.
    """
    with open_store(db, create=False, readonly=True) as store:
        searcher = Searcher(store)
        results = []
        for _, text in queries:
            start = time.perf_counter()
            hits = searcher.search(text, limit=5)
            results.append(((time.perf_counter() - start) * 1000, hits))
    if top5 is not None:
        top5 += [[[h.id, h.score, h.similarity] for h in hits] for _, hits in results]
    by_kind: dict[str, list[float]] = defaultdict(list)
    agree, tie, with_match, misses = 0, 0, 0, []
    for (kind, text), (ms, hits), truth in zip(queries, results, truths):
        by_kind[kind].append(ms)
        if truth is None:
            continue
        with_match += 1
        score, raw, unit_id = truth
        if hits and hits[0].id == unit_id:
            agree += 1
        elif hits and (hits[0].score, hits[0].similarity) == (round(score, 1), round(raw, 1)):
            tie += 1  # another unit with the same score and similarity: an equally good top hit
        else:
            got = [hits[0].id, hits[0].score, hits[0].similarity] if hits else None
            misses.append({"kind": kind, "query": text, "truth": truth, "got": got})
    latencies = [ms for ms, _ in results]
    return {
        "queries": len(queries), "with_match_75": with_match, "top_hit_same_id": agree,
        "top_hit_same_score_other_id": tie,
        "agreement_pct": round(100 * (agree + tie) / max(1, with_match), 2),
        "p50_ms": percentile(latencies, 0.5), "p95_ms": percentile(latencies, 0.95), "max_ms": round(max(latencies), 2),
        "by_kind": {k: {"n": len(v), "p50_ms": percentile(v, 0.5), "p95_ms": percentile(v, 0.95)}
                    for k, v in by_kind.items()},
        "misses": misses[:10],
    }


def first_search(db: Path, text: str) -> float:
    """The time of a fresh process's first search (it reads what a store keeps in memory), in ms."""
    code = ("import sys, time; from tm.store import open_store; from tm.search import Searcher\n"
            "with open_store(sys.argv[1], create=False, readonly=True) as store:\n"
            "    start = time.perf_counter(); Searcher(store).search(sys.argv[2])\n"
            "    print((time.perf_counter() - start) * 1000)")
    # Run in the store's folder: from a checkout, -c would import that checkout's tm whatever PYTHONPATH says.
    done = subprocess.run([sys.executable, "-c", code, str(db), text], capture_output=True, text=True, check=True,
                          cwd=db.parent)
    return round(float(done.stdout), 1)


def timed_stats(db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(TMTOOL), "stats", "--db", str(db)], check=True, capture_output=True)
    return round(time.perf_counter() - start, 2)


def baseline(src: Path, args: argparse.Namespace, top5: TopHits) -> dict[str, object]:
    """The same check, by this script, of another source tree's code (the store and truths reused).

    top5 receives the baseline's top 5 hits of every query.
    """
    with tempfile.TemporaryDirectory() as tmp:
        hits = Path(tmp) / "top5.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--work", str(args.work), "--units",
                   str(args.units), "--queries", str(args.queries), "--seed", str(args.seed), "--reuse",
                   "--top5-out", str(hits)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp,
                              env={**os.environ, "PYTHONPATH": str(src.resolve())})
        top5 += json.loads(hits.read_text(encoding="utf-8"))
    found: dict[str, object] = json.loads(done.stdout)
    keys = ("tm_package", "agreement_pct", "p50_ms", "p95_ms", "max_ms", "by_kind", "first_search_ms")
    return {k: found[k] for k in keys if k in found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmbench"))
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="keep an existing TMX and store")
    parser.add_argument("--seed", type=int, default=98, help="of the query sample (another seed: held-out queries)")
    parser.add_argument("--baseline-src", type=Path, help="also run the check with this source tree, before this one")
    parser.add_argument("--top5-out", type=Path, help="write every query's top 5 hits here (JSON)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tmx, db = args.work / f"bench{args.units}.tmx", args.work / f"bench{args.units}.db"
    report: dict[str, object] = {"units": args.units, "seed": args.seed, "load_average_start": os.getloadavg(),
                                 "tm_package": str(Path(tm.__file__).resolve().parent)}
    if not (args.reuse and tmx.exists()):
        start = time.perf_counter()
        write_tmx(tmx, args.units)
        report["tmx_write_s"] = round(time.perf_counter() - start, 1)
    report["tmx_mb"] = round(tmx.stat().st_size / 2**20, 1)
    if not (args.reuse and db.exists()):
        db.unlink(missing_ok=True)
        report.update(run_import(tmx, db))
    report["store_mb"] = round(db.stat().st_size / 2**20, 1)
    report["stats_s"] = timed_stats(db)
    theirs: TopHits = []
    if args.baseline_src:
        report["baseline"] = {"src": str(args.baseline_src), **baseline(args.baseline_src, args, theirs)}
    with SQLiteStore(db, create=False, readonly=True) as store:
        stored = [r[0] for r in store.connection.execute("SELECT source FROM units WHERE seq % 997 = 0")]
    queries = make_queries(stored, args.queries, args.seed)
    report["first_search_ms"] = first_search(db, queries[0][1])
    mine: TopHits = []
    report.update(check_queries(db, queries, args.work / f"truth{args.units}-{args.seed}.json", mine))
    if args.top5_out:
        args.top5_out.write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
    if args.baseline_src:
        report.update(same_top5(queries, mine, theirs))
    if args.baseline_src:
        old = report["baseline"]
        assert isinstance(old, dict)
        report["p50_ratio_to_baseline"] = round(float(report["p50_ms"]) / float(old["p50_ms"]), 2)  # type: ignore[arg-type]
        report["p95_ratio_to_baseline"] = round(float(report["p95_ms"]) / float(old["p95_ms"]), 2)  # type: ignore[arg-type]
    report["load_average_end"] = os.getloadavg()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    main()
