"""The vocabulary (``schema.yaml``) as Python objects.

Everything that knows about entity types, predicates, their signatures or their properties
reads it from here, so that the vocabulary has one definition.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

from autokg.graph.types import TYPES, PropertyType, get_type

__all__ = ["Property", "EntityType", "Predicate", "Schema", "schema"]


@dataclass(frozen=True)
class Property:
    name: str
    type: str  # the name of a type in autokg.graph.types
    required: bool = False
    min_exclusive: float | None = None
    max: float | None = None
    description: str = ""
    rdf: str | None = None  # the RDF term as prefix:name; None for the autokg default

    @cached_property
    def kind(self) -> PropertyType:
        """The type object: cleaning, comparing, RDF, GraphML and JSON Schema of a value."""
        return get_type(self.type)


@dataclass(frozen=True)
class EntityType:
    name: str
    description: str
    attributes: dict[str, Property]
    rdf_class: str | None = None  # as prefix:name; None for autokg:<name>


@dataclass(frozen=True)
class Predicate:
    name: str
    description: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    properties: dict[str, Property]
    symmetric: bool = False
    key: str | None = None
    requires_one_of: str | None = None

    @cached_property
    def claim_properties(self) -> tuple[str, ...]:
        """The non-key properties: each is a claim resolved by source precedence."""
        return tuple(p for p in self.properties if p != self.key)

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(k for k, p in self.properties.items() if p.required)

    @cached_property
    def has_status(self) -> bool:
        return "status" in self.properties


@dataclass(frozen=True)
class Schema:
    entity_types: dict[str, EntityType]
    predicates: dict[str, Predicate]
    statuses: tuple[str, ...]
    default_status: str
    source_fields: dict[str, Property]  # the fields of a source, in their order
    countries: frozenset[str] = field(repr=False)

    def predicate(self, name: str) -> Predicate | None:
        """The predicate called *name*, matched case-insensitively, or None."""
        return self.predicates.get(name.strip().upper()) if isinstance(name, str) else None

    @property
    def source_keys(self) -> dict[str, str]:
        """Each source field with the name of its type."""
        return {k: p.type for k, p in self.source_fields.items()}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.entity_types)

    @property
    def relationship_types(self) -> tuple[str, ...]:
        return tuple(self.predicates)


def _prop(name: str, spec: dict) -> Property:
    if spec["type"] not in TYPES:
        raise ValueError(f"schema.yaml: {name} has unknown type {spec['type']} (known: {', '.join(sorted(TYPES))})")
    return Property(
        name=name,
        type=spec["type"],
        required=bool(spec.get("required", False)),
        min_exclusive=spec.get("min_exclusive"),
        max=spec.get("max"),
        description=spec.get("description", ""),
        rdf=spec.get("rdf"),
    )


@functools.cache
def schema() -> Schema:
    """Load and check the vocabulary shipped as ``autokg/graph/schema.yaml``."""
    import yaml

    raw = yaml.safe_load(resources.files("autokg.graph").joinpath("schema.yaml").read_text("utf-8"))
    types = {
        name: EntityType(
            name=name,
            description=spec.get("description", ""),
            attributes={a: _prop(a, s) for a, s in (spec.get("attributes") or {}).items()},
            rdf_class=spec.get("rdf_class"),
        )
        for name, spec in raw["entity_types"].items()
    }
    preds = {}
    for name, spec in raw["predicates"].items():
        p = Predicate(
            name=name,
            description=spec.get("description", ""),
            subject=tuple(spec["subject"]),
            object=tuple(spec["object"]),
            properties={k: _prop(k, s) for k, s in (spec.get("properties") or {}).items()},
            symmetric=bool(spec.get("symmetric", False)),
            key=spec.get("key"),
            requires_one_of=spec.get("requires_one_of"),
        )
        for t in p.subject + p.object:
            if t not in types:
                raise ValueError(f"schema.yaml: predicate {name} names unknown type {t}")
        if p.key and p.key not in p.properties:
            raise ValueError(f"schema.yaml: predicate {name} key {p.key} is not a property")
        if not name.isidentifier() or name.upper() != name:
            raise ValueError(f"schema.yaml: predicate {name} must be an upper-case identifier")
        preds[name] = p
    sources = {k: _prop(k, s) for k, s in raw["source_fields"].items()}
    _check_terms(types, sources)
    return Schema(
        entity_types=types,
        predicates=preds,
        statuses=tuple(raw["statuses"]),
        default_status=raw["default_status"],
        source_fields=sources,
        countries=frozenset(raw["countries"].split()),
    )


def _check_terms(types: dict[str, EntityType], sources: dict[str, Property]) -> None:
    """Every RDF term is prefix:name with a known prefix (see autokg.graph.rdfterms)."""
    from autokg.graph.rdfterms import PREFIXES

    terms = [(t.name, t.rdf_class) for t in types.values()]
    terms += [(f"{t.name}.{p.name}", p.rdf) for t in types.values() for p in t.attributes.values()]
    terms += [(f"source_fields.{p.name}", p.rdf) for p in sources.values()]
    for where, term in terms:
        if term is not None and term.partition(":")[0] not in PREFIXES:
            raise ValueError(f"schema.yaml: {where} has RDF term {term!r}, not prefix:name "
                             f"with a prefix of {', '.join(PREFIXES)}")
