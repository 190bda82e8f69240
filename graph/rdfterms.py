"""The RDF terms of the vocabulary: namespaces and the IRI of every class, attribute, predicate,
property and status.

The RDF export (:mod:`autokg.exports.rdf`) writes these terms and the RDF loader
(:mod:`autokg.loaders.rdf`) reads them back, so they live here, below both.
"""

from __future__ import annotations

__all__ = [
    "VOCAB",
    "ID",
    "SCHEMA",
    "PROV",
    "WIKIDATA",
    "PREFIXES",
    "SOURCE_TERMS",
    "camel",
    "class_term",
    "attribute_term",
    "property_term",
    "predicate_term",
    "status_term",
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
PREFIXES = {
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
