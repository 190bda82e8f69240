"""Every Cypher statement of the Neo4j store, by name: reads, writes, constraints and indexes.

Values travel only as ``$parameters``. The only text put into a statement is a label or a
relationship type, and only one of the schema vocabulary (:func:`label`, :func:`reltype`); any
other name raises :class:`~autokg.errors.StoreError`.

The statements are kept in a module rather than in ``.cypher`` files because the writes are
built per entity type and per predicate from shared ``SET`` clauses; each is still one named,
complete statement. The write statements take ``$rows`` (or ``$ids``) shaped by
:mod:`autokg.graph.neo4j.rows`.
"""

from __future__ import annotations

import re

from autokg.errors import StoreError
from autokg.graph.model import schema

__all__ = [
    "label", "reltype", "lucene_term", "schema_statements", "NAME_CONSTRAINT", "OLD_NORM_INDEX",
    "PARTNERS", "PARTNER_COUNTS_KEY", "PARTNER_KEYS_KEY", "PARTNER_COUNTRIES_KEY",
    # reads of stored rows
    "FIND_BY_NAME", "FIND_SCAN", "GET_RELATIONS", "RELATIONS_TOUCHING", "RELATIONS_CITING",
    "GET_SOURCES", "READ_SEQ", "NAME_INDEX_ONLINE", "COUNT_LOADED",
    # reads of the whole graph
    "ENTITY_ROWS", "RELATION_IDS", "RELATION_ROWS", "LINK_ROWS", "SOURCE_ROWS", "COUNT_BY_LABEL", "COUNT_ENTITIES",
    "COUNT_BY_PREDICATE", "COUNT_SOURCES", "COUNT_LINKS", "COUNT_NODES",
    # schema and maintenance
    "PING", "FILL_EMPTY_ALIASES", "UNNAMED_ENTITIES", "LINK_NAMES", "DROP_OLD_NORM_INDEX",
    "PARTNER_COUNTS_DONE", "COUNT_ALL_PARTNERS", "MARK_PARTNER_COUNTS", "PARTNER_KEYS_DONE", "LOWER_ALL_KEYS",
    "MARK_PARTNER_KEYS", "country_pair", "PARTNER_COUNTRIES_DONE", "PAIR_ALL_COUNTRIES", "MARK_PARTNER_COUNTRIES",
    "DERIVED_MARKS",
    "SHOW_CONSTRAINTS", "SHOW_INDEXES", "AWAIT_INDEXES", "DELETE_ALL",
    # writes
    "write_entities", "merge_relations", "create_relations", "WRITE_SOURCES", "WRITE_LINKS",
    "DELETE_RELATIONS", "DELETE_ENTITIES", "RECOUNT_SOURCES", "SET_SOURCE_COUNTS", "WRITE_SEQ",
    "RECOUNT_PARTNERS",
    # the entity resolution (autokg.graph.resolution): entities by id, and the kept rows
    "GET_ENTITIES", "KEPT_BY_ID", "KEPT_ALL", "KEPT_BY_KEY", "WRITE_KEPT", "DELETE_KEPT",
]

#: the unique constraint (and its index) on ``Name.norm``: the exact-name index of lookups
NAME_CONSTRAINT = "name_norm"
#: the full-text index of compared names that lookups used before ``:Name`` nodes; dropped by init
OLD_NORM_INDEX = "entity_norms"
#: the predicate whose per-entity counts ``hubs`` reads (``Entity.partners``)
PARTNERS = "PARTNERS_WITH"
#: the ``AutokgMeta`` key that says every entity's ``partners`` count has been computed
PARTNER_COUNTS_KEY = "partner-counts"
#: the ``AutokgMeta`` key that says every partnership has its lower-cased domain ``key_lower``
PARTNER_KEYS_KEY = "partner-keys"
#: the ``AutokgMeta`` key that says every partnership has the pair of its ends' countries
PARTNER_COUNTRIES_KEY = "partner-countries"
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/\s])')


def lucene_term(text: str) -> str:
    """*text* as one exact term of a Lucene query (every special character escaped)."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text)


def label(name: str) -> str:
    """An entity label for query text: only a type of the schema vocabulary."""
    if name not in schema().entity_types or not name.isidentifier():
        raise StoreError(f"not an entity type of the schema: {name!r}")
    return f"`{name}`"


def reltype(name: str) -> str:
    """A relationship type for query text: only a predicate of the schema vocabulary."""
    if name not in schema().predicates or not name.isidentifier():
        raise StoreError(f"not a predicate of the schema: {name!r}")
    return f"`{name}`"


# ---- reads of stored rows, under a load's own writes ---------------------------------------

# Entities by compared name: one seek of the unique index on Name.norm per name, then its links.
FIND_BY_NAME = """
UNWIND $norms AS norm
MATCH (:Name {norm: norm})-[:NAMES]->(node:Entity)
RETURN norm, node
"""
# The same on a database not migrated yet (no :Name nodes, or their index not online): a scan.
FIND_SCAN = """
MATCH (node:Entity) WHERE any(n IN node.names_norm WHERE n IN $norms)
UNWIND [n IN node.names_norm WHERE n IN $norms] AS norm
RETURN norm, node
"""
NAME_INDEX_ONLINE = (f"SHOW INDEXES YIELD name, state, owningConstraint "
                     f"WHERE owningConstraint = '{NAME_CONSTRAINT}' AND state = 'ONLINE' RETURN name")
GET_RELATIONS = """
MATCH (r:Relation) WHERE r.id IN $ids
OPTIONAL MATCH (s:Source)-[l:SUPPORTS]->(r)
RETURN r.id AS id, r.predicate AS predicate, r.subject_id AS subject_id, r.object_id AS object_id,
       r.key AS key, r.key_display AS key_display, properties(r) AS props,
       collect(CASE WHEN s IS NULL THEN null ELSE
               {source_id: s.id, quote: l.quote, confidence: l.confidence, seq: l.seq, claims: properties(l)}
               END) AS links
"""
RELATIONS_TOUCHING = "MATCH (:Entity {id: $id})<-[:SUBJECT|OBJECT]-(r:Relation) RETURN DISTINCT r.id AS id"
RELATIONS_CITING = "MATCH (:Source {id: $id})-[:SUPPORTS]->(r:Relation) RETURN r.id AS id"
GET_SOURCES = "MATCH (s:Source) WHERE s.id IN $ids RETURN s"
READ_SEQ = "OPTIONAL MATCH (m:AutokgMeta {key: 'seq'}) RETURN m.value AS value"
# The nodes of every kind a load reads back (each count from the count store, no scan): none in
# an empty database, where a load answers its reads from its own writes (see WriteBuffer).
COUNT_LOADED = " UNION ALL ".join(f"MATCH (n:{kind}) RETURN count(n) AS n"
                                  for kind in ("Entity", "Relation", "Source", "Name", "Resolution"))

# ---- reads of the whole graph (exports, stats, parity) --------------------------------------

ENTITY_ROWS = "MATCH (e:Entity) RETURN e ORDER BY e.id"
RELATION_IDS = "MATCH (r:Relation) RETURN r.id AS id ORDER BY id"
RELATION_ROWS = (
    "MATCH (r:Relation) WHERE $p IS NULL OR r.predicate = $p "
    "RETURN r.id AS id, r.predicate AS predicate, r.subject_id AS subject_id, r.object_id AS object_id, "
    "r.key_display AS key_display, properties(r) AS props, "
    "COUNT { (:Source)-[:SUPPORTS]->(r) } AS sources ORDER BY r.id")
LINK_ROWS = (
    "MATCH (s:Source)-[l:SUPPORTS]->(r:Relation) WHERE $ids IS NULL OR r.id IN $ids "
    "RETURN r.id AS relation_id, l.quote AS quote, l.confidence AS confidence, l.seq AS seq, "
    "properties(l) AS claims, r.predicate AS predicate, s AS source ORDER BY r.id, s.id")
SOURCE_ROWS = "MATCH (s:Source) RETURN s ORDER BY s.id"
COUNT_BY_LABEL = "MATCH (e:Entity) UNWIND labels(e) AS label RETURN label, count(*) AS n"
COUNT_ENTITIES = "MATCH (e:Entity) RETURN count(e) AS n"
COUNT_BY_PREDICATE = "MATCH (r:Relation) RETURN r.predicate AS p, count(*) AS n"
COUNT_SOURCES = "MATCH (s:Source) RETURN count(s) AS n"
COUNT_LINKS = "MATCH (:Source)-[l:SUPPORTS]->(:Relation) RETURN count(l) AS n"
COUNT_NODES = "MATCH (n) RETURN count(n) AS n"

# ---- schema and maintenance -----------------------------------------------------------------

PING = "RETURN 1"
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN name"
SHOW_INDEXES = "SHOW INDEXES YIELD name, state RETURN name, state"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"
# After a bulk import (which cannot write an empty array): the empty list the writes store.
FILL_EMPTY_ALIASES = ("MATCH (e:Entity) WHERE e.aliases IS NULL "
                      "CALL (e) { SET e.aliases = [] } IN TRANSACTIONS OF 10000 ROWS")
# Migration of a database written before :Name nodes (and the completion of an interrupted one):
# every entity without a NAMES link gets one from the Name of each of its compared names.
UNNAMED_ENTITIES = "MATCH (e:Entity) WHERE NOT EXISTS { (e)<-[:NAMES]-(:Name) } RETURN count(e) AS n"
LINK_NAMES = """
MATCH (e:Entity) WHERE NOT EXISTS { (e)<-[:NAMES]-(:Name) }
CALL (e) {
  UNWIND e.names_norm AS norm
  MERGE (n:Name {norm: norm})
  MERGE (n)-[:NAMES]->(e)
} IN TRANSACTIONS OF 5000 ROWS
"""
DROP_OLD_NORM_INDEX = f"DROP INDEX {OLD_NORM_INDEX} IF EXISTS"
# Each entity's number of partners not ended (PARTNERS_WITH either way, each partner once) is
# its ``partners`` property, absent when none, so that hubs reads the top of the range index
# ``entity_partners`` instead of counting every partnership. The loads keep it (RECOUNT_PARTNERS,
# once per transaction for the entities they touched); a bulk import writes it; init computes it
# for a database written before it, then marks it done.
_COUNT_PARTNERS = f"""
CALL (c) {{
  OPTIONAL MATCH (c)-[r:{PARTNERS}]-(p:Entity) WHERE r.status IS NULL OR r.status <> 'ended'
  RETURN count(DISTINCT p) AS n
}}
SET c.partners = CASE WHEN n > 0 THEN n END
"""
RECOUNT_PARTNERS = "UNWIND $ids AS id MATCH (c:Entity {id: id})" + _COUNT_PARTNERS
PARTNER_COUNTS_DONE = f"MATCH (m:AutokgMeta {{key: '{PARTNER_COUNTS_KEY}'}}) RETURN count(m) AS n"
COUNT_ALL_PARTNERS = ("MATCH (c:Entity) CALL (c) {" + _COUNT_PARTNERS + "} IN TRANSACTIONS OF 5000 ROWS")
MARK_PARTNER_COUNTS = f"MERGE (m:AutokgMeta {{key: '{PARTNER_COUNTS_KEY}'}}) SET m.value = 1"
# Each partnership's domain in lower case (Cypher's toLower, the one the presets compare with) is
# its ``key_lower`` property, for the text index ``partners_with_key_lower`` that serves the
# case-insensitive substring search of by-domain and partners. The writes set it; init sets it on
# a database written before it, or bulk imported, then marks it done.
_SET_KEY_LOWER = "SET t.key_lower = toLower(t.key_display)\n"
PARTNER_KEYS_DONE = f"MATCH (m:AutokgMeta {{key: '{PARTNER_KEYS_KEY}'}}) RETURN count(m) AS n"
LOWER_ALL_KEYS = (f"MATCH ()-[t:{PARTNERS}]->() WHERE t.key_display IS NOT NULL "
                  "CALL (t) { " + _SET_KEY_LOWER + "} IN TRANSACTIONS OF 10000 ROWS")
MARK_PARTNER_KEYS = f"MERGE (m:AutokgMeta {{key: '{PARTNER_KEYS_KEY}'}}) SET m.value = 1"


def country_pair(a: str, b: str) -> str:
    """The Cypher expression of the pair of countries of the entities *a* and *b* (variables):
    the two ISO codes in order, joined by ``-`` (``CN-FR``), or null when either has none or
    both have the same."""
    return (f"CASE WHEN {a}.country < {b}.country THEN {a}.country + '-' + {b}.country "
            f"WHEN {b}.country < {a}.country THEN {b}.country + '-' + {a}.country END")


# Each partnership between two countries has the pair of its ends' countries as its
# ``country_pair`` property, for the index ``partners_with_country_pair`` from which cross-border
# with two countries starts (instead of every partnership of one country's entities). The
# relation writes set it, an entity write whose country changes sets it on the entity's
# partnerships; init sets it on a database written before it, or bulk imported, then marks it.
_SET_COUNTRY_PAIR = f"SET t.country_pair = {country_pair('s', 'o')}\n"
PARTNER_COUNTRIES_DONE = f"MATCH (m:AutokgMeta {{key: '{PARTNER_COUNTRIES_KEY}'}}) RETURN count(m) AS n"
PAIR_ALL_COUNTRIES = (f"MATCH (s:Entity)-[t:{PARTNERS}]->(o:Entity) "
                      "WHERE s.country IS NOT NULL AND o.country IS NOT NULL "
                      "CALL (s, t, o) { " + _SET_COUNTRY_PAIR + "} IN TRANSACTIONS OF 10000 ROWS")
MARK_PARTNER_COUNTRIES = f"MERGE (m:AutokgMeta {{key: '{PARTNER_COUNTRIES_KEY}'}}) SET m.value = 1"
# the marks of every value derived by the store: init writes them once it computed them, and a
# load into an empty database with its first commit (its writes keep them from the start)
DERIVED_MARKS = (MARK_PARTNER_COUNTS, MARK_PARTNER_KEYS, MARK_PARTNER_COUNTRIES)
DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS"


def schema_statements() -> list[tuple[str, str, str]]:
    """``(kind, name, statement)`` for every constraint and index the store relies on."""
    s = schema()
    out = [("constraint", "entity_id", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE")]
    for t in s.entity_types:
        name = f"{t.lower()}_id"
        out.append(("constraint", name,
                    f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label(t)}) REQUIRE n.id IS UNIQUE"))
    out += [
        ("constraint", "relation_id", "CREATE CONSTRAINT relation_id IF NOT EXISTS FOR (n:Relation) REQUIRE n.id IS UNIQUE"),
        ("constraint", "source_id", "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE"),
        ("constraint", NAME_CONSTRAINT, f"CREATE CONSTRAINT {NAME_CONSTRAINT} IF NOT EXISTS FOR (n:Name) REQUIRE n.norm IS UNIQUE"),
        ("constraint", "autokg_meta_key",
         "CREATE CONSTRAINT autokg_meta_key IF NOT EXISTS FOR (n:AutokgMeta) REQUIRE n.key IS UNIQUE"),
        ("index", "entity_name", "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)"),
        ("index", "relation_predicate", "CREATE INDEX relation_predicate IF NOT EXISTS FOR (n:Relation) ON (n.predicate)"),
        ("index", "relation_status", "CREATE INDEX relation_status IF NOT EXISTS FOR (n:Relation) ON (n.status)"),
        ("index", "source_published", "CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published)"),
        # the aggregates: hubs reads the top of entity_partners, cross-border starts from the
        # entities of a country, the partnerships by status from a relationship index
        ("index", "entity_partners", "CREATE INDEX entity_partners IF NOT EXISTS FOR (n:Entity) ON (n.partners)"),
        ("index", "entity_country", "CREATE INDEX entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)"),
        ("index", "partners_with_country_pair",
         f"CREATE INDEX partners_with_country_pair IF NOT EXISTS FOR ()-[r:{PARTNERS}]-() ON (r.country_pair)"),
        # cross-border with two countries and a status seeks only the rows it answers
        ("index", "partners_with_country_pair_status",
         f"CREATE INDEX partners_with_country_pair_status IF NOT EXISTS "
         f"FOR ()-[r:{PARTNERS}]-() ON (r.country_pair, r.status)"),
        ("text index", "partners_with_key_lower",
         f"CREATE TEXT INDEX partners_with_key_lower IF NOT EXISTS FOR ()-[r:{PARTNERS}]-() ON (r.key_lower)"),
        ("fulltext index", "entity_names",
         "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]"),
    ]
    for p in s.predicates:
        name = f"{p.lower()}_id"
        out.append(("index", name, f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{reltype(p)}]-() ON (r.id)"))
        if "status" in s.predicates[p].properties:
            name = f"{p.lower()}_status"
            out.append(("index", name,
                        f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{reltype(p)}]-() ON (r.status)"))
    return out


# ---- writes ---------------------------------------------------------------------------------

WRITE_SOURCES = "UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row"
DELETE_RELATIONS = """
UNWIND $ids AS id
MATCH (r:Relation {id: id})
OPTIONAL MATCH (r)-[:SUBJECT]->(:Entity)-[t]->(:Entity)<-[:OBJECT]-(r) WHERE t.id = id
WITH r, collect(t) AS typed
FOREACH (t IN typed | DELETE t)
DETACH DELETE r
"""
# The full state of a relation, its typed relationship and a link: the map first (which removes
# every other property), then the store's own keys (absent when null, as in a map). The claimed
# and resolved properties are read back by their names in the vocabulary (see ``rows.only``).
_SET_RELATION = """
SET r = row.props, t = row.props
SET r.id = row.id, r.predicate = row.predicate, r.subject_id = row.subject_id, r.object_id = row.object_id,
    r.key = row.key, r.key_display = row.key_display, r.sources = row.sources,
    t.id = row.id, t.key_display = row.key_display, t.sources = row.sources
"""
_SET_LINK = """
SET l = link.claims
SET l.quote = link.quote, l.confidence = link.confidence, l.seq = link.seq
"""
WRITE_LINKS = """
UNWIND $rows AS link
MATCH (s:Source {id: link.source_id}), (r:Relation {id: link.relation_id})
MERGE (s)-[l:SUPPORTS]->(r)
""" + _SET_LINK
# Source counts of relations whose stored links this load never read: counted by the server.
RECOUNT_SOURCES = """
UNWIND $ids AS id
MATCH (r:Relation {id: id})
WITH r, COUNT { (:Source)-[:SUPPORTS]->(r) } AS n
SET r.sources = n
WITH r, n
MATCH (r)-[:SUBJECT]->(s:Entity), (r)-[:OBJECT]->(o:Entity)
MATCH (s)-[t]->(o) WHERE t.id = r.id
SET t.sources = n
"""
# Source counts known to the load (it read the relation's stored links).
SET_SOURCE_COUNTS = """
UNWIND $rows AS row
MATCH (r:Relation {id: row.id})-[:SUBJECT]->(s:Entity)
MATCH (r)-[:OBJECT]->(o:Entity)
SET r.sources = row.n
WITH r, s, o, row
MATCH (s)-[t]->(o) WHERE t.id = r.id
SET t.sources = row.n
"""
# An entity goes with its NAMES links, and a Name goes with its last link.
DELETE_ENTITIES = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (n:Name)-[:NAMES]->(e)
WITH e, collect(n) AS names
DETACH DELETE e
WITH names UNWIND names AS n
WITH DISTINCT n WHERE NOT EXISTS { (n)-[:NAMES]->() }
DELETE n
"""
WRITE_SEQ = """
MERGE (m:AutokgMeta {key: 'seq'})
SET m.value = CASE WHEN coalesce(m.value, 0) > $value THEN m.value ELSE $value END
"""


def write_entities(entity_type: str) -> str:
    """Entities of one type, merged on their id, every property replaced (but the count of
    partners, which the store keeps: see ``RECOUNT_PARTNERS``); each compared name is
    a ``:Name`` node linked to the entity (``NAMES``), links to names it no longer has removed,
    and a Name left without links deleted."""
    return f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: row.id}})
WITH e, row, e.partners AS partners, e.country AS country
SET e = row, e.partners = partners, e:{label(entity_type)}
WITH e, row, country
CALL (e, country) {{
  WITH e, country WHERE e.country IS NULL <> country IS NULL OR e.country <> country
  MATCH (e)-[t:{PARTNERS}]-(o:Entity)
  SET t.country_pair = {country_pair('e', 'o')}
}}
CALL (e, row) {{
  MATCH (old:Name)-[l:NAMES]->(e) WHERE NOT old.norm IN row.names_norm
  DELETE l
  WITH DISTINCT old WHERE NOT EXISTS {{ (old)-[:NAMES]->() }}
  DELETE old
}}
CALL (e, row) {{
  UNWIND row.names_norm AS norm
  MERGE (n:Name {{norm: norm}})
  MERGE (n)-[:NAMES]->(e)
}}
"""


def merge_relations(predicate: str) -> str:
    """Relations of one predicate that may exist on the server: node, its two links to the
    entities and the typed relationship merged, their properties replaced."""
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.subject_id}}), (o:Entity {{id: row.object_id}})
MERGE (r:Relation {{id: row.id}})
MERGE (r)-[:SUBJECT]->(s)
MERGE (r)-[:OBJECT]->(o)
MERGE (s)-[t:{reltype(predicate)} {{id: row.id}}]->(o)
""" + _SET_RELATION + (_SET_KEY_LOWER + _SET_COUNTRY_PAIR if predicate == PARTNERS else "")


def create_relations(predicate: str) -> str:
    """Relations of one predicate known to be absent from the server, with their links: created,
    not merged (no expand-and-lock on both nodes, which a MERGE of a relationship does). The
    unique constraint on ``Relation.id`` still refuses a duplicate."""
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.subject_id}}), (o:Entity {{id: row.object_id}})
CREATE (r:Relation)-[:SUBJECT]->(s), (r)-[:OBJECT]->(o), (s)-[t:{reltype(predicate)}]->(o)
""" + _SET_RELATION + (_SET_KEY_LOWER + _SET_COUNTRY_PAIR if predicate == PARTNERS else "") + """
WITH r, row
UNWIND row.links AS link
MATCH (s:Source {id: link.source_id})
CREATE (s)-[l:SUPPORTS]->(r)
""" + _SET_LINK


# ---- the entity resolution ---------------------------------------------------------------------
# Rows kept by kind and id as JSON text on :Resolution nodes, with their lookup keys (see
# autokg.graph.resolution): the judgements, and the original rows of what a judgement merged.

GET_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e"
KEPT_BY_ID = "UNWIND $ids AS id MATCH (k:Resolution {kind: $kind, id: id}) RETURN k.id AS id, k.data AS data"
KEPT_ALL = "MATCH (k:Resolution {kind: $kind}) RETURN k.id AS id, k.data AS data ORDER BY id"
KEPT_BY_KEY = ("MATCH (k:Resolution {kind: $kind}) WHERE any(x IN k.keys WHERE x IN $keys) "
               "RETURN k.id AS id ORDER BY id")
WRITE_KEPT = ("UNWIND $rows AS row MERGE (k:Resolution {kind: row.kind, id: row.id}) "
              "SET k.data = row.data, k.keys = row.keys")
DELETE_KEPT = "UNWIND $rows AS row MATCH (k:Resolution {kind: row.kind, id: row.id}) DELETE k"
