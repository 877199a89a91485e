"""Load test of `tmtool serve` on 127.0.0.1 (run by hand; not a test).

Makes (or reuses) the store of the SQLite search benchmark (bench/search_bench.py: a TMX of N
generated units, imported with `tmtool import`), starts the real command `tmtool serve` on a free
port, and sends R requests from C concurrent clients (one keep-alive connection each, a lean HTTP/1.1 client): fuzzy
searches with the benchmark's mixed queries by default, or a mix of routes. Reports p50/p95/p99
latency per route, per kind of query and overall, the errors (any answer but 200, any failed connection), the
throughput and the load average, since the machine is shared.

    python bench/serve_load.py --work /tmp/serve-bench                        # 1M units, search
    python bench/serve_load.py --work /tmp/serve-bench --units 200000 --reuse
    python bench/serve_load.py --work /tmp/serve-bench --routes search,concordance,terms,tmserver
    python bench/serve_load.py --work /tmp/serve-bench --reuse --workers 2        # two processes
    python bench/serve_load.py --db postgresql://tm@127.0.0.1/bench              # a store you have
    python bench/serve_load.py --work /tmp/serve-bench --reuse --workers 2 --rate 40   # 40 requests/s, open loop

The kinds of query (bench/search_bench.py: exact copies, near-duplicates, short and medium
fragments, unrelated text) are sent in blocks of one kind, in that order (`--order kinds`, the
default and how every earlier figure was measured), or interleaved in a random order of the seed
(`--order mixed`). The report gives the latencies of each kind beside the overall ones.

Run it from outside a checkout (or with PYTHONPATH naming the tree to time): `python -m tm.cli serve`
imports the tmtool of the working directory first.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import queue
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import make_queries, percentile, run_import, write_tmx

from tm.store import open_store

# A route's URL for one query text.
ROUTES = {
    "search": lambda q: "/api/search?q=" + quote(q),
    "concordance": lambda q: "/api/concordance?q=" + quote(" ".join(q.split()[:2])),
    "terms": lambda q: "/api/terms?q=" + quote(q.split()[0] if q.split() else q),
    "tmserver": lambda q: "/tmserver/ru/en/unit/" + quote(q),
}
Job = tuple[str, str, float | None]  # route, URL, when it is due (None: as soon as a client is free)
OK_STATUSES = {"terms": {200, 404}}  # a word that names no term is a 404 answer, not an error


def prepare_store(work: Path, units: int, reuse: bool) -> tuple[Path, dict[str, object]]:
    """The benchmark store of `units` units, made from its TMX unless reused."""
    tmx, db = work / f"bench{units}.tmx", work / f"bench{units}.db"
    report: dict[str, object] = {}
    if not (reuse and tmx.exists()):
        start = time.perf_counter()
        write_tmx(tmx, units)
        report["tmx_write_s"] = round(time.perf_counter() - start, 1)
    if not (reuse and db.exists()):
        db.unlink(missing_ok=True)
        report.update(run_import(tmx, db))
    return db, report


def start_server(db: Path | str, workers: int) -> tuple[subprocess.Popen[str], str]:
    """`tmtool serve` on a free port of 127.0.0.1, read-only, without an access log; and its URL."""
    command = [sys.executable, "-m", "tm.cli", "serve", "--db", str(db), "--port", "0", "--no-access-log",
               "--workers", str(workers)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    url = next((line.split("running on ", 1)[1].split()[0] for line in process.stderr if "running on" in line), "")
    if not url:
        raise SystemExit(f"tmtool serve did not start (exit {process.wait()})")
    for _ in range(600):  # with --workers, the URL comes before the workers listen
        try:
            with urllib.request.urlopen(url + "/openapi.json", timeout=10):
                return process, url
        except OSError:
            time.sleep(0.1)
    raise SystemExit("tmtool serve did not answer within a minute")


class Connection:
    """A lean keep-alive HTTP/1.1 GET over one socket: the load generator shares the server's two cores,
    and http.client cost about 0.3 ms of CPU a request, a few percent of the machine at full load."""

    def __init__(self, host: str, port: int) -> None:
        self.address, self.sock, self.buffer = (host, port), socket.create_connection((host, port), timeout=60), b""
        self.host = f"{host}:{port}".encode()

    def get(self, path: str) -> int:
        """The status of GET path, its body read to the end (Content-Length); OSError when the server fails."""
        self.sock.sendall(b"GET " + path.encode("ascii") + b" HTTP/1.1\r\nHost: " + self.host + b"\r\n\r\n")
        while b"\r\n\r\n" not in self.buffer:
            self.receive()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        fields = dict(line.split(b":", 1) for line in lines[1:])
        length = int({k.strip().lower(): v for k, v in fields.items()}.get(b"content-length", b"0"))
        while len(self.buffer) < length:
            self.receive()
        self.buffer = self.buffer[length:]
        return int(lines[0].split()[1])

    def receive(self) -> None:
        data = self.sock.recv(1 << 16)
        if not data:
            raise OSError("the server closed the connection")
        self.buffer += data

    def close(self) -> None:
        self.sock.close()


def client(host: str, port: int, jobs: queue.Queue[Job | None], results: list[tuple[str, float, int, str]]) -> None:
    """One keep-alive connection taking jobs until it takes None; (route, seconds, status) each.

    A job with a due time (an open-loop run) is timed from that moment, so that the time it waited
    for a free connection counts, as it would for the user who sent it.
    """
    conn = Connection(host, port)
    while (job := jobs.get()) is not None:
        route, url, due = job
        start = time.perf_counter() if due is None else due
        try:
            status = conn.get(url)
        except (OSError, ValueError, IndexError):
            status = 0
            conn.close()
            conn = Connection(host, port)
        results.append((route, time.perf_counter() - start, status, url))
    conn.close()


def run_load(url: str, jobs: list[tuple[str, str]], clients: int, rate: float = 0.0, seed: int = 98
             ) -> tuple[list[tuple[str, float, int, str]], float]:
    """Send the jobs over `clients` connections: each as soon as a connection is free (rate 0, a closed
    loop: the clients at their fastest), or at random moments averaging `rate` a second (an open loop:
    a team whose requests come whether or not the server keeps up). The results and the seconds taken."""
    host, port = url.removeprefix("http://").split(":")
    pending: queue.Queue[Job | None] = queue.Queue()
    results: list[tuple[str, float, int, str]] = []
    threads = [threading.Thread(target=client, args=(host, int(port), pending, results)) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    if rate <= 0:
        for route, path in jobs:
            pending.put((route, path, None))
    else:
        arrivals, due = random.Random(seed), start
        for route, path in jobs:
            due += arrivals.expovariate(rate)
            time.sleep(max(0.0, due - time.perf_counter()))
            pending.put((route, path, due))
    for _ in threads:
        pending.put(None)
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - start


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children that have ended, and of its live
    children (the workers of --workers), from /proc (Linux)."""
    def own(proc: int) -> float:
        try:
            with open(f"/proc/{proc}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(k) for k in children.read_text().split()] if children.exists() else []
    return own(pid) + sum(own(k) for k in kids)


def summary(results: list[tuple[str, float, int, str]]) -> dict[str, object]:
    """Latency percentiles in ms and the error count."""
    ms = [seconds * 1000 for _, seconds, _, _ in results]
    errors = sum(1 for route, _, status, _ in results if status not in OK_STATUSES.get(route, {200}))
    return {"requests": len(results), "errors": errors, "p50_ms": round(percentile(ms, 0.50), 1),
            "p95_ms": round(percentile(ms, 0.95), 1), "p99_ms": round(percentile(ms, 0.99), 1),
            "max_ms": round(max(ms), 1)}


def in_process(db: Path | str, queries: list[str], sample: int = 200) -> dict[str, object]:
    """The baseline of the same run: the same searches in this process, one at a time (no HTTP).

    With C clients each waiting for its answer and K cores, a server answers in about
    C x (mean search) / K at best (Little's law): `bound_p50_ms` is that floor for this run.
    """
    from tm.search import Searcher

    with open_store(db, create=False, readonly=True) as store:
        searcher = Searcher(store)
        searcher.search(queries[0])  # the first search reads the store's length array
        ms = []
        for text in queries[::max(1, len(queries) // sample)][:sample]:  # every kind, whatever the order
            start = time.perf_counter()
            searcher.search(text, limit=5)
            ms.append((time.perf_counter() - start) * 1000)
    return {"queries": len(ms), "p50_ms": round(percentile(ms, 0.5), 1), "p95_ms": round(percentile(ms, 0.95), 1),
            "mean_ms": round(sum(ms) / len(ms), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/serve-bench"))
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--db", help="serve this store (a path or a postgresql:// URL) instead of the benchmark's")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1, help="tmtool serve --workers")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="requests a second, sent at random moments whatever the answers (an open loop); "
                             "default 0: each client sends its next request when it has its answer")
    parser.add_argument("--routes", default="search", help=f"comma-separated, of {', '.join(ROUTES)}")
    parser.add_argument("--reuse", action="store_true", help="keep an existing TMX and store")
    parser.add_argument("--seed", type=int, default=98, help="of the query sample (and of its order)")
    parser.add_argument("--order", choices=("kinds", "mixed"), default="kinds",
                        help="kinds (default, as in every earlier figure): in blocks of one kind (exact, near, "
                             "short, medium, unrelated), so that all the clients send the same kind at once; "
                             "mixed: the kinds interleaved in a random order of the seed")
    args = parser.parse_args()
    routes = args.routes.split(",")
    args.work.mkdir(parents=True, exist_ok=True)
    db, report = (args.db, {}) if args.db else prepare_store(args.work, args.units, args.reuse)
    with open_store(db, create=False, readonly=True) as store:
        stored = [source for source, _ in itertools.islice(store.pairs(), 996, None, 997)]
        report["units"] = store.count_units()
    kinds_and_queries = make_queries(stored, args.requests, args.seed)
    if args.order == "mixed":
        random.Random(args.seed).shuffle(kinds_and_queries)
    kinds = [kind for kind, _ in kinds_and_queries]
    queries = [text for _, text in kinds_and_queries]
    jobs = [(routes[i % len(routes)], ROUTES[routes[i % len(routes)]](q)) for i, q in enumerate(queries)]
    report.update({"clients": args.clients, "workers": args.workers, "routes": routes,
                   "rate": args.rate or "closed loop", "order": args.order, "load_average_start": os.getloadavg()})
    if "search" in routes:
        base = in_process(db, queries)
        cores = min(args.workers, os.cpu_count() or 1)
        report["in_process_search"] = {**base, "bound_p50_ms": round(args.clients * float(base["mean_ms"]) / cores, 1)}
    process, url = start_server(db, args.workers)
    try:
        run_load(url, jobs[:args.clients * 2], args.clients)  # warm-up: each server thread opens its store
        cpu_before, server_before = time.process_time(), server_cpu(process.pid)
        results, seconds = run_load(url, jobs, args.clients, args.rate, args.seed)
        # The load generator shares the machine's cores with the server: what each took a request.
        report["client_cpu_ms_per_request"] = round((time.process_time() - cpu_before) * 1000 / len(jobs), 3)
        report["server_cpu_ms_per_request"] = round((server_cpu(process.pid) - server_before) * 1000 / len(jobs), 3)
    finally:
        process.terminate()
        process.wait(timeout=30)
    report["all"] = summary(results)
    report["by_route"] = {r: summary([x for x in results if x[0] == r]) for r in routes}
    kind_of = dict(zip((path for _, path in reversed(jobs)), reversed(kinds), strict=True))
    report["by_kind"] = {k: summary([x for x in results if kind_of[x[3]] == k]) for k in dict.fromkeys(kinds)}
    report["throughput_rps"] = round(len(results) / seconds, 1)
    report["load_average_end"] = os.getloadavg()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    main()
