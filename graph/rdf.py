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
from decimal import Decimal
from typing import Any, Callable, Iterator

from autokg.graph.atomic import atomic_open
from autokg.errors import UnknownName
from autokg.graph.model import Property, schema

__all__ = [
    "VOCAB",
    "ID",
    "SCHEMA",
    "WIKIDATA",
    "SOURCE_TERMS",
    "FORMATS",
    "register_format",
    "format_name",
    "to_rdf",
    "generate_rdf",
    "write_rdf",
    "camel",
    "class_term",
    "attribute_term",
    "property_term",
    "predicate_term",
    "status_term",
    "value_node",
]

VOCAB = "https://w3id.org/autokg/vocab#"
ID = "https://w3id.org/autokg/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
WIKIDATA = "http://www.wikidata.org/entity/"

_CLASSES = {"Company": "Organization", "Person": "Person", "Product": "Product", "Event": "Event"}
# Attributes with a fitting schema.org property; the others are autokg terms.
_ATTRIBUTES = {
    ("Company", "founded"): "foundingDate",
    ("Product", "kind"): "category",
    ("Product", "launched"): "releaseDate",
    ("Event", "date"): "startDate",
    ("Event", "location"): "location",
}
# Source fields as schema.org properties.
SOURCE_TERMS = {
    "url": SCHEMA + "url",
    "title": SCHEMA + "headline",
    "publisher": SCHEMA + "publisher",
    "author": SCHEMA + "author",
    "published": SCHEMA + "datePublished",
    "lang": SCHEMA + "inLanguage",
}
_PREFIXES = {
    "autokg": VOCAB,
    "kg": ID,
    "schema": SCHEMA,
    "prov": PROV,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": WIKIDATA,
}


def camel(name: str) -> str:
    """``PARTNERS_WITH`` → ``partnersWith``, ``stake_pct`` → ``stakePct``."""
    first, *rest = name.lower().split("_")
    return first + "".join(w.capitalize() for w in rest)


def class_term(type_: str) -> str:
    """The class of an entity type: schema.org where one fits, else ``autokg:<Type>``."""
    return SCHEMA + _CLASSES[type_] if type_ in _CLASSES else VOCAB + type_


def attribute_term(type_: str, name: str) -> str:
    if name == "wikidata":
        return SCHEMA + "sameAs"
    if (type_, name) in _ATTRIBUTES:
        return SCHEMA + _ATTRIBUTES[(type_, name)]
    return VOCAB + camel(name)


def property_term(name: str) -> str:
    """The term of a relation (and claim) property."""
    return VOCAB + camel(name)


def predicate_term(name: str) -> str:
    return VOCAB + camel(name)


def status_term(status: str) -> str:
    return VOCAB + status.capitalize()


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


def _date_literal(value: str):
    from rdflib import XSD, Literal

    kind = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=kind)


def _number_literal(value: Any):
    from rdflib import XSD, Literal

    if isinstance(value, int) and not isinstance(value, bool):
        return Literal(value)
    # xsd:decimal from the shortest repr is exact; rdflib writes xsd:double in Turtle with
    # only a few significant digits.
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def value_node(prop: Property, value: Any):
    """The RDF term for a value of an attribute or property of *prop*'s type."""
    from rdflib import Literal, URIRef

    if prop.type == "date":
        return _date_literal(value)
    if prop.type == "status":
        return URIRef(status_term(value))
    if prop.type == "wikidata":
        return URIRef(WIKIDATA + value)
    if prop.type == "number":
        return _number_literal(value)
    return Literal(value)


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
    from rdflib import RDF, XSD, Graph, Literal, URIRef

    s = schema()
    snap = store.snapshot()
    g = Graph(bind_namespaces="none")
    for prefix, ns in _PREFIXES.items():
        g.bind(prefix, ns)
    V = lambda local: URIRef(VOCAB + local)  # noqa: E731
    P = lambda local: URIRef(PROV + local)  # noqa: E731
    S = lambda local: URIRef(SCHEMA + local)  # noqa: E731

    for e in snap["entities"]:
        node = URIRef(_iri("entity", e["id"]))
        etype = s.entity_types[e["type"]]
        g.add((node, RDF.type, URIRef(class_term(e["type"]))))
        g.add((node, S("name"), Literal(e["name"])))
        for alias in e["aliases"]:
            g.add((node, S("alternateName"), Literal(alias)))
        for k, v in e["attrs"].items():
            prop = etype.attributes.get(k) or Property(k, "string")
            g.add((node, URIRef(attribute_term(e["type"], k)), value_node(prop, v)))
        if not e["declared"]:
            g.add((node, V("declared"), Literal(False)))

    for src in snap["sources"]:
        node = URIRef(_iri("source", src["id"]))
        g.add((node, RDF.type, S("CreativeWork")))
        g.add((node, RDF.type, P("Entity")))
        for field, term in SOURCE_TERMS.items():
            v = src.get(field)
            if v is None:
                continue
            if field == "url":
                lit = Literal(v, datatype=XSD.anyURI)
            elif field == "published":
                lit = _date_literal(v)
            else:
                lit = Literal(v)
            g.add((node, URIRef(term), lit))

    used: set[str] = set()
    relations = sorted(snap["relations"], key=lambda r: r["id"])
    for r in relations:
        pred = s.predicates[r["predicate"]]
        used.add(pred.name)
        node = URIRef(_iri("relation", r["id"]))
        subj = URIRef(_iri("entity", r["subject_id"]))
        obj = URIRef(_iri("entity", r["object_id"]))
        term = URIRef(predicate_term(pred.name))
        g.add((subj, term, obj))
        g.add((node, RDF.type, V("Relation")))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.type, P("Entity")))
        g.add((node, RDF.subject, subj))
        g.add((node, RDF.predicate, term))
        g.add((node, RDF.object, obj))
        for k, v in r["props"].items():
            prop = pred.properties.get(k) or Property(k, "string")
            g.add((node, URIRef(property_term(k)), value_node(prop, v)))

    rel_by_id = {r["id"]: r for r in relations}
    for link in snap["links"]:  # every link carries its seq: the order of the claims
        rid, sid = link["relation_id"], link["source"]["id"]
        pred = s.predicates[rel_by_id[rid]["predicate"]]
        rel_node = URIRef(_iri("relation", rid))
        src_node = URIRef(_iri("source", sid))
        node = URIRef(_claim_iri(rid, sid))
        g.add((rel_node, V("claim"), node))
        g.add((rel_node, P("wasDerivedFrom"), src_node))
        g.add((node, RDF.type, V("Claim")))
        g.add((node, RDF.type, P("Entity")))
        g.add((node, P("wasDerivedFrom"), src_node))
        if link.get("quote") is not None:
            g.add((node, V("quote"), Literal(link["quote"])))
        g.add((node, V("confidence"), _number_literal(float(link["confidence"]))))
        g.add((node, V("seq"), Literal(int(link["seq"]))))
        for k, v in link["claims"].items():
            prop = pred.properties.get(k) or Property(k, "string")
            g.add((node, URIRef(property_term(k)), value_node(prop, v)))
    _vocabulary(g, used)
    return g


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
    context = dict(_PREFIXES)
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
