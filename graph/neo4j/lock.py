"""The load lock: one load transaction at a time writes a Neo4j database.

A load reads the committed graph (entities by name, relations with their sources, the record
counter), merges its records into what it read, and writes the full state back: the resolved
properties of a relation and its number of sources depend on every source that supports it.
Two loads doing this at once would each write a state computed without the other's sources, and
the later write would win: a lost update that no constraint detects, and the source counts and
claim precedence would then depend on the interleaving. Retrying a failed statement cannot
repair this, since it would write the same stale state again.

So each load transaction (one file) holds a lease in the database, the node
``(:AutokgMeta {key: 'load-lock'})`` with its ``owner`` (a random token) and ``until`` (the
server's real time in ms), from before its first read until its last commit. Another load
waits for it, so concurrent loads give the result of loading the same files one after the
other, in the order they took the lease. Readers never wait.

The lease is renewed by a thread every :attr:`LoadLock.renew_every` seconds and by every write
transaction of the load, which also checks, under the node's write lock, that the lease is still
its own (fencing), and renews it again just before it commits: a load stalled past its lease,
whose lease another load took, fails instead of writing. A load that dies (``kill -9`` of the loader, or of the server) leaves a lease that
expires after :attr:`LoadLock.lease` seconds; the next load then takes it over. The node is
deleted when the load ends, so a database holds it only while a load runs.
"""

from __future__ import annotations

import secrets
import threading
import time

from autokg.errors import StoreError
from autokg.graph.neo4j.connection import Connection

__all__ = ["LoadLock", "LOCK", "TAKE", "HOLD", "RELEASE"]

# Writing a property takes the node's write lock; the owner is read by the next statement of
# the same transaction, so that it is the one committed last (and a node deleted meanwhile by
# its owner's release is not found), not a value another transaction is about to replace.
LOCK = """
MERGE (m:AutokgMeta {key: 'load-lock'})
SET m._lock = true
REMOVE m._lock
"""
TAKE = """
MATCH (m:AutokgMeta {key: 'load-lock'})
WHERE m.owner IS NULL OR m.owner = $owner OR m.until < datetime.realtime().epochMillis
SET m.owner = $owner, m.until = datetime.realtime().epochMillis + $lease
RETURN m.owner AS owner
"""
HOLD = """
MATCH (m:AutokgMeta {key: 'load-lock'})
WHERE m.owner = $owner
SET m.until = datetime.realtime().epochMillis + $lease
RETURN m.owner AS owner
"""
RELEASE = "MATCH (m:AutokgMeta {key: 'load-lock'}) WHERE m.owner = $owner DELETE m"


class LoadLock:
    """The lease of one load transaction on the database of *connection* (see the module
    docstring). :meth:`acquire` waits for it (at most *wait* seconds, ``None``: as long as
    another load holds it), :meth:`release` gives it back."""

    def __init__(self, connection: Connection, *, lease: float = 20.0, wait: float | None = None,
                 poll: float = 0.25):
        self.connection = connection
        #: seconds a lease lasts without being renewed
        self.lease = lease
        self.renew_every = lease / 5
        self.wait = wait
        self.poll = poll
        self.owner = secrets.token_hex(16)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _params(self) -> dict:
        return {"owner": self.owner, "lease": int(self.lease * 1000)}

    def _run(self, tx, query: str) -> bool:
        """Lock the lease node, then run *query*: whether it found the lease this load's."""
        tx.run(LOCK).consume()
        return tx.run(query, self._params()).single() is not None

    def take(self, tx) -> bool:
        """In the write transaction *tx*: take the lease if it is free or expired."""
        return self._run(tx, TAKE)

    def hold(self, tx) -> None:
        """In the write transaction *tx*, before its writes: renew the lease, or raise
        :class:`StoreError` if it is no longer this load's (fencing). Run again as the last
        statement before the commit: the transaction holds the lease node's write lock to the
        end, so the renewal thread cannot renew meanwhile, and a transaction longer than the
        lease would otherwise commit a lease that has already expired."""
        if not self._run(tx, HOLD):
            raise StoreError(f"Neo4j at {self.connection.location}: this load's lock expired and another load "
                             "took it; run this load again")

    def acquire(self) -> None:
        """Wait until the lease is this load's, then keep renewing it."""
        import neo4j.exceptions as ne

        deadline = None if self.wait is None else time.monotonic() + self.wait
        while True:
            with self.connection.errors():
                try:
                    with self.connection.session() as session:
                        if session.execute_write(self.take):
                            break
                except ne.ClientError as exc:
                    # the lease node deleted by its owner, or created by another load, meanwhile
                    if not (exc.code or "").endswith(("EntityNotFound", "ConstraintValidationFailed")):
                        raise
            if deadline is not None and time.monotonic() > deadline:
                raise StoreError(f"Neo4j at {self.connection.location}: another load has been writing for more "
                                 f"than {self.wait:g} s; try again when it ends")
            time.sleep(self.poll)
        self._stop.clear()
        self._thread = threading.Thread(target=self._renew, name="autokg-neo4j-lease", daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.renew_every):
            try:
                with self.connection.session() as session:
                    session.execute_write(self.hold)
            except Exception:  # noqa: S112 - the writes fail on their own if the lease is lost
                continue

    def release(self) -> None:
        """Stop renewing and delete the lease node if it is still this load's. A failure (the
        server is gone) is ignored: the lease then expires."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        try:
            self.connection.write_read(RELEASE, self._params())
        except Exception:  # noqa: S110 - the load's own error, if any, is what the user sees
            pass
