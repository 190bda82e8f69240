"""Neo4j under concurrency and faults, against the real server.

* Concurrent loaders (separate ``autokg load`` processes) with overlapping facts converge to the
  result of loading the same files one after the other, in the order the loads took the
  database's load lock (:mod:`autokg.graph.neo4j.lock`): every row, ``stats``, every preset and
  an export are compared with a database loaded sequentially in that order.
* Readers running presets while a load runs get no errors.
* A connection cut in the middle of a transaction by a TCP proxy (:class:`CuttingProxy`): the
  load is retried and completes, or, when the server stays out of reach, fails with one line;
  a rerun then completes it, with nothing duplicated.

The facts are built so that the order of the loads matters somewhere (two sources of the same
date and confidence giving a relation different statuses: the later record wins, as in a
sequential load), so the comparison also checks that the order is the lock's.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from _helpers import dump, snapshot, write_jsonl
from autokg.graph.embedded import EmbeddedStore
from autokg.exports import export
from autokg.loaders import load_files
from test_parity import _answer, _param_sets

ROOT = Path(__file__).resolve().parent.parent
ORDER_URL = "https://order.example/load/"


def cli_env(settings: dict) -> dict:
    """The environment of an ``autokg`` process using the test server (password included)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AUTOKG_"))}
    env.update(AUTOKG_BACKEND="neo4j", NEO4J_URI=settings["uri"], NEO4J_USERNAME=settings["username"],
               NEO4J_PASSWORD=settings["password"] or "", PYTHONUNBUFFERED="1")
    if settings.get("database"):
        env["NEO4J_DATABASE"] = settings["database"]
    return env


def autokg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "autokg.cli", *args]


def hooked_cli(retry_time: float, tx_rows: int, *args: str, log: bool = False) -> list[str]:
    """``autokg ARGS`` with the driver's retries limited to *retry_time* seconds and load
    transactions of *tx_rows* rows (defaults 60 s and 50,000), for faults that must end soon;
    with *log*, the driver's logging at DEBUG and every warning go to stderr."""
    setup = ("import logging, warnings\nlogging.basicConfig(level=logging.DEBUG, stream=sys.stderr)\n"
             "warnings.simplefilter('always')\n") if log else ""
    code = ("import sys\n" + setup + "from autokg.graph.neo4j import connection, store\n"
            f"connection.MAX_RETRY_TIME = {retry_time!r}\n"
            f"store.Neo4jStore.__init__.__kwdefaults__['tx_rows'] = {tx_rows!r}\n"
            "from autokg.cli import main\nsys.argv[0] = 'autokg'\nmain()\n")
    return [sys.executable, "-c", code, *args]


def many_facts(path: Path, n: int) -> Path:
    """*n* facts, most of them distinct relations, between 400 companies and 150 sources."""
    recs = []
    for i in range(n):
        a, b = i % 400, (i * 7 + 1 + i // 400) % 400
        if a == b:
            b = (b + 1) % 400
        recs.append({"subject": f"Maker {a}", "predicate": "PARTNERS_WITH", "object": f"Maker {b}",
                     "domain": f"domain {i % 13}", "status": ["active", "ended"][i % 2],
                     "source": {"url": f"https://news.example/{i % 150}", "title": f"Story {i % 150}",
                                "published": f"2024-{i % 12 + 1:02d}-01"}})
    return write_jsonl(path, recs)


def overlapping_files(folder: Path, n: int, seed: int, facts_per_file: int = 150) -> list[Path]:
    """*n* fact files drawn from one pool of companies, relations and sources, so that they share
    entities, relations, sources and some identical facts; each file also declares some entities
    with aliases and cites its own order marker source."""
    rng = random.Random(seed)
    companies = [f"Firm {i:03d}" for i in range(60)]
    sources = []
    for i in range(40):
        src = {"url": f"https://news.example/{i}", "title": f"Story {i}", "publisher": rng.choice(["Reuters", "Nikkei"])}
        published = rng.choice([None, "2023", "2024-03", "2024-03-01", "2025-01-15"])
        if published:
            src["published"] = published
        sources.append(src)
    pairs = [tuple(rng.sample(companies, 2)) for _ in range(120)]
    shared = []  # identical facts that several files repeat
    for _ in range(40):
        a, b = rng.choice(pairs)
        shared.append({"subject": a, "predicate": "PARTNERS_WITH", "object": b, "status": "active",
                       "source": {**rng.choice(sources), "quote": f"{a} and {b} agreed"}})
    files = []
    for k in range(n):
        recs = []
        for c in rng.sample(companies, 10):  # entity records, aliases shared between files
            recs.append({"entity": c, "type": "Company", "aliases": [c.replace("Firm", "Firma")],
                         "country": rng.choice(["FR", "CN", "DE"])})
        for _ in range(facts_per_file):
            a, b = rng.choice(pairs)
            if rng.random() < 0.5:
                a, b = b, a
            rec = {"subject": a if rng.random() < 0.8 else a.replace("Firm", "Firma"), "predicate": "PARTNERS_WITH",
                   "object": b, "source": {**rng.choice(sources), "quote": f"{a} works with {b}"}}
            if rng.random() < 0.7:
                rec["status"] = rng.choice(["active", "prospective", "ended"])
            if rng.random() < 0.3:
                rec["confidence"] = rng.choice([0.5, 0.9])
            if rng.random() < 0.3:
                rec["domain"] = rng.choice(["batteries", "software", "chips"])
            recs.append(rec)
        recs += rng.sample(shared, 15)
        for i in range(20):  # who employs whom: another predicate, people shared between files
            recs.append({"subject": f"Person {rng.randrange(30)}", "predicate": "WORKS_FOR",
                         "object": rng.choice(companies), "role": rng.choice(["CEO", "CTO"]),
                         "source": rng.choice(sources)})
        # a tie broken by the record order: same date, same confidence, another status
        recs.append({"subject": "Tie One", "predicate": "PARTNERS_WITH", "object": "Tie Two",
                     "status": ["active", "ended", "prospective", "active"][k % 4],
                     "source": {"url": f"https://tie.example/{k}", "title": "Tie", "published": "2024-05-05"}})
        recs.append({"subject": "Order Marker", "predicate": "PARTNERS_WITH", "object": f"Loader {k}",
                     "source": {"url": f"{ORDER_URL}{k}", "title": f"load {k}"}})
        rng.shuffle(recs)
        files.append(write_jsonl(folder / f"loader{k}.jsonl", recs))
    return files


def load_order(store, files: list[Path]) -> list[Path]:
    """The files in the order they were loaded, read from the record numbers of their markers."""
    rows = store.read_cypher("MATCH (s:Source)-[l:SUPPORTS]->() WHERE s.url STARTS WITH $u RETURN s.url AS url, "
                             "l.seq AS seq ORDER BY seq", {"u": ORDER_URL})
    assert len(rows) == len(files)
    return [files[int(r["url"].rsplit("/", 1)[1])] for r in rows]


def some_params(store) -> list[tuple[str, dict]]:
    """Three parameter sets of every preset (of the many of the parity tests), for time."""
    out, seen = [], {}
    for preset, params in _param_sets(store, 7):
        seen[preset] = seen.get(preset, 0) + 1
        if seen[preset] <= 3:
            out.append((preset, params))
    return out


def everything(store, tmp_path: Path, name: str) -> dict:
    """Every row (ids and record numbers included), stats, every preset with many parameter
    sets, and a GraphML export."""
    out = tmp_path / f"{name}.graphml"
    export(store, "graphml", str(out))
    presets = [(p, params, _answer(store, p, params)) for p, params in some_params(store)]
    return {"rows": snapshot(store), "stats": store.stats(), "presets": presets, "graphml": out.read_text("utf-8")}


@pytest.mark.parametrize("loaders", [2, 4])
def test_concurrent_loaders_converge_to_the_sequential_result(neo4j_store, neo4j_settings, tmp_path, loaders):
    files = overlapping_files(tmp_path, loaders, seed=loaders)
    procs = [subprocess.Popen(autokg_cmd("load", str(f)), env=cli_env(neo4j_settings), cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0 and "Error" not in err, err[-2000:]
    order = load_order(neo4j_store, files)
    concurrent = everything(neo4j_store, tmp_path, "concurrent")
    assert concurrent["stats"]["relations"] > 80 and len(concurrent["presets"]) > 30  # not vacuous

    neo4j_store.delete_all()
    for f in order:  # one `autokg load` per file, as the loaders did
        assert not load_files(neo4j_store, [str(f)]).rejected
    sequential = everything(neo4j_store, tmp_path, "sequential")
    for key in ("stats", "rows", "presets", "graphml"):
        assert concurrent[key] == sequential[key], key
    # the order matters in these files: the tie goes to the last load's status
    ids = {e["id"] for e in concurrent["rows"]["entities"] if e["name"] == "Tie One"}
    tie = [r for r in concurrent["rows"]["relations"] if {r["subject_id"], r["object_id"]} & ids]
    statuses = ["active", "ended", "prospective", "active"]
    last = int(order[-1].stem.removeprefix("loader"))
    assert [r["props"]["status"] for r in tie] == [statuses[last % 4]]


def test_readers_get_no_errors_during_a_load(neo4j_store, neo4j_settings, tmp_path):
    from autokg.graph.neo4j import Neo4jStore

    files = overlapping_files(tmp_path, 2, seed=11, facts_per_file=600)
    load_files(neo4j_store, [str(files[0])])
    params = some_params(neo4j_store)
    errors: list[str] = []
    runs = [0]
    stop = threading.Event()

    def reader(offset: int) -> None:
        with Neo4jStore(**neo4j_settings) as store:
            i = offset
            while not stop.is_set():
                preset, p = params[i % len(params)]
                try:
                    answer = _answer(store, preset, p)
                except Exception as exc:  # anything but the preset's own user-facing answer
                    answer = f"{type(exc).__name__}: {exc}"
                if isinstance(answer, str) and not answer.startswith(("UnknownEntity", "UnknownName", "UsageError")):
                    errors.append(f"{preset} {p}: {answer}")
                runs[0] += 1
                i += 7

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    try:
        proc = subprocess.run(autokg_cmd("load", str(files[1])), env=cli_env(neo4j_settings), cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not errors, errors[:5]
    assert runs[0] > 20


# ---- a connection cut in the middle of a transaction ----------------------------------------

class CuttingProxy:
    """A TCP proxy to the server's bolt port that closes both sockets of the connection on which
    the client has sent *cut_after* bytes in all (counted over every connection), *cuts* times;
    with *refuse_after_cut*, the server is gone for good: every other open connection is closed
    too (the driver would retry on an idle one of its pool), and every later connection as soon
    as it is accepted."""

    def __init__(self, target: tuple[str, int], cut_after: int, cuts: int = 1, refuse_after_cut: bool = False):
        self.target, self.cut_after, self.cuts_left, self.refuse = target, cut_after, cuts, refuse_after_cut
        self.sent = 0  # bytes from clients
        self.cuts = 0
        self.sent_after_cut = 0
        self._lock = threading.Lock()
        self._pairs: list = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closing = True
        self._server.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if self.refuse and self.cuts:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            pair = (client, upstream)
            self._pairs.append(pair)
            threading.Thread(target=self._pipe, args=(client, upstream, pair, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, pair, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, pair, from_client: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if from_client:
                    with self._lock:
                        if self.cuts:
                            self.sent_after_cut += len(data)
                        self.sent += len(data)
                        cut = self.cuts_left > 0 and self.sent >= self.cut_after
                        if cut:
                            self.cuts_left -= 1
                            self.cuts += 1
                    if cut:  # part of this chunk goes through, then the connection dies
                        dst.sendall(data[: len(data) // 2])
                        if self.refuse:
                            for other in self._pairs:
                                if other is not pair:
                                    _close(other)
                        break
                dst.sendall(data)
        except OSError:
            pass
        _close(pair)


def _close(pair) -> None:
    for s in pair:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()


def _through(settings: dict, proxy: CuttingProxy) -> dict:
    return {**settings, "uri": f"bolt://127.0.0.1:{proxy.port}"}


def _bolt(settings: dict) -> tuple[str, int]:
    host_port = settings["uri"].split("://", 1)[1].rstrip("/")
    host, _, port = host_port.rpartition(":")
    return host, int(port)


def _assert_complete(store, facts: Path, tmp_path: Path) -> None:
    """*store* holds exactly what loading *facts* once gives, nothing duplicated."""
    with EmbeddedStore(tmp_path / "reference.db") as reference:
        load_files(reference, [str(facts)])
        assert store.stats() == reference.stats()
        assert dump(store) == dump(reference)
    assert store.read_cypher("MATCH (s:Source)-[l:SUPPORTS]->(r:Relation) WITH s, r, count(l) AS c "
                             "WHERE c > 1 RETURN count(*) AS n")[0]["n"] == 0
    assert store.read_cypher("MATCH (r:Relation) WHERE r.sources <> COUNT { (:Source)-[:SUPPORTS]->(r) } "
                             "RETURN count(r) AS n")[0]["n"] == 0


def test_a_connection_cut_mid_transaction_is_retried(neo4j_store, neo4j_settings, tmp_path):
    facts = many_facts(tmp_path / "facts.jsonl", 600)
    proxy = CuttingProxy(_bolt(neo4j_settings), cut_after=150_000)
    try:
        run = subprocess.run(autokg_cmd("load", str(facts)), env=cli_env(_through(neo4j_settings, proxy)),
                             cwd=ROOT, capture_output=True, text=True, timeout=600)
    finally:
        proxy.close()
    assert proxy.cuts == 1 and proxy.sent_after_cut > 10_000  # cut in the middle, then sent again
    assert run.returncode == 0, run.stderr[-2000:]
    _assert_complete(neo4j_store, facts, tmp_path)


def test_a_connection_cut_for_good_fails_in_one_line_and_a_rerun_completes(neo4j_store, neo4j_settings, tmp_path):
    facts = many_facts(tmp_path / "facts.jsonl", 600)
    # the load sends about 250 KB (its reads answered locally, the database being empty), the
    # last 160 KB or so its writes
    proxy = CuttingProxy(_bolt(neo4j_settings), cut_after=160_000, refuse_after_cut=True)
    try:
        # 100 rows a transaction: part of the load is committed before the cut
        run = subprocess.run(hooked_cli(3.0, 100, "load", str(facts)), env=cli_env(_through(neo4j_settings, proxy)),
                             cwd=ROOT, capture_output=True, text=True, timeout=600)
    finally:
        proxy.close()
    out = run.stdout + run.stderr
    assert proxy.cuts == 1 and run.returncode == 1
    assert len(out.strip().splitlines()) == 1 and out.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:"), out
    assert neo4j_settings["password"] not in out and "Traceback" not in out
    partial = neo4j_store.stats()
    assert partial["entities"] > 0 and partial["relations"] < 600, partial  # partly loaded
    rerun = subprocess.run(autokg_cmd("load", str(facts)), env=cli_env(neo4j_settings), cwd=ROOT,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    _assert_complete(neo4j_store, facts, tmp_path)


def test_the_load_lease_excludes_waits_and_fences(neo4j_store, neo4j_settings):
    """One lease at a time; a load waits for it; an expired lease is taken over, and its former
    holder's next write transaction fails instead of writing."""
    from autokg.errors import StoreError
    from autokg.graph.neo4j.lock import LoadLock

    conn = neo4j_store.connection
    first = LoadLock(conn, lease=2.0)
    first.acquire()
    waiting = LoadLock(conn, lease=2.0, wait=0.5)
    with pytest.raises(StoreError, match="another load has been writing for more than 0.5 s"):
        waiting.acquire()
    with conn.session() as s:  # the holder renews, a write transaction holds it
        s.execute_write(first.hold)

    first._stop.set()  # the holder stalls: no renewal, its lease expires
    first._thread.join()
    first._thread = None
    taker = LoadLock(conn, lease=30.0, wait=10.0)
    taker.acquire()
    with conn.session() as s, pytest.raises(StoreError, match="this load's lock expired and another load took it"):
        s.execute_write(first.hold)
    first.release()  # not its lease any more: nothing happens
    assert neo4j_store.read_cypher("MATCH (m:AutokgMeta {key: 'load-lock'}) RETURN m.owner AS o") == [{"o": taker.owner}]
    taker.release()
    assert neo4j_store.read_cypher("MATCH (m:AutokgMeta {key: 'load-lock'}) RETURN m") == []


def test_a_transaction_longer_than_the_lease_keeps_it(neo4j_store, neo4j_settings, tmp_path, monkeypatch):
    """The write transaction holds the lease node's lock, so the renewal thread waits until it
    commits: the lease is renewed as the transaction ends, else a waiting load would find it
    expired at that moment and take it, and the first load would fail."""
    import time as clock

    from autokg.graph.neo4j import Neo4jStore
    from autokg.graph.neo4j.sender import Sender

    run_unit = Sender.run_unit

    def slow(tx, unit):
        clock.sleep(0.7)
        return run_unit(tx, unit)

    monkeypatch.setattr(Sender, "run_unit", staticmethod(slow))
    files = overlapping_files(tmp_path, 2, seed=5, facts_per_file=60)
    errors = []

    def load(f):
        try:
            with Neo4jStore(**neo4j_settings, tx_rows=20, lock_lease=1.0) as store:
                load_files(store, [str(f)])
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(f,)) for f in files]
    for t in threads:
        t.start()
        clock.sleep(0.5)
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(load_order(neo4j_store, files)) == 2
