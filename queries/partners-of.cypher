// browser: :param company => 'gruppo renault'
//          :param status => null
//          :param as_of => null
CALL () { MATCH (c:Entity {id: $company}) RETURN c
          UNION MATCH (n:Name {norm: toLower(trim($company))})-[:NAMES]->(c:Entity) USING INDEX SEEK n:Name(norm) RETURN c }
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (c)-[r:PARTNERS_WITH]-(p:Entity)
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH p, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH p, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL
  AND (coalesce($status, '') = '' OR r.status = $status)
RETURN p.name AS partner, r.key_display AS domain, r.status AS status, r.since AS since, r.until AS until,
       r.sources AS sources
ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'prospective' THEN 1 WHEN 'ended' THEN 2 ELSE 3 END,
         partner, domain
