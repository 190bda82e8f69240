"""RDF input: Turtle, N-Triples and JSON-LD in the vocabulary of :mod:`autokg.graph.rdfterms`
(the terms :mod:`autokg.exports.rdf` writes).

The graph is read whole with rdflib and turned back into records of the fact format, so they go
through the same validation and merge as any other input:

* an entity record for every entity (a node of one of the entity classes with a
  ``schema:name``), with its aliases and attributes, in IRI order. An entity marked
  ``autokg:declared false`` that a relation names is left to that relation, as it was made;
* then one relation record per claim (``autokg:Claim``), in ``autokg:seq`` order: the claim's
  relation (``rdf:subject``, ``rdf:predicate``, ``rdf:object``, with both entity types), the
  properties it claims, its source (``prov:wasDerivedFrom``) with its quote, and its
  confidence. A relation without claims yields one record per ``prov:wasDerivedFrom`` source
  with the relation's own properties.

A direct triple such as ``<a> autokg:partnersWith <b>`` without a relation node is rejected:
it has no source. The syntax is the format the file was loaded as (by its extension or
``--input-format``); Turtle and N-Triples are read by the Turtle parser (N-Triples is a subset
of Turtle). The place of a
record is the IRI of its node, or its number when the node is blank.
"""

from __future__ import annotations

import logging
from typing import Any, BinaryIO, Iterator

from autokg.loaders.text import read_text
from autokg.errors import InputError, InvalidRecord
from autokg.graph import rdfterms as vocab
from autokg.graph.model import schema
from autokg.graph.types import get_type

__all__ = ["generate_records", "parse"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PROV = "http://www.w3.org/ns/prov#"
_HTTP_SCHEMA = "http://schema.org/"
# format name -> (rdflib parser, name for messages); rdflib's Turtle parser reads N-Triples too
_PARSERS = {"turtle": ("turtle", "Turtle"), "nt": ("turtle", "N-Triples"), "json-ld": ("json-ld", "JSON-LD")}


def _format_of(fmt: str | None, text: str) -> tuple[str, str]:
    """(rdflib parser, name for messages) of the format the file was chosen as; with none (a
    direct call on a stream), by content. Content alone cannot always tell: Turtle may start with
    ``[`` as JSON-LD does, so a load always names the format."""
    if fmt is not None:
        return _PARSERS[fmt]
    if text.lstrip()[:1] in ("{", "["):
        return _PARSERS["json-ld"]
    return _PARSERS["turtle"]


def _one_line(exc: BaseException) -> str:
    """rdflib's syntax errors span several lines; keep the line number and the reason."""
    why = getattr(exc, "_why", None)
    if why is not None and getattr(exc, "lines", None) is not None:
        return f"line {exc.lines + 1}: {why}"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _local_jsonld(text: str):
    """The JSON-LD document of *text*, refused when it names a context to fetch.

    A string ``@context`` (``http://…``, ``file:///…``, a relative path) or an ``@import`` makes a
    JSON-LD processor open that address: a fact file could reach internal services or read local
    files. Loading opens nothing but the files named on the command line, so such a document is
    refused, and the parser is given the decoded document (nothing left for it to fetch)."""
    import json

    try:
        doc = json.loads(text)
    except RecursionError:
        raise InputError("not valid JSON-LD: nested too deeply") from None
    except ValueError as exc:
        raise InputError(f"not valid JSON-LD: {exc}") from None
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key == "@import":
                raise InputError(f"JSON-LD @import {value!r} refused: autokg never fetches contexts; "
                                 "put the context inline")
            if key == "@context":
                for ctx in value if isinstance(value, list) else [value]:
                    if isinstance(ctx, str):
                        raise InputError(f"JSON-LD context {ctx!r} refused: autokg never fetches remote "
                                         "or file contexts; put the context inline")
            stack.append(value)
    return doc


def parse(fp: BinaryIO, fmt: str | None = None):
    """The file as an ``rdflib.Graph``; :class:`InputError` with a one-line reason if it is not
    valid RDF, or if it is JSON-LD that names a context to fetch."""
    from rdflib import Graph

    text = read_text(fp)
    parser, label = _format_of(fmt, text)
    data: object = text
    if parser == "turtle" and "\r" in text and "\n" not in text:
        text = data = text.replace("\r", "\n")  # lines ended by \r alone, which rdflib's parser misreads
    if parser == "json-ld":
        doc = _local_jsonld(text)
        # rdflib takes a decoded document as a dict; a top-level array means the same as @graph
        data = doc if isinstance(doc, dict) else {"@graph": doc}
    g = Graph(bind_namespaces="none")
    # rdflib logs a warning with a traceback for each ill-typed literal ("2024-02-30"^^xsd:date);
    # such a value is rejected with its record, so the warning is only noise on the user's screen
    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.ERROR)
    try:
        g.parse(data=data, format=parser)
    except Exception as exc:  # rdflib raises SyntaxError, ValueError, JSON and plugin errors
        raise InputError(f"not valid {label}: {_one_line(exc)}") from None
    finally:
        term_log.setLevel(level)
    return g


class _Reader:
    """Decoding the vocabulary of :mod:`autokg.graph.rdfterms` from one graph."""

    def __init__(self, g):
        from rdflib import URIRef

        self.g = g
        self.U = URIRef
        s = schema()
        self.schema = s
        self.classes = {vocab.class_term(t): t for t in s.entity_types}
        self.predicates = {vocab.predicate_term(p): p for p in s.predicates}

    # ---- terms -----------------------------------------------------------------------

    @staticmethod
    def canon(term) -> str:
        """Terms compare as strings; ``http://schema.org/`` is read as ``https://schema.org/``."""
        text = str(term)
        if text.startswith(_HTTP_SCHEMA):
            return vocab.SCHEMA + text[len(_HTTP_SCHEMA):]
        return text

    def values(self, node, term: str) -> list:
        out = list(self.g.objects(node, self.U(term)))
        if term.startswith(vocab.SCHEMA):
            out += self.g.objects(node, self.U(_HTTP_SCHEMA + term[len(vocab.SCHEMA):]))
        return sorted(set(out), key=lambda v: (type(v).__name__, str(v), str(getattr(v, "datatype", None))))

    def one(self, node, term: str, what: str):
        vals = self.values(node, term)
        if len(vals) > 1:
            shown = ", ".join(repr(str(v)) for v in vals)
            raise InvalidRecord(f"{self.show(node)} has several {what} ({shown}); one is allowed")
        return vals[0] if vals else None

    def types(self, node) -> set[str]:
        return {self.canon(t) for t in self.g.objects(node, self.U(_RDF + "type"))}

    @staticmethod
    def show(node) -> str:
        from rdflib import URIRef

        return f"<{node}>" if isinstance(node, URIRef) else f"_:{node}"

    @staticmethod
    def value(prop, node) -> Any:
        """A property value back from its RDF term, for validation to check."""
        return prop.kind.from_rdf(node)

    # ---- entities --------------------------------------------------------------------

    def entity_type(self, node) -> str | None:
        found = sorted({self.classes[t] for t in self.types(node) if t in self.classes})
        if len(found) > 1:
            raise InvalidRecord(f"{self.show(node)} has several entity types ({', '.join(found)})")
        return found[0] if found else None

    def entity_name(self, node) -> str:
        name = self.one(node, vocab.SCHEMA + "name", "names (schema:name)")
        if name is None:
            raise InvalidRecord(f"{self.show(node)} has no schema:name")
        return str(name)

    def entity_record(self, node) -> dict:
        etype = self.entity_type(node)
        rec: dict[str, Any] = {"entity": self.entity_name(node), "type": etype}
        aliases = sorted(str(a) for a in self.values(node, vocab.SCHEMA + "alternateName"))
        if aliases:
            rec["aliases"] = aliases
        for name, prop in self.schema.entity_types[etype].attributes.items():
            term = vocab.attribute_term(etype, name)
            vals = [v for v in self.values(node, term) if prop.kind.is_rdf_value(v)]
            if len(vals) > 1:
                raise InvalidRecord(f"{self.show(node)} has several values of {name} ({term})")
            if vals:
                rec[name] = self.value(prop, vals[0])
        return rec

    def declared(self, node) -> bool:
        from rdflib import Literal

        flag = self.one(node, vocab.VOCAB + "declared", "autokg:declared values")
        return not (isinstance(flag, Literal) and flag.toPython() is False)

    # ---- relations -------------------------------------------------------------------

    def source(self, node) -> dict:
        from rdflib import Literal

        src: dict[str, Any] = {}
        for field, term in vocab.source_terms().items():
            v = self.one(node, term, f"values of {field} ({term})")
            if v is None:
                continue
            if field in ("publisher", "author") and not isinstance(v, Literal):
                name = self.one(v, vocab.SCHEMA + "name", "names")
                v = name if name is not None else v
            src[field] = str(v)
        if "title" not in src:  # a source described with schema:name only
            name = self.one(node, vocab.SCHEMA + "name", "names")
            if name is not None:
                src["title"] = str(name)
        if "url" not in src and "title" not in src and not isinstance(node, Literal):
            src["url"] = str(node)  # a bare document IRI
        return src

    def relation_parts(self, rel) -> tuple[dict, str]:
        """The record fields naming the relation of *rel*, and its predicate."""
        pterm = self.one(rel, _RDF + "predicate", "predicates (rdf:predicate)")
        if pterm is None:
            raise InvalidRecord(f"{self.show(rel)} has no rdf:predicate")
        pname = self.predicates.get(self.canon(pterm))
        if pname is None:
            known = ", ".join(f"autokg:{vocab.camel(p)}" for p in self.predicates.values())
            raise InvalidRecord(f"unknown predicate <{pterm}> (known: {known})")
        rec: dict[str, Any] = {}
        for side, term in (("subject", _RDF + "subject"), ("object", _RDF + "object")):
            ent = self.one(rel, term, f"{side}s (rdf:{side})")
            if ent is None:
                raise InvalidRecord(f"{self.show(rel)} has no rdf:{side}")
            etype = self.entity_type(ent)
            if etype is None:
                classes = ", ".join(f"<{c}>" for c in self.classes)
                raise InvalidRecord(f"the {side} {self.show(ent)} has no entity class (one of {classes})")
            rec[side] = self.entity_name(ent)
            rec[f"{side}_type"] = etype
        return {"subject": rec["subject"], "subject_type": rec["subject_type"], "predicate": pname,
                "object": rec["object"], "object_type": rec["object_type"]}, pname

    def claimed(self, node, pname: str) -> dict:
        out = {}
        for name, prop in self.schema.predicates[pname].properties.items():
            term = vocab.property_term(name)
            v = self.one(node, term, f"values of {name} ({term})")
            if v is not None:
                out[name] = self.value(prop, v)
        return out

    def claim_record(self, rel, claim) -> dict:
        head, pname = self.relation_parts(rel)
        src_node = self.one(claim, _PROV + "wasDerivedFrom", "sources (prov:wasDerivedFrom)")
        if src_node is None:
            raise InvalidRecord(f"the claim {self.show(claim)} has no source (prov:wasDerivedFrom)")
        rec = {**head, **self.claimed(claim, pname)}
        source = self.source(src_node)
        quote = self.one(claim, vocab.VOCAB + "quote", "quotes (autokg:quote)")
        if quote is not None:
            source["quote"] = str(quote)
        rec["source"] = source
        conf = self.one(claim, vocab.VOCAB + "confidence", "confidences (autokg:confidence)")
        if conf is not None:
            rec["confidence"] = get_type("number").from_rdf(conf)
        return rec


def _seq(reader: _Reader, claim) -> tuple:
    from rdflib import Literal

    v = reader.values(claim, vocab.VOCAB + "seq")
    if v and isinstance(v[0], Literal) and isinstance(v[0].toPython(), int):
        return (0, v[0].toPython())
    return (1, 0)


def generate_records(fp: BinaryIO, *, fmt: str | None = None) -> Iterator[tuple[int | str, object]]:
    """Yield ``(place, record)`` for the RDF graph in *fp*; a node that cannot become a record
    yields ``(place, InvalidRecord)`` instead. Raise :class:`InputError` for bad syntax."""
    from rdflib import BNode, URIRef

    g = parse(fp, fmt)
    r = _Reader(g)
    counter = iter(range(1, 1 << 62))

    def place(node) -> int | str:
        return f"<{node}>" if isinstance(node, URIRef) else next(counter)

    V = lambda local: URIRef(vocab.VOCAB + local)  # noqa: E731
    rtype = URIRef(_RDF + "type")
    relations = sorted(set(g.subjects(rtype, V("Relation"))), key=lambda n: (isinstance(n, BNode), str(n)))

    # the entities that some relation names, and the direct triples relations account for
    named: set = set()
    covered: set = set()
    for rel in relations:
        s = r.values(rel, _RDF + "subject")
        o = r.values(rel, _RDF + "object")
        p = r.values(rel, _RDF + "predicate")
        named.update(s + o)
        for a in s:
            for b in o:
                for t in p:
                    covered.add((a, URIRef(r.canon(t)), b))
                    covered.add((b, URIRef(r.canon(t)), a))

    entities = []
    for cls in r.classes:
        for node in g.subjects(rtype, URIRef(cls)):
            entities.append(node)
        if cls.startswith(vocab.SCHEMA):
            entities.extend(g.subjects(rtype, URIRef(_HTTP_SCHEMA + cls[len(vocab.SCHEMA):])))
    for node in sorted(set(entities), key=lambda n: (isinstance(n, BNode), str(n))):
        where = place(node)
        try:
            if not r.declared(node) and node in named:
                continue
            yield where, r.entity_record(node)
        except InvalidRecord as exc:
            yield where, exc

    claims = []  # (order, relation, claim)
    for rel in relations:
        nodes = r.values(rel, vocab.VOCAB + "claim")
        if nodes:
            claims.extend((_seq(r, c), str(c), rel, c) for c in nodes)
            continue
        # a relation without claim nodes: one record per source, claiming its own properties
        claims.extend(((2, 0), str(src), rel, (rel, src)) for src in r.values(rel, _PROV + "wasDerivedFrom"))
        if not r.values(rel, _PROV + "wasDerivedFrom"):
            claims.append(((2, 0), str(rel), rel, None))
    claims.sort(key=lambda c: (c[0], c[1]))
    for _, _, rel, claim in claims:
        if claim is None:
            yield place(rel), InvalidRecord(
                f"{r.show(rel)} has no claim and no source (autokg:claim, prov:wasDerivedFrom)")
            continue
        try:
            if isinstance(claim, tuple):
                where = place(rel)
                head, pname = r.relation_parts(rel)
                rec = {**head, **r.claimed(rel, pname), "source": r.source(claim[1])}
            else:
                where = place(claim)
                rec = r.claim_record(rel, claim)
            yield where, rec
        except InvalidRecord as exc:
            yield where, exc

    # direct triples with no relation node carry no source
    for p_iri, pname in r.predicates.items():
        for a, b in sorted(g.subject_objects(URIRef(p_iri)), key=lambda t: (str(t[0]), str(t[1]))):
            if (a, URIRef(p_iri), b) not in covered:
                yield place(a), InvalidRecord(
                    f"{r.show(a)} autokg:{vocab.camel(pname)} {r.show(b)} has no autokg:Relation node "
                    "with a source (prov:wasDerivedFrom); every relation needs one")
