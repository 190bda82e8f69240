"""The sending thread: units of write statements, sent in managed write transactions while the
loading thread prepares the next batch."""

from __future__ import annotations

import gc
import queue
import threading
from typing import NamedTuple

from autokg.errors import StoreError
from autokg.graph.neo4j import statements as q
from autokg.graph.neo4j.connection import Connection

__all__ = ["Statement", "Unit", "Sender", "THREAD_NAME"]

#: the name of the sending thread
THREAD_NAME = "autokg-neo4j-writer"


class Statement(NamedTuple):
    """One write statement: its Cypher, its parameters, and the rows it writes (which count
    towards the size of a transaction)."""

    query: str
    params: dict
    rows: int


#: statements that always run in the same transaction, in order
Unit = list[Statement]

#: statements taking ``$ids`` that run once per transaction, just before it commits, with the
#: ids of every unit of the transaction merged, instead of once per unit: a company touched by
#: many units of a load has its partners recounted once per transaction, as the embedded store
#: settles its counts once per transaction
DEFERRED = (q.RECOUNT_PARTNERS,)
_DEFERRED_CHUNK = 2000


class _Abort(Exception):
    """Raised inside the sender's transaction function to roll it back."""


_END = object()
_ABORT = object()


class Sender:
    """Sends units of statements to the server from a background thread, so that the server
    writes one batch while the merge engine prepares the next.

    Units run in managed write transactions (``execute_write``) of about *tx_rows* rows: a
    transaction commits once it holds that many rows (at a unit boundary) or at :meth:`finish`.
    The units of the open transaction are kept until it commits: when the driver retries a
    transaction after a transient error, they run again from the first, so a retry never
    duplicates or loses a write. The first failure that is not retried (or the last retry) is
    raised in the calling thread, by :meth:`put` or :meth:`finish`, translated by
    :meth:`Connection.errors <autokg.graph.neo4j.connection.Connection.errors>`.

    A statement of :data:`DEFERRED` in a unit is not run with it: it runs once before the
    commit, with the ids of all such statements of the transaction (see :meth:`settle_unit`).

    The statements of *first* run in the first transaction, just before it commits (and in no
    transaction if none commits).

    The thread starts with the first unit; *depth* units may wait for it.
    """

    def __init__(self, connection: Connection, tx_rows: int, depth: int = 8, lock=None, first: Unit = ()):
        self.connection = connection
        self._first: Unit = list(first)  # until the first transaction commits
        self.lock = lock  # a LoadLock whose lease each transaction checks and renews first
        self.tx_rows = tx_rows
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._open: list[Unit] = []  # units of the open transaction
        self._done = False
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    @staticmethod
    def run_unit(tx, unit: Unit) -> int:
        """Run *unit* in the driver transaction *tx*; return the rows it wrote.

        Every unit reaches the server through this one function (a retried transaction calls it
        again for each of its units), so a test or a benchmark may wrap it to inject a failure
        or to record what is sent."""
        for query, params, _ in unit:
            tx.run(query, params).consume()
        return sum(n for _, _, n in unit)

    @staticmethod
    def now(unit: Unit) -> Unit:
        """The statements of *unit* that run with it (not the deferred ones); *unit* itself when
        it has no deferred statement."""
        if not any(st.query in DEFERRED for st in unit):
            return unit
        return [st for st in unit if st.query not in DEFERRED]

    @staticmethod
    def settle_unit(units: list[Unit]) -> Unit:
        """The deferred statements of *units*, each kind once with the ids of all of them
        (sorted, in chunks)."""
        out = []
        for query in DEFERRED:
            ids = sorted({i for unit in units for st in unit if st.query == query for i in st.params["ids"]})
            out += [Statement(query, {"ids": ids[k:k + _DEFERRED_CHUNK]}, 0)
                    for k in range(0, len(ids), _DEFERRED_CHUNK)]
        return out

    def put(self, unit: Unit) -> None:
        """Queue *unit* (waiting while the queue is full); raise the sending thread's error."""
        self._put(unit)

    def finish(self) -> None:
        """Commit what was queued and wait for the thread to end; raise its error."""
        if self._thread is None:
            return
        self._put(_END)
        self._thread.join()
        self._raise()

    def abort(self) -> None:
        """Roll back the open transaction, discard what is queued, and wait for the thread."""
        if self._thread is None:
            return
        while True:  # what is queued is discarded, not written first
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        while self._thread.is_alive():
            try:
                self._queue.put(_ABORT, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()

    def _put(self, item) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
            self._thread.start()
        while True:
            self._raise()
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, _Abort()
            if isinstance(error, _Abort):
                raise StoreError("the Neo4j writer stopped after an earlier error")
            with self.connection.errors():
                raise error

    def _run(self) -> None:
        try:
            with self.connection.session() as session:
                while not self._done:
                    session.execute_write(self._work)
                    self._open = []
                    self._first = []
                    # The driver leaves each statement's result in reference cycles that also
                    # hold the statement's parameters (thousands of rows); a load raises the
                    # collector's threshold (autokg.loaders), so without this they would wait
                    # for a rare full collection: 473 against 390 MB at 300,000 facts in one file.
                    gc.collect()
        except BaseException as exc:  # handed to the loading thread
            self._error = exc
            while True:  # unblock a producer waiting on a full queue
                try:
                    if self._queue.get_nowait() in (_END, _ABORT):
                        break
                except queue.Empty:
                    break

    def _work(self, tx) -> None:
        if self.lock is not None:
            self.lock.hold(tx)
        rows = 0
        for unit in self._open:  # a retry: run the open transaction's units again
            rows += self.run_unit(tx, self.now(unit))
        while rows < self.tx_rows and not self._done:
            unit = self._queue.get()
            if unit is _ABORT:
                self._done = True
                raise _Abort()
            if unit is _END:
                self._done = True
                break
            self._open.append(unit)
            rows += self.run_unit(tx, self.now(unit))
        settle = self.settle_unit(self._open)
        if settle:
            self.run_unit(tx, settle)
        if self._first:
            self.run_unit(tx, self._first)
        if self.lock is not None:  # the lease, renewed as of the commit
            self.lock.hold(tx)
