"""The JSON Schema of a fact record, made from the vocabulary (``schema.yaml``).

``python -m autokg.graph.jsonschema > graph/fact.schema.json`` writes the shipped copy; a test
checks that the copy is up to date and that it accepts what validation accepts.
"""

from __future__ import annotations

import json
import sys

from autokg.graph.model import Property, schema

__all__ = ["fact_schema"]

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _prop(p: Property, countries: list[str]) -> dict:
    if p.type == "date":
        return {"type": "string", "pattern": DATE}
    if p.type == "country":
        return {"type": "string", "enum": countries}
    if p.type == "wikidata":
        return {"type": "string", "pattern": r"^[Qq]\d+$"}
    if p.type == "status":
        return {"type": "string", "enum": list(schema().statuses)}
    if p.type == "number":
        out: dict = {"type": "number"}
        if p.min_exclusive is not None:
            out["exclusiveMinimum"] = p.min_exclusive
        if p.max is not None:
            out["maximum"] = p.max
        return out
    return {"type": "string", "minLength": 1}


def fact_schema() -> dict:
    s = schema()
    countries = sorted(s.countries)
    source = {
        "oneOf": [
            {"type": "string", "minLength": 1, "description": "a url"},
            {"type": "object", "additionalProperties": False,
             "properties": {**{k: ({"type": "string", "pattern": DATE} if t == "date" else {"type": "string", "minLength": 1})
                               for k, t in s.source_keys.items()}, "quote": {"type": "string", "minLength": 1}},
             "anyOf": [{"required": ["url"]}, {"required": ["title"]}]},
        ]
    }
    entity_variants = []
    for t in s.entity_types.values():
        entity_variants.append({
            "type": "object", "additionalProperties": False, "required": ["entity", "type"],
            "properties": {
                "entity": {"type": "string", "minLength": 1},
                "type": {"const": t.name},
                "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                **{a: _prop(p, countries) for a, p in t.attributes.items()},
            },
            "description": t.description,
        })
    relation_variants = []
    for pred in s.predicates.values():
        relation_variants.append({
            "type": "object", "additionalProperties": False,
            "required": ["subject", "predicate", "object", "source", *pred.required],
            "properties": {
                "subject": {"type": "string", "minLength": 1},
                "object": {"type": "string", "minLength": 1},
                "predicate": {"type": "string", "pattern": "(?i)^\\s*" + pred.name + "\\s*$"},
                "subject_type": {"enum": list(pred.subject)},
                "object_type": {"enum": list(pred.object)},
                "source": source,
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                **{k: _prop(p, countries) for k, p in pred.properties.items()},
            },
            "description": f"{pred.description} ({', '.join(pred.subject)} → {', '.join(pred.object)})"
                           + (", symmetric" if pred.symmetric else ""),
        })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://autokg.example/fact.schema.json",
        "title": "autokg fact record",
        "description": "One line of a JSON Lines fact file: an entity record or a relation record. "
                       "Made from graph/schema.yaml; predicates match case-insensitively.",
        "oneOf": [{"oneOf": entity_variants}, {"oneOf": relation_variants}],
    }


if __name__ == "__main__":
    json.dump(fact_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
