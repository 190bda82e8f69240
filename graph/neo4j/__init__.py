"""The Neo4j store: the same store protocol as the embedded store, on a Neo4j 5 server.

The merge rules stay in :mod:`autokg.graph.merge`; this package only reads and writes rows, so
Neo4j holds exactly the graph the embedded store holds for the same input.

Parts
-----

* :mod:`~autokg.graph.neo4j.connection`: the driver, its settings, and failures as one-line
  autokg errors without the password (:class:`~.connection.Connection`).
* :mod:`~autokg.graph.neo4j.statements`: every Cypher statement, by name; labels and
  relationship types only from the schema vocabulary, values only as parameters.
* :mod:`~autokg.graph.neo4j.rows`: store rows to and from graph properties.
* :mod:`~autokg.graph.neo4j.reader`: the committed rows a load reads (:class:`~.reader.StoredRows`).
* :mod:`~autokg.graph.neo4j.buffer`: one load transaction, its writes buffered and seen by its
  reads, sent as units of statements (:class:`~.buffer.WriteBuffer`).
* :mod:`~autokg.graph.neo4j.sender`: the thread that sends those units in managed write
  transactions (:class:`~.sender.Sender`).
* :mod:`~autokg.graph.neo4j.lock`: the lease that makes concurrent loads run one after the
  other (:class:`~.lock.LoadLock`).
* :mod:`~autokg.graph.neo4j.store`: :class:`~.store.Neo4jStore`, which ties them together.

Graph model
-----------

::

    (:Source {id, url, title, publisher, author, published, lang})
       |
       | [:SUPPORTS {quote, confidence, seq,
       |             status, domain, role, since, until, stake_pct, date, event}]   one per source
       v
    (:Relation {id, predicate, subject_id, object_id, key, key_display, sources,
                status, domain, role, since, until, stake_pct, date, event})
       |                                              |
       | [:SUBJECT]                                   | [:OBJECT]
       v                                              v
    (:Entity:Company {id, name, aliases,  --[:PARTNERS_WITH {id, key_display,       -->  (:Entity:Company)
      names_norm, declared, partners,        key_lower, country_pair, domain,
      country, ...})                         status, since, until, sources}]
       ^
       | [:NAMES]   one per compared name of the entity
       |
    (:Name {norm})   unique: one node per compared name, shared by the entities having it

* Entities are nodes labelled ``:Entity`` plus their type (``:Company``, ``:Person``,
  ``:Product``, ``:Event``), with ``name``, ``aliases`` (list), ``names_norm`` (the compared form of
  every name, used for lookups), ``declared`` and their attributes as properties.
* Every compared name (:func:`~autokg.graph.normalize.norm` of the name or an alias) is one
  ``:Name {norm}`` node, unique by a constraint, with a ``NAMES`` relationship to each entity that
  has it: finding an entity by any of its names is one seek of that constraint's index, for the
  loader's read-back of existing names and for the presets alike (an index on the ``names_norm``
  list would not serve ``x IN list``). ``init`` links the names of a database written before
  these nodes existed.
* ``partners`` is the entity's number of partners not ended (``PARTNERS_WITH`` either way, each
  partner once; absent when none), and ``key_lower`` a partnership's domain in lower case: the
  store keeps both so that ``hubs`` reads the top of a range index and the domain searches seek a
  text index, instead of aggregating every partnership. ``country_pair`` is the two countries
  of a partnership's ends in order (``CN-FR``; absent unless both have one and they differ),
  from whose index ``cross-border`` with two countries starts; an entity whose country changes
  updates it on its partnerships. ``init`` computes all three for a database written before
  them. Like the other whole-graph presets, they start from indexes (country,
  status, source date) and resolve every relation only as of a date.
* Each relation is a typed relationship between its two entities (``PARTNERS_WITH``,
  ``WORKS_FOR``, ... only from the schema vocabulary), carrying the resolved properties and the
  number of sources: that is what Neo4j Browser shows when you expand a company.
* The same relation is also a ``:Relation`` node linked to its subject and object, because a
  relationship cannot point at a relationship: every source that supports it points at that node
  with a ``SUPPORTS`` relationship carrying the quote, the confidence, the record order (``seq``)
  and every property the source claims, under its name in the vocabulary. The status
  history of a relation is the ``status`` of its ``SUPPORTS`` links, dated by their sources.
* ``(:AutokgMeta {key: 'seq'})`` keeps the record counter used to order claims;
  ``(:AutokgMeta {key: 'load-lock'})`` exists while a load runs (its lease).

Writes
------

A :meth:`Neo4jStore.transaction` keeps the writes of the load in memory, and reads inside it
see them (the merge engine re-reads relations across batches). Each time the merge engine ends a
batch, what changed in it goes as ``UNWIND $rows`` statements to a background thread, which
sends them in a managed write transaction (``execute_write``, so transient errors are retried)
while the merge engine goes on with the next batch. A transaction commits once it holds
``tx_rows`` rows, or when the load ends: a file of up to ``tx_rows`` rows commits entirely or not
at all; a larger file commits in several transactions, and a load interrupted between two of
them is completed by running it again: the rerun reads back what was committed and merges with
it (``MERGE`` on ids, ``SET`` of the full state). The statements of the open transaction are
kept until it commits, so that a retried transaction runs all of them again: nothing is
duplicated or lost. A relation that the merge engine read and found absent, or that the same
load deletes first, is written with ``CREATE`` rather than ``MERGE``, and so are the links to it:
merging a relationship locks both of its nodes and expands one of them, and creating instead
halves the time of these statements; when a later batch changes it again, it is merged. A
load transaction holds the database's load lock from its first read to its last commit
(:mod:`~autokg.graph.neo4j.lock`), so no other load creates that relation meanwhile: concurrent
loads wait for each other and give the result of loading their files one after the other. An
atomic transaction (``--strict``, dry runs) sends nothing before it ends, so a rejected file never
reaches the server, and keeps the whole file in memory until then. A streamed one keeps at most
about twice ``tx_rows`` rows: it then waits until the server has committed what was sent and
forgets those rows, which reads then find on the server.
"""

from autokg.graph.neo4j.connection import DEFAULT_URI
from autokg.graph.neo4j.statements import lucene_term
from autokg.graph.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore", "DEFAULT_URI", "lucene_term"]
