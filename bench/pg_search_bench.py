"""Benchmark of the PostgreSQL store beside SQLite in one run (by hand; not a test).

The same generated TMX as bench/search_bench.py (N units, default 1,000,000) is imported with
`tmtool import` into an SQLite file and into a PostgreSQL database (import time each); the same
queries then run on both (p50/p95 latency, per kind too), and each top hit is checked against the
brute-force best (computed once, kept in the work directory). Without --url a throw-away cluster
is started for the run (tests/store/pgcluster.py; its settings are printed with the figures).
The query set runs --passes times on each store, alternating: pass 1 just after the import
(cold), then warm.

    python bench/pg_search_bench.py --work /tmp/tmbench --units 100000
    python bench/pg_search_bench.py --work /tmp/tmbench --reuse          # keep TMX and SQLite store
    python bench/pg_search_bench.py --url postgresql://tm@127.0.0.1/bench --units 1000000
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from search_bench import (  # noqa: E402  (bench/ is no package: its path is added above)
    TMTOOL,
    brute_force_truths,
    make_queries,
    run_import,
    score_queries,
    write_tmx,
)
from store.pgcluster import Cluster, psql, start_cluster  # noqa: E402

from tm.store import SQLiteStore, open_store  # noqa: E402
from tm.store.postgres import PostgresStore  # noqa: E402

# For a throw-away cluster: the defaults but a buffer cache that holds the 1M-unit index (the
# machine has 23 GiB), and more memory for index builds; fsync stays on, as SQLite's does.
CLUSTER_SETTINGS = {"shared_buffers": "2GB", "maintenance_work_mem": "512MB", "work_mem": "32MB",
                    "max_wal_size": "8GB", "checkpoint_timeout": "30min"}


WARM_FIGURES = ("agreement_pct", "p50_ms", "p95_ms", "max_ms", "by_kind")


def import_into(tmx: Path, url: str) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run([str(TMTOOL), "import", str(tmx), "--db", url], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"import into PostgreSQL failed: {done.stderr}")
    return {"import_s": round(time.perf_counter() - start, 1), "import_output": done.stdout.strip()}


def database_mb(url: str) -> tuple[float, dict[str, float]]:
    """The database's size, and that of each of its tables and indexes (MB)."""
    with open_store(url, create=False, readonly=True) as store:
        assert isinstance(store, PostgresStore)
        size = store.connection.execute("SELECT pg_database_size(current_database())").fetchone()
        rows = store.connection.execute(
            "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') ORDER BY 2 DESC").fetchall()
    parts = {str(name): round(int(n) / 2**20, 1) for name, n in rows if int(n) >= 2**20}
    return (round(int(size[0]) / 2**20, 1) if size else 0.0), parts


def fresh_database(cluster: Cluster | None, url: str, name: str) -> str:
    if cluster is None:
        return url
    psql(cluster, f"DROP DATABASE IF EXISTS {name}")
    psql(cluster, f"CREATE DATABASE {name}")
    return cluster.url(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmbench"))
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=98, help="of the query sample (another seed: held-out queries)")
    parser.add_argument("--reuse", action="store_true", help="keep an existing TMX and SQLite store")
    parser.add_argument("--url", help="an empty PostgreSQL database to use (else a throw-away cluster)")
    parser.add_argument("--passes", type=int, default=2,
                        help="runs of the query set on each store; the first is cold (just imported), the rest warm")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tmx, db = args.work / f"bench{args.units}.tmx", args.work / f"bench{args.units}.db"
    report: dict[str, object] = {"units": args.units, "seed": args.seed, "load_average_start": os.getloadavg()}
    if not (args.reuse and tmx.exists()):
        write_tmx(tmx, args.units)
    sqlite: dict[str, object] = {}
    if not (args.reuse and db.exists()):
        db.unlink(missing_ok=True)
        sqlite.update(run_import(tmx, db))
    sqlite["store_mb"] = round(db.stat().st_size / 2**20, 1)
    cluster = None if args.url else start_cluster(CLUSTER_SETTINGS)
    try:
        url = fresh_database(cluster, args.url or "", f"bench{args.units}")
        postgres: dict[str, object] = {"settings": CLUSTER_SETTINGS if cluster else "as given by --url"}
        postgres.update(import_into(tmx, url))
        postgres["store_mb"], postgres["relations_mb"] = database_mb(url)
        with SQLiteStore(db, create=False, readonly=True) as store:
            stored = [r[0] for r in store.connection.execute("SELECT source FROM units WHERE seq % 997 = 0")]
        queries = make_queries(stored, args.queries, args.seed)
        truths = brute_force_truths(db, queries, args.work / f"truth{args.units}-{args.seed}.json")
        for number in range(args.passes):
            for figures, location in ((sqlite, db), (postgres, url)):
                found = score_queries(location, queries, truths)
                if number:
                    found = {f"pass{number + 1}": {k: found[k] for k in WARM_FIGURES}}
                figures.update(found)
    finally:
        if cluster is not None:
            cluster.stop()
    report.update({"sqlite": sqlite, "postgres": postgres, "load_average_end": os.getloadavg()})
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    main()
