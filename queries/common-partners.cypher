// browser: :param a => 'renault'
//          :param b => 'nissan'
//          :param as_of => null
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)-[r:PARTNERS_WITH]-(p:Entity)
WHERE p <> a AND p <> b
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH b, p, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH b, p, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL AND coalesce(r.status, '') <> 'ended'
WITH b, p, r.key_display AS d ORDER BY d
WITH b, p, collect(d) AS domains_with_a
// b's partnerships read once (not one search between b and each partner of a)
WITH b, collect({p: p, domains: domains_with_a}) AS with_a
MATCH (b)-[r:PARTNERS_WITH]-(p:Entity)
WHERE p IN [x IN with_a | x.p]
WITH p, [x IN with_a WHERE x.p = p][0].domains AS domains_with_a, r
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH p, domains_with_a, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH p, domains_with_a, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL AND coalesce(r.status, '') <> 'ended'
WITH p, domains_with_a, r.key_display AS d ORDER BY d
WITH p, domains_with_a, collect(d) AS domains_with_b
RETURN p.name AS partner, domains_with_a, domains_with_b
ORDER BY partner
