"""A streamed load into Neo4j keeps its memory bounded over a large file.

The driver leaves each statement's result in reference cycles that also hold the statement's
parameters, thousands of rows. A load raises the cyclic collector's threshold (the merge engine
makes no cycles, and collecting less often saves a tenth of its time), so unless the sender
collects them at each commit, the rows of every statement sent wait for a rare full collection
and a one-file load's memory grows with the file (473 against 390 MB at 300,000 facts).
"""

from __future__ import annotations

import gc

from _helpers import write_jsonl
from autokg.graph.neo4j import Neo4jStore
from autokg.loaders import load_files


def _rows_of_statements(objects) -> list[dict]:
    """The relation rows of write statements among *objects*."""
    return [o for o in objects if type(o) is dict and "subject_id" in o and "key_display" in o]


def test_a_streamed_load_leaves_no_statement_rows_to_the_collector(neo4j_settings, tmp_path):
    n = 3000
    path = write_jsonl(tmp_path / "facts.jsonl", [
        {"subject": f"Company {i}", "predicate": "PARTNERS_WITH", "object": f"Company {i + 1}",
         "domain": f"domain {i}", "source": {"url": f"https://memory.example/{i}", "title": f"Report {i}"}}
        for i in range(n)])
    with Neo4jStore(**neo4j_settings, tx_rows=500) as neo:
        neo.delete_all()
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds unreachable is kept, to be counted
        try:
            report = load_files(neo, [path], batch_size=250)
            found = len(gc.garbage)  # what the collections during the load found
            gc.collect()
            left = _rows_of_statements(gc.garbage[found:])  # what was still waiting for one
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        assert report.ok and neo.stats()["relations"] == n
    # the rows of about 14 transactions of 500 rows were sent: none of them is left waiting
    assert left == []
