"""The real server under concurrent requests: every thread of the pool has its own store, and
concurrent answers are the answers given one at a time."""
from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

QUERIES = ["В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции.",
           "трудящихся-мигрантов", "Генеральный секретарь призывает все государства",
           "Доклад Генерального секретаря", "международная миграция и развитие"]


def fetch(url: str) -> tuple[int, object]:
    with urllib.request.urlopen(url, timeout=60) as answer:
        return answer.status, json.load(answer)


def test_concurrent_answers_equal_the_sequential_ones(live_url: str) -> None:
    urls = [f"{live_url}/api/{route}?q={quote(q)}" for q in QUERIES for route in ("search", "concordance")]
    alone = [fetch(u) for u in urls]
    with ThreadPoolExecutor(max_workers=20) as pool:
        together = list(pool.map(fetch, urls * 6))
    assert together == alone * 6
    assert all(status == 200 for status, _ in together)
