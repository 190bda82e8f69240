"""The JSON Schema of a fact record, made from the vocabulary (``schema.yaml``).

``python -m autokg.graph.jsonschema > graph/fact.schema.json`` writes the shipped copy; a test
checks that the copy is up to date and that it accepts what validation accepts.
"""

from __future__ import annotations

import json
import sys

from autokg.graph.model import Property, schema

__all__ = ["fact_schema"]

def _prop(p: Property) -> dict:
    """The JSON Schema of a value of *p*: its type's, with *p*'s bounds."""
    return p.kind.json_schema(p)


def fact_schema() -> dict:
    s = schema()
    source = {
        "oneOf": [
            {"type": "string", "minLength": 1, "description": "a url"},
            {"type": "object", "additionalProperties": False,
             "properties": {**{k: _prop(p) for k, p in s.source_fields.items()},
                            "quote": {"type": "string", "minLength": 1}},
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
                **{a: _prop(p) for a, p in t.attributes.items()},
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
                **{k: _prop(p) for k, p in pred.properties.items()},
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
