"""The Neo4j password never shows: not in messages, not in --debug tracebacks, not in driver logs.

Every failure mode that can be produced runs the real command line in a subprocess with
``--debug``, the Neo4j driver's logging at DEBUG and every warning shown, with a distinctive
password; then everything it wrote is searched for the password. The credential failures and the
server errors run against the real test server (``neo4j_settings``).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import traceback

import pytest

import autokg
from autokg.errors import AutokgError

PASSWORD = "Pw-" + secrets.token_hex(12) + "-autokg"

# the command line, with the driver's log and every warning on stderr
_RUN = ("import logging, sys, warnings\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)\n"
        "warnings.simplefilter('always')\n"
        "from autokg.cli import main\n"
        "sys.argv = ['autokg', *sys.argv[1:]]\n"
        "main()\n")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str, password: str = PASSWORD, env_password: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if env_password:
        env["NEO4J_PASSWORD"] = password
    return subprocess.run([sys.executable, "-c", _RUN, "--debug", "--backend", "neo4j", *args],
                          capture_output=True, text=True, timeout=120, env=env)


def _assert_hidden(result: subprocess.CompletedProcess, password: str = PASSWORD, expect: str = "") -> None:
    out = result.stdout + result.stderr
    assert result.returncode in (1, 2), (result.returncode, out[-2000:])
    assert expect in out, out[-2000:]  # the failure did happen, and says so
    assert password not in out
    # nor a piece of it that a message might have cut
    assert password[3:-7] not in out


@pytest.mark.parametrize("uri, expect", [
    ("bolt://127.0.0.1:{closed}", "cannot reach Neo4j at bolt://127.0.0.1:"),
    ("neo4j://127.0.0.1:{closed}", "cannot reach Neo4j at neo4j://127.0.0.1:"),
    ("bolt+s://127.0.0.1:{closed}", "cannot reach Neo4j at bolt+s://127.0.0.1:"),
    ("http://127.0.0.1:{closed}", "invalid Neo4j URI 'http://127.0.0.1:"),
    ("bolt://neo4j:{password}@127.0.0.1:{closed}", "give the user name and password with NEO4J_USERNAME"),
    ("bolt://neo4j:{password}@[::1", "invalid Neo4j URI '<invalid URI>'"),
    ("bolt://127.0.0.1:notaport", "invalid Neo4j URI"),
    ("{password}", "invalid Neo4j URI"),
])
def test_no_server_or_a_bad_uri(uri, expect):
    uri = uri.format(closed=_closed_port(), password=PASSWORD)
    for command in (["stats"], ["query", "hubs"], ["neo4j", "init"]):
        _assert_hidden(_cli("--neo4j-uri", uri, *command), expect=expect)
    # the password on the command line rather than in the environment
    _assert_hidden(_cli("--neo4j-uri", uri, "--neo4j-password", PASSWORD, "stats", env_password=False), expect=expect)


def test_load_into_an_unreachable_server(tmp_path):
    facts = tmp_path / "f.jsonl"
    facts.write_text('{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "https://e.com/1"}\n')
    _assert_hidden(_cli("--neo4j-uri", f"bolt://127.0.0.1:{_closed_port()}", "load", str(facts)),
                   expect="cannot reach Neo4j")


def test_wrong_password_and_unknown_user(neo4j_settings):
    """Against the real server. One failed attempt per user: Neo4j locks a user out for a while
    after repeated failures, and other tests use the real user."""
    uri = neo4j_settings["uri"]
    _assert_hidden(_cli("--neo4j-uri", uri, "--neo4j-username", "autokg-nobody", "stats"),
                   expect="refused the credentials of user 'autokg-nobody'")
    _assert_hidden(_cli("--neo4j-uri", uri, "--neo4j-username", neo4j_settings["username"], "stats"),
                   expect=f"refused the credentials of user {neo4j_settings['username']!r}")


def test_server_errors_never_show_the_real_password(neo4j_settings):
    """With the right credentials: a database that does not exist, then a query the server
    refuses; the server's own password must not show either."""
    real = neo4j_settings["password"]
    base = ["--neo4j-uri", neo4j_settings["uri"], "--neo4j-username", neo4j_settings["username"]]
    _assert_hidden(_cli(*base, "--neo4j-database", "nosuchdb", "stats", password=real), password=real,
                   expect="has no database 'nosuchdb'")
    _assert_hidden(_cli(*base, "--neo4j-database", "system", "stats", password=real), password=real,
                   expect="Neo4j at")


def test_api_exceptions_and_their_context(neo4j_settings):
    """Through ``autokg.open``: the message, repr, formatted traceback and every chained
    exception (``__context__`` survives ``raise ... from None``, and error reporters show it)."""
    cases = [dict(uri=f"bolt://127.0.0.1:{_closed_port()}", password=PASSWORD),
             dict(uri=neo4j_settings["uri"], username="autokg-nobody-2", password=PASSWORD),
             dict(uri=f"bolt://neo4j:{PASSWORD}@127.0.0.1:1", password=PASSWORD)]
    for settings in cases:
        with pytest.raises(AutokgError) as info:
            autokg.open(backend="neo4j", **settings)
        texts = ["".join(traceback.format_exception(info.value))]
        exc: BaseException | None = info.value
        while exc is not None:
            texts += [str(exc), repr(exc), repr(exc.args)]
            exc = exc.__context__ or exc.__cause__
        assert all(PASSWORD not in t for t in texts), settings
    with autokg.open(backend="neo4j", **neo4j_settings) as kg:
        assert neo4j_settings["password"] not in repr(kg) + repr(kg.store) + str(vars(kg))


def test_a_connection_cut_with_debug(neo4j_store, neo4j_settings, tmp_path):
    """A connection cut in the middle of a load (a TCP proxy that then refuses every connection),
    with --debug and the driver's log: the real password appears nowhere. The server killed with
    ``kill -9`` is covered the same way in ``test_neo4j_kill.py``."""
    from test_neo4j_faults import CuttingProxy, _bolt, _through, cli_env, hooked_cli, many_facts

    facts = many_facts(tmp_path / "facts.jsonl", 300)
    proxy = CuttingProxy(_bolt(neo4j_settings), cut_after=60_000, refuse_after_cut=True)
    try:
        result = subprocess.run(hooked_cli(3.0, 100, "--debug", "load", str(facts), log=True),
                                env=cli_env(_through(neo4j_settings, proxy)), capture_output=True, text=True,
                                timeout=300)
    finally:
        proxy.close()
    out = result.stdout + result.stderr
    assert proxy.cuts == 1, out[-3000:]
    assert "Traceback" in out and "DEBUG" in out, out[-3000:]  # --debug and the driver's log did show
    _assert_hidden(result, password=neo4j_settings["password"], expect="cannot reach Neo4j")
