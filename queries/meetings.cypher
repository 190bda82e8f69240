// browser: :param person => null
//          :param as_of => null
OPTIONAL CALL () { MATCH (given:Entity {id: $person}) RETURN given
          UNION MATCH (n:Name {norm: toLower(trim($person))})-[:NAMES]->(given:Entity) USING INDEX SEEK n:Name(norm) RETURN given }
WITH given ORDER BY given.id = $person DESC, given:Person DESC, given.id LIMIT 1
CALL (given) {
  // Given a person: from that entity, its meetings either way (a meeting with itself once).
  WITH given WHERE coalesce($person, '') <> ''
  MATCH (given)-[r:MET_WITH]->(o:Entity)
  RETURN given AS s, o, r
UNION ALL
  WITH given WHERE coalesce($person, '') <> ''
  MATCH (s:Entity)-[r:MET_WITH]->(given)
  WHERE s <> given
  RETURN s, given AS o, r
UNION ALL
  // Without a person: every meeting.
  WITH coalesce($person, '') AS person WHERE person = ''
  MATCH (s:Entity)-[r:MET_WITH]->(o:Entity)
  RETURN s, o, r
}
WITH given, s AS x, o AS y, r
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH given, x, y, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH given, x, y, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL
WITH r, x AS s, y AS o, CASE
       WHEN coalesce($person, '') <> '' THEN given
       WHEN x:Person AND NOT y:Person THEN x
       WHEN y:Person AND NOT x:Person THEN y
       WHEN [x.name, x.id] <= [y.name, y.id] THEN x
       ELSE y END AS p
RETURN p.name AS person, CASE WHEN p = s THEN o.name ELSE s.name END AS met_with, r.date AS date,
       r.event AS event
ORDER BY date, person, met_with, event
