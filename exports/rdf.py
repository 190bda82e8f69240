"""RDF export with rdflib: schema.org classes, a small autokg vocabulary, PROV-O provenance.

Formats are registered by name with aliases (:data:`FORMATS`): ``turtle`` (``ttl``), ``json-ld``
(``jsonld``) and ``nt`` (``ntriples``, ``n-triples``). The output is deterministic: every IRI
derives from a store id, there are no blank nodes, Turtle is written sorted by rdflib, N-Triples
are sorted lines and JSON-LD nodes and values are sorted. The file is written to a temporary
name and renamed, so a failed export never leaves a truncated file. :mod:`autokg.loaders.rdf`
reads the same vocabulary back.

Namespaces::

    autokg:  https://w3id.org/autokg/vocab#   the vocabulary below
    kg:      https://w3id.org/autokg/id/      the things in the graph
    schema:  https://schema.org/              (http://schema.org/ is accepted on input)
    prov:    http://www.w3.org/ns/prov#

The terms of entity types, attributes and source fields are data in ``graph/schema.yaml``
(``rdf_class``, ``rdf``), read through :mod:`autokg.graph.rdfterms`; a value's literal or node is
its property type's (:mod:`autokg.graph.types`). With the shipped schema:

Entities (``kg:company-<hash>``, ``kg:person-<hash>``, ...) are ``schema:Organization``
(Company), ``schema:Person``, ``schema:Product`` or ``schema:Event`` with ``schema:name``, one
``schema:alternateName`` per alias, and their attributes:

==================  ===============================================================
attribute           term
==================  ===============================================================
wikidata            ``schema:sameAs <http://www.wikidata.org/entity/Q…>``
founded (Company)   ``schema:foundingDate``
kind (Product)      ``schema:category``
launched (Product)  ``schema:releaseDate``
date (Event)        ``schema:startDate``
location (Event)    ``schema:location``
any other           ``autokg:<attribute in camelCase>``: ``autokg:country``,
                    ``autokg:sector``, ``autokg:nationality`` (ISO codes as plain strings)
==================  ===============================================================

An entity that no entity record declared (it was created by naming it in a relation) carries
``autokg:declared false``.

Each relation is written twice:

* a direct triple ``<subject> autokg:partnersWith <object>``: the predicate name in camelCase
  (``autokg:worksFor``, ``autokg:metWith``, ``autokg:attended``, ``autokg:subsidiaryOf``,
  ``autokg:investsIn``, ``autokg:supplies``, ``autokg:makes``). A symmetric predicate is written
  in one direction and declared ``owl:SymmetricProperty``;
* a qualified node ``kg:relation-<hash>``, an ``autokg:Relation``, ``rdf:Statement`` and
  ``prov:Entity``, with ``rdf:subject``, ``rdf:predicate``, ``rdf:object``, its resolved
  properties (``autokg:domain``, ``autokg:role``, ``autokg:status``, ``autokg:since``,
  ``autokg:until``, ``autokg:stakePct``, ``autokg:date``, ``autokg:event``),
  ``prov:wasDerivedFrom`` each source and ``autokg:claim`` each claim.

A claim (``kg:claim-<relation hash>-<source id>``, an ``autokg:Claim`` and ``prov:Entity``) is
what one source says about one relation: ``prov:wasDerivedFrom`` the source, ``autokg:quote``,
``autokg:confidence``, ``autokg:seq`` (the order in which claims were recorded, the last tie
breaker of precedence) and the properties it claims, with the same terms as the relation.

A source (``kg:source-<id>``) is a ``schema:CreativeWork`` and ``prov:Entity`` with
``schema:url`` (``xsd:anyURI``), ``schema:headline`` (title), ``schema:publisher``,
``schema:author`` (names, as strings), ``schema:datePublished`` and ``schema:inLanguage``.

Statuses are the individuals ``autokg:Active``, ``autokg:Prospective`` and ``autokg:Ended``
(class ``autokg:Status``). Dates are ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` by their
precision; numbers are ``xsd:integer`` or ``xsd:decimal`` (exact). Every export also describes
the vocabulary terms it uses (labels and comments from ``schema.yaml``).
"""

from __future__ import annotations

import json
import sys
from typing import Callable, Iterator

from autokg.errors import UnknownName
from autokg.exports import Option, register_export
from autokg.graph.atomic import atomic_open
from autokg.graph.model import Property, schema
from autokg.graph.rdfterms import (
    ID,
    PREFIXES,
    PROV,
    SCHEMA,
    VOCAB,
    attribute_term,
    class_term,
    predicate_term,
    property_term,
    source_terms,
    status_term,
)
from autokg.graph.types import get_type

__all__ = [
    "FORMATS",
    "register_format",
    "format_name",
    "to_rdf",
    "generate_rdf",
    "write_rdf",
]


def _iri(kind: str, raw_id: str) -> str:
    # Store ids are "<prefix>:<hex>" with IRI-safe parts; "-" keeps them Turtle local names.
    prefix, _, rest = raw_id.partition(":")
    if kind == "entity":
        return f"{ID}{prefix}-{rest}"
    if kind == "relation":
        return f"{ID}relation-{rest}"
    return f"{ID}source-{prefix}-{rest}"


def _claim_iri(relation_id: str, source_id: str) -> str:
    return f"{ID}claim-{relation_id.partition(':')[2]}-{source_id.replace(':', '-')}"


def _vocabulary(g, used_predicates: set[str]) -> None:
    """Describe the vocabulary terms: labels and comments taken from ``schema.yaml``."""
    from rdflib import OWL, RDF, RDFS, Literal, URIRef

    s = schema()
    V = lambda local: URIRef(VOCAB + local)  # noqa: E731
    for local, comment in (
        ("Relation", "A relation between two entities, with its resolved properties and its claims."),
        ("Claim", "What one source says about one relation: quote, confidence, claimed properties."),
        ("Status", "The status of a partnership."),
    ):
        g.add((V(local), RDF.type, RDFS.Class))
        g.add((V(local), RDFS.comment, Literal(comment)))
    for status in s.statuses:
        g.add((URIRef(status_term(status)), RDF.type, V("Status")))
        g.add((URIRef(status_term(status)), RDFS.label, Literal(status)))
    props: dict[str, str] = {}
    for name in sorted(used_predicates):
        pred = s.predicates[name]
        term = URIRef(predicate_term(name))
        g.add((term, RDF.type, RDF.Property))
        if pred.symmetric:
            g.add((term, RDF.type, OWL.SymmetricProperty))
        g.add((term, RDFS.label, Literal(name)))
        g.add((term, RDFS.comment, Literal(pred.description)))
        for p in pred.properties:
            props.setdefault(p, property_term(p))
    for local, comment in (
        ("claim", "A claim about this relation."),
        ("quote", "The sentence of the source that supports the relation."),
        ("confidence", "How sure the extraction is, from 0 to 1."),
        ("seq", "The order in which the claim was recorded; the later wins ties of precedence."),
        ("declared", "False for an entity that only relations name (no entity record declares it)."),
    ):
        g.add((V(local), RDF.type, RDF.Property))
        g.add((V(local), RDFS.comment, Literal(comment)))
    for p, term in sorted(props.items()):
        g.add((URIRef(term), RDF.type, RDF.Property))
        g.add((URIRef(term), RDFS.label, Literal(p)))
    for t in s.entity_types.values():
        for a in t.attributes:
            term = attribute_term(t.name, a)
            if term.startswith(VOCAB):
                g.add((URIRef(term), RDF.type, RDF.Property))
                g.add((URIRef(term), RDFS.label, Literal(a)))


def to_rdf(store):
    """The store's graph as an ``rdflib.Graph`` (see the module docstring for the model)."""
    from rdflib import Graph

    snap = store.snapshot()
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    relations = sorted(snap["relations"], key=lambda r: r["id"])
    _add_entities(g, snap["entities"])
    _add_sources(g, snap["sources"])
    _add_relations(g, relations)
    _add_claims(g, snap["links"], {r["id"]: r for r in relations})
    _vocabulary(g, {r["predicate"] for r in relations})
    return g


def _term(namespace: str, local: str):
    from rdflib import URIRef

    return URIRef(namespace + local)


def _add_entities(g, entities: list[dict]) -> None:
    from rdflib import RDF, Literal, URIRef

    s = schema()
    for e in entities:
        node = URIRef(_iri("entity", e["id"]))
        etype = s.entity_types[e["type"]]
        g.add((node, RDF.type, URIRef(class_term(e["type"]))))
        g.add((node, _term(SCHEMA, "name"), Literal(e["name"])))
        for alias in e["aliases"]:
            g.add((node, _term(SCHEMA, "alternateName"), Literal(alias)))
        for k, v in e["attrs"].items():
            prop = etype.attributes.get(k) or Property(k, "string")
            g.add((node, URIRef(attribute_term(e["type"], k)), prop.kind.rdf(v)))
        if not e["declared"]:
            g.add((node, _term(VOCAB, "declared"), Literal(False)))


def _add_sources(g, sources: list[dict]) -> None:
    from rdflib import RDF, URIRef

    s = schema()
    fields = [(s.source_fields[f], URIRef(term)) for f, term in source_terms().items()]
    for src in sources:
        node = URIRef(_iri("source", src["id"]))
        g.add((node, RDF.type, _term(SCHEMA, "CreativeWork")))
        g.add((node, RDF.type, _term(PROV, "Entity")))
        for prop, term in fields:
            if src.get(prop.name) is not None:
                g.add((node, term, prop.kind.rdf(src[prop.name])))


def _add_relations(g, relations: list[dict]) -> None:
    """Each relation as a direct triple and as a qualified node with its resolved properties."""
    from rdflib import RDF, URIRef

    s = schema()
    for r in relations:
        pred = s.predicates[r["predicate"]]
        node = URIRef(_iri("relation", r["id"]))
        subj = URIRef(_iri("entity", r["subject_id"]))
        obj = URIRef(_iri("entity", r["object_id"]))
        term = URIRef(predicate_term(pred.name))
        g.add((subj, term, obj))
        g.add((node, RDF.type, _term(VOCAB, "Relation")))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.type, _term(PROV, "Entity")))
        g.add((node, RDF.subject, subj))
        g.add((node, RDF.predicate, term))
        g.add((node, RDF.object, obj))
        for k, v in r["props"].items():
            prop = pred.properties.get(k) or Property(k, "string")
            g.add((node, URIRef(property_term(k)), prop.kind.rdf(v)))


def _add_claims(g, links: list[dict], rel_by_id: dict[str, dict]) -> None:
    """What each source says about each relation; every link carries its seq, the order of
    the claims."""
    from rdflib import RDF, Literal, URIRef

    s = schema()
    derived = _term(PROV, "wasDerivedFrom")
    for link in links:
        rid, sid = link["relation_id"], link["source"]["id"]
        pred = s.predicates[rel_by_id[rid]["predicate"]]
        rel_node = URIRef(_iri("relation", rid))
        src_node = URIRef(_iri("source", sid))
        node = URIRef(_claim_iri(rid, sid))
        g.add((rel_node, _term(VOCAB, "claim"), node))
        g.add((rel_node, derived, src_node))
        g.add((node, RDF.type, _term(VOCAB, "Claim")))
        g.add((node, RDF.type, _term(PROV, "Entity")))
        g.add((node, derived, src_node))
        if link.get("quote") is not None:
            g.add((node, _term(VOCAB, "quote"), Literal(link["quote"])))
        g.add((node, _term(VOCAB, "confidence"), get_type("number").rdf(float(link["confidence"]))))
        g.add((node, _term(VOCAB, "seq"), Literal(int(link["seq"]))))
        for k, v in link["claims"].items():
            prop = pred.properties.get(k) or Property(k, "string")
            g.add((node, URIRef(property_term(k)), prop.kind.rdf(v)))


# ---- formats --------------------------------------------------------------------------------


def _turtle(g) -> str:
    return g.serialize(format="turtle")


def _ntriples(g) -> str:
    # "\n" only: str.splitlines() also splits at U+2028, U+0085, \f ..., which rdflib leaves raw
    # inside literals, and sorting those pieces made a file no parser reads
    lines = g.serialize(format="nt").split("\n")
    return "".join(line + "\n" for line in sorted(filter(None, lines)))


def _sort_jsonld(value):
    if isinstance(value, dict):
        return {k: _sort_jsonld(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(g) -> str:
    context = dict(PREFIXES)
    doc = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    # rdflib's node order follows its index; sort nodes and the values of each property.
    doc = _sort_jsonld(doc)
    doc["@context"] = context
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS: dict[str, Callable] = {"turtle": _turtle, "json-ld": _jsonld, "nt": _ntriples}
_ALIASES = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt"}


def register_format(name: str, serialize: Callable, aliases: tuple[str, ...] = ()) -> None:
    """Register *serialize* (an ``rdflib.Graph`` to text) as the RDF format *name*."""
    FORMATS[name] = serialize
    for alias in aliases:
        _ALIASES[alias] = name


def format_name(fmt: str) -> str:
    """The registered name of *fmt* (a name or an alias); :class:`UnknownName` otherwise."""
    key = (fmt or "").strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        known = ", ".join(f"{n} ({a})" if (a := ", ".join(k for k, v in _ALIASES.items() if v == n)) else n
                          for n in FORMATS)
        raise UnknownName(f"unknown RDF format {fmt!r} (known: {known})")
    return key


def generate_rdf(store, fmt: str = "turtle") -> Iterator[str]:
    """Yield the document in *fmt*, line by line."""
    serialize = FORMATS[format_name(fmt)]
    yield from serialize(to_rdf(store)).splitlines(keepends=True)


def write_rdf(store, out, fmt: str = "turtle") -> int:
    """Write RDF in *fmt* to the path *out* (``-`` for stdout); returns the number of triples."""
    serialize = FORMATS[format_name(fmt)]
    g = to_rdf(store)
    text = serialize(g)
    if out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return len(g)
    with atomic_open(out, suffix=".rdf.tmp") as fp:
        fp.write(text)
    return len(g)


register_export(
    "rdf", write_rdf, "RDF (schema.org classes, PROV-O provenance) with rdflib.",
    options=(
        # the live format table: a format registered later is a choice too
        Option("format", "turtle (ttl), json-ld (jsonld) or nt (ntriples).", default="turtle",
               choices=FORMATS, aliases=_ALIASES, keyword="fmt"),
    ),
    stdout=True,
    summary=lambda triples: f"{triples} triples",
    example="autokg export rdf kg.ttl --format turtle",
)
