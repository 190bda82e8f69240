"""The RDF terms of the vocabulary: namespaces and the IRI of every class, attribute, predicate,
property, source field and status.

The terms themselves are data in ``schema.yaml`` (``rdf_class`` of an entity type, ``rdf`` of an
attribute or source field, as ``prefix:name``); a name without one gets its autokg term. The RDF
export (:mod:`autokg.exports.rdf`) writes these terms and the RDF loader
(:mod:`autokg.loaders.rdf`) reads them back, so they live here, below both.
"""

from __future__ import annotations

from autokg.graph.model import schema

__all__ = [
    "VOCAB",
    "ID",
    "SCHEMA",
    "PROV",
    "WIKIDATA",
    "PREFIXES",
    "expand",
    "source_terms",
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


def expand(curie: str) -> str:
    """``schema:foundingDate`` → ``https://schema.org/foundingDate``; an unknown prefix is an error
    in ``schema.yaml``."""
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise ValueError(f"schema.yaml: {curie!r} is not prefix:name with a prefix of {', '.join(PREFIXES)}")
    return PREFIXES[prefix] + local


def class_term(type_: str) -> str:
    """The class of an entity type: its ``rdf_class`` (schema.org where one fits), else
    ``autokg:<Type>``."""
    etype = schema().entity_types.get(type_)
    return expand(etype.rdf_class) if etype is not None and etype.rdf_class else VOCAB + type_


def attribute_term(type_: str, name: str) -> str:
    """The term of an entity attribute: its ``rdf`` term, else ``autokg:<name in camelCase>``."""
    etype = schema().entity_types.get(type_)
    prop = etype.attributes.get(name) if etype is not None else None
    return expand(prop.rdf) if prop is not None and prop.rdf else VOCAB + camel(name)


def source_terms() -> dict[str, str]:
    """Each source field with its term, in the order of the fields."""
    return {k: expand(p.rdf) if p.rdf else VOCAB + camel(k) for k, p in schema().source_fields.items()}


def property_term(name: str) -> str:
    """The term of a relation (and claim) property."""
    return VOCAB + camel(name)


def predicate_term(name: str) -> str:
    return VOCAB + camel(name)


def status_term(status: str) -> str:
    return VOCAB + status.capitalize()
