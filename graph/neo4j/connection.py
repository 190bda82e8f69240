"""The connection to one database of a Neo4j 5 server, and the translation of its failures.

Every failure of the driver becomes a one-line :class:`~autokg.errors.StoreUnavailable` (the
server cannot be reached, refuses the credentials, has no such database) or
:class:`~autokg.errors.StoreError` (anything else), and no message ever carries the password.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

from autokg.errors import StoreError, StoreUnavailable
from autokg.graph.neo4j.statements import PING

__all__ = ["Connection", "DEFAULT_URI", "MAX_RETRY_TIME", "SCHEMES", "redact"]

logging.getLogger("neo4j").addHandler(logging.NullHandler())  # driver errors surface as exceptions

DEFAULT_URI = "bolt://localhost:7687"
#: seconds a managed transaction is retried after a transient error or a lost connection
MAX_RETRY_TIME = 60.0
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def redact(uri: str) -> str:
    """The URI without any user information, for messages."""
    try:
        parts = urlsplit(uri)
        if parts.username or parts.password:
            host = parts.netloc.rpartition("@")[2]
            return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    except ValueError:
        return "<invalid URI>"
    return uri


class Connection:
    """A driver for one database, checked on opening: the server answers, accepts the
    credentials and has the database, else :class:`~autokg.errors.StoreUnavailable` is raised.

    Credentials go in *username* and *password*, never in the URI (refused). *database* ``None``
    is the server's default database.
    """

    #: the URI without any user information, for messages
    location: str

    def __init__(self, uri: str | None = None, username: str | None = None, password: str | None = None,
                 database: str | None = None, *, connection_timeout: float = 5.0):
        import neo4j

        self.uri = uri or DEFAULT_URI
        self.username = username or "neo4j"
        self.database = database or None
        self._password = password
        self.location = self._scrub(redact(self.uri))  # a password given as the URI by mistake
        self._check_uri()
        auth = (self.username, password) if password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=auth, connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout * 2, max_transaction_retry_time=MAX_RETRY_TIME,
                notifications_min_severity="OFF", user_agent="autokg")
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: {self._scrub(_first_line(exc))}") from None
        try:
            with self.errors():
                # Fails fast (no retries) when the server is down or refuses the credentials;
                # the query then checks that the database exists.
                self._driver.verify_connectivity()
                with self.session() as s:
                    s.run(PING).consume()
        except BaseException:
            self._driver.close()
            raise

    def _check_uri(self) -> None:
        try:
            parts = urlsplit(self.uri)
            scheme, userinfo = parts.scheme.lower(), parts.username or parts.password
        except ValueError:
            scheme, userinfo = "", None
        if scheme not in SCHEMES:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: use one of the schemes "
                                   f"{', '.join(s + '://' for s in SCHEMES)}")
        if userinfo:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: give the user name and password "
                                   "with NEO4J_USERNAME and NEO4J_PASSWORD, not in the URI")
        try:
            urlsplit(self.uri).port  # a port that is not a number would fail later, as a traceback
        except ValueError as exc:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: {exc}") from None

    def _scrub(self, text: str) -> str:
        """*text* without the password, should a server or driver message ever echo it."""
        return text.replace(self._password, "***") if self._password else text

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Driver failures inside the block become one-line autokg errors without the password."""
        import neo4j.exceptions as ne

        try:
            yield
        except ne.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {self.location} refused the credentials of user {self.username!r} "
                "(check NEO4J_USERNAME and NEO4J_PASSWORD)") from None
        except (ne.ServiceUnavailable, ne.SessionExpired, ne.ConnectionAcquisitionTimeoutError) as exc:
            # (no connection within the pool's acquisition timeout is an unreachable server too:
            # seen right after the server was killed with kill -9 during a load)
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.location}: {self._scrub(_reason(exc))} "
                "(is the server running? set NEO4J_URI or --neo4j-uri)") from None
        except ne.Neo4jError as exc:
            code = exc.code or ""
            if code.endswith("DatabaseNotFound"):
                raise StoreUnavailable(
                    f"Neo4j at {self.location} has no database {self.database!r} (check NEO4J_DATABASE)") from None
            text = self._scrub(_first_line(exc.message or exc))
            raise StoreError(f"Neo4j at {self.location}: {text} [{code}]") from None
        except ne.DriverError as exc:
            raise StoreError(f"Neo4j at {self.location}: {self._scrub(_first_line(exc))}") from None
        except OSError as exc:
            raise StoreUnavailable(f"cannot reach Neo4j at {self.location}: {exc.strerror or exc}") from None

    def session(self, *, read_only: bool = False):
        """A driver session on the database (``neo4j.Session``), for callers that manage their
        own transactions; wrap its use in :meth:`errors`."""
        import neo4j

        if read_only:
            return self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS)
        return self._driver.session(database=self.database)

    def read(self, query: str, params: dict[str, Any] | None = None, **kw: Any) -> list:
        """Run the read-only *query* with *params* (and keyword parameters) in a managed read
        transaction, retried on transient errors; the records (``neo4j.Record``)."""
        values = {**(params or {}), **kw}

        def work(tx):
            return list(tx.run(query, values))

        with self.errors():
            with self.session(read_only=True) as s:
                return s.execute_read(work)

    def write(self, statements: Iterable[tuple[str, dict, int]]) -> None:
        """Run ``(query, params, rows)`` *statements* in one managed write transaction, retried
        as a whole on transient errors."""
        statements = list(statements)

        def work(tx):
            for query, params, _ in statements:
                tx.run(query, params).consume()

        with self.errors():
            with self.session() as s:
                s.execute_write(work)

    def write_read(self, query: str, params: dict[str, Any] | None = None) -> list:
        """Run the write *query* in a managed write transaction, retried on transient errors;
        the records. Driver errors are raised as they are (wrap the call in :meth:`errors`)."""

        def work(tx):
            return list(tx.run(query, params or {}))

        with self.session() as s:
            return s.execute_write(work)

    def run(self, query: str, params: dict[str, Any] | None = None) -> None:
        """Run *query* in an auto-commit transaction, for the statements that may not run inside
        another (``CALL ... IN TRANSACTIONS``, ``db.awaitIndexes``)."""
        with self.errors():
            with self.session() as s:
                s.run(query, params or {}).consume()

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].rstrip(":") if text else type(exc).__name__


def _reason(exc: BaseException) -> str:
    """The root cause of a connection failure ("connection refused"), else its first line."""
    seen = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror[:1].lower() + seen.strerror[1:]
        seen = seen.__cause__ or seen.__context__
    text = _first_line(exc)
    return text[:1].lower() + text[1:]
