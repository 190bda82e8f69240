"""autokg: a knowledge graph of who works with whom in the automotive industry.

The library does the work; :mod:`autokg.cli` is a thin command line over it. The front door is
:func:`autokg.open`, which gives a :class:`~autokg.api.KnowledgeGraph` over the embedded store (a
SQLite file, no server) or over Neo4j:

>>> import autokg, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "kg.db")
>>> with autokg.open(path) as kg:
...     report = kg.load([{"subject": "Renault", "predicate": "PARTNERS_WITH", "object": "Geely",
...                        "domain": "hybrid powertrains", "status": "active",
...                        "source": {"url": "https://example.org/a", "quote": "Renault and Geely ..."}}])
...     print(report.as_dict()["relations"], report.rejected)
...     kg.query("partners-of", company="Geely")
{'new': 1, 'updated': 0, 'unchanged': 0} []
[{'partner': 'Renault', 'domain': 'hybrid powertrains', 'status': 'active', 'since': None, 'until': None, 'sources': 1}]

``kg.load`` also takes file paths (JSON Lines, JSON, YAML, CSV, Turtle, N-Triples, JSON-LD);
``kg.presets()`` lists the saved queries, ``kg.entities(type=None, search=None)`` the entities,
``kg.to_networkx(view="full")`` gives a networkx graph and ``kg.export("graphml", "out.graphml")``
writes a file. Neo4j: ``autokg.open(backend="neo4j", uri="bolt://127.0.0.1:7687", password=...)``,
or the ``NEO4J_*`` variables.
"""

from autokg.api import KnowledgeGraph, open
from autokg.errors import (AutokgError, InputError, InvalidRecord, StoreError, StoreUnavailable, UnknownEntity,
                           UnknownName, UnknownPreset, UsageError)

__version__ = "0.1.0"
__all__ = ["__version__", "open", "KnowledgeGraph", "AutokgError", "InputError", "InvalidRecord", "StoreError",
           "StoreUnavailable", "UnknownEntity", "UnknownName", "UnknownPreset", "UsageError"]
