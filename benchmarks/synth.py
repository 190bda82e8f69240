"""Synthetic fact files for benchmarks and stress tests (seeded, so runs are comparable)."""

from __future__ import annotations

import json
import random
import sys

__all__ = ["generate", "write"]

DOMAINS = ["batteries", "ev platforms", "autonomous driving", "smart cockpits", "chips", "software",
           "hybrid powertrains", "charging", "joint venture", "lidar"]
STATUSES = ["active", "active", "active", "prospective", "ended"]


def generate(n: int, seed: int = 7, offset: int = 0):
    """Yield *n* relation records over about n/10 companies and n/4 sources."""
    rng = random.Random(seed)
    companies = max(20, n // 10)
    sources = max(5, n // 4)
    for i in range(offset, offset + n):
        a, b = rng.randrange(companies), rng.randrange(companies)
        if a == b:
            b = (b + 1) % companies
        s = rng.randrange(sources)
        rec = {
            "subject": f"Company {a}", "predicate": "PARTNERS_WITH", "object": f"Company {b}",
            "domain": rng.choice(DOMAINS) + f" {i % 997}", "status": rng.choice(STATUSES),
            "since": str(2000 + rng.randrange(25)),
            "source": {"url": f"https://news.example.com/{s}", "title": f"Story {s}", "publisher": "Example News",
                       "published": f"{2010 + s % 15}-{1 + s % 12:02d}-{1 + s % 28:02d}",
                       "quote": f"Company {a} and Company {b} work together (fact {i})."},
            "confidence": round(0.5 + rng.random() / 2, 2),
        }
        yield rec


def write(path: str, n: int, seed: int = 7, offset: int = 0) -> None:
    with open(path, "w", encoding="utf-8") as fp:
        for rec in generate(n, seed, offset):
            fp.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
