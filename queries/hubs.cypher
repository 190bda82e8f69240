// browser: :param limit => 10
//          :param as_of => null
MATCH (c:Entity)-[r:PARTNERS_WITH]-(p:Entity)
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH c, p, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH c, p, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL AND coalesce(r.status, '') <> 'ended'
WITH c, count(DISTINCT p) AS partners
RETURN c.name AS company, partners
ORDER BY partners DESC, company
LIMIT coalesce($limit, 10)
