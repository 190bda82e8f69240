"""Loading opens nothing but the files it is given: no URL, no other local file.

A JSON-LD ``@context`` (or ``@import``) that names an address would make a JSON-LD processor fetch
it: a fact file could then reach internal services (SSRF) or read local files. A real HTTP server
on loopback counts the requests it receives while files of every input format load.
"""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from _helpers import fact, load, open_embedded, write_jsonl


@pytest.fixture
def http_counter():
    """A loopback HTTP server that answers every GET with a JSON-LD context and counts requests."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = json.dumps({"@context": {"name": "https://schema.org/name"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _jsonld_with_context(context) -> str:
    return json.dumps({
        "@context": context,
        "@id": "https://example.org/e/renault",
        "@type": "https://schema.org/Organization",
        "https://schema.org/name": "Renault Group",
    })


def _cases(base: str, tmp_path) -> list[tuple[str, str, str]]:
    """(file name, content, context it names) for every way a JSON-LD file can name a context."""
    secret = tmp_path / "secret.jsonld"
    secret.write_text(json.dumps({"@context": {"x": "https://example.org/x"}}), encoding="utf-8")
    remote = f"{base}/context.jsonld"
    return [
        ("remote.jsonld", _jsonld_with_context(remote), remote),
        ("remote-list.jsonld", _jsonld_with_context([{"s": "https://schema.org/"}, remote]), remote),
        ("file.jsonld", _jsonld_with_context(secret.as_uri()), secret.as_uri()),
        ("relative.jsonld", _jsonld_with_context("secret.jsonld"), "secret.jsonld"),
        ("nested.jsonld", json.dumps({"@graph": [{"@context": remote, "@id": "https://example.org/a"}]}), remote),
        ("scoped.jsonld", json.dumps({"@context": {"p": {"@id": "https://example.org/p", "@context": remote}},
                                      "@id": "https://example.org/a"}), remote),
        ("import.jsonld", json.dumps({"@context": {"@version": 1.1, "@import": remote},
                                      "@id": "https://example.org/a"}), remote),
    ]


def test_jsonld_contexts_are_never_fetched(tmp_path, http_counter):
    base, hits = http_counter
    store = open_embedded(tmp_path)
    try:
        for name, text, named in _cases(base, tmp_path):
            p = tmp_path / name
            p.write_text(text, encoding="utf-8")
            report = load(store, p)
            assert [str(r) for r in report.rejected] == [f"{p}: JSON-LD {'@import' if 'import' in name else 'context'} "
                                                         f"{named!r} refused: autokg never fetches "
                                                         f"{'contexts' if 'import' in name else 'remote or file contexts'}; "
                                                         "put the context inline"], name
            assert report.files_not_loaded == [] or report.files_not_loaded == [str(p)]
        assert store.stats()["entities"] == 0
    finally:
        store.close()
    assert hits == []


def test_loads_of_every_format_make_no_request(tmp_path, http_counter):
    """Addresses inside the data of every format are data, never fetched."""
    base, hits = http_counter
    src = {"url": f"{base}/article", "title": "A report", "publisher": "Example News"}
    rec = fact("Renault", "PARTNERS_WITH", "Geely", source=src, domain="hybrid powertrains")
    files = [write_jsonl(tmp_path / "f.jsonl", [rec]),
             tmp_path / "f.json", tmp_path / "f.yaml", tmp_path / "f.csv", tmp_path / "f.ttl", tmp_path / "f.nt",
             tmp_path / "f.jsonld"]
    files[1].write_text(json.dumps([rec]), encoding="utf-8")
    files[2].write_text(f"- subject: Renault\n  predicate: PARTNERS_WITH\n  object: Geely\n"
                        f"  domain: hybrid powertrains\n  source: {{url: '{base}/yaml', title: T}}\n", encoding="utf-8")
    files[3].write_text(f"subject,predicate,object,domain,source_url,source_title\n"
                        f"Renault,PARTNERS_WITH,Geely,hybrid powertrains,{base}/csv,T\n",
                        encoding="utf-8")
    store = open_embedded(tmp_path, "first.db")
    try:
        load(store, files[0])
        from autokg.exports.rdf import write_rdf

        write_rdf(store, str(files[4]), "turtle")
        write_rdf(store, str(files[5]), "nt")
        write_rdf(store, str(files[6]), "json-ld")
    finally:
        store.close()
    store = open_embedded(tmp_path, "second.db")
    try:
        for p in files:
            report = load(store, p)
            assert report.rejected == [], (p, report.rejected)
        assert store.stats()["relations"] == 1
        assert store.stats()["sources"] == 3
    finally:
        store.close()
    assert hits == []
