// browser: :param company => 'xiaomi'
//          :param as_of => null
CALL () { MATCH (c:Entity {id: $company}) RETURN c
          UNION MATCH (n:Name {norm: toLower(trim($company))})-[:NAMES]->(c:Entity) USING INDEX SEEK n:Name(norm) RETURN c }
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (c)<-[:SUBJECT|OBJECT]-(rel:Relation)
WITH DISTINCT c, rel
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH c, rel, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (rel)<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH c, rel, CASE WHEN claims IS NULL THEN rel WHEN size(claims) = 0 THEN null ELSE {id: rel.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN rel.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL
MATCH (rel)-[:SUBJECT]->(x:Entity), (rel)-[:OBJECT]->(y:Entity)
OPTIONAL MATCH (src:Source)-[:SUPPORTS]->(rel)
WHERE $as_of IS NULL OR src.published IS NULL OR src.published <= $as_of
WITH c, rel, r, x, y, min(src.published) AS earliest
WITH rel, r, CASE WHEN x = c THEN y ELSE x END AS other, coalesce(r.since, r.date, earliest) AS date,
     r.stake_pct AS v, toString(r.stake_pct) AS text
// The stake is written as Python writes numbers (12.5, 30, 0.0005, 5e-05), not as Java does (5.0E-4).
WITH rel, r, other, date, CASE
       WHEN v IS NULL THEN null
       WHEN v = toInteger(v) THEN toString(toInteger(v))
       WHEN NOT text CONTAINS 'E' THEN text
       ELSE CASE
         WHEN toInteger(split(text, 'E')[1]) = -4
           THEN '0.000' + replace(CASE WHEN split(text, 'E')[0] ENDS WITH '.0'
                                       THEN left(split(text, 'E')[0], size(split(text, 'E')[0]) - 2)
                                       ELSE split(text, 'E')[0] END, '.', '')
         ELSE CASE WHEN split(text, 'E')[0] ENDS WITH '.0'
                   THEN left(split(text, 'E')[0], size(split(text, 'E')[0]) - 2)
                   ELSE split(text, 'E')[0] END
              + 'e-' + CASE WHEN -toInteger(split(text, 'E')[1]) < 10 THEN '0' ELSE '' END
              + toString(-toInteger(split(text, 'E')[1]))
         END
       END + '% stake' AS stake
WITH rel, other, date, [x IN [r.key_display, stake, r.status] WHERE x IS NOT NULL] AS parts
RETURN date, rel.predicate AS predicate, other.name AS other,
       reduce(d = head(parts), x IN tail(parts) | d + '; ' + x) AS detail
ORDER BY date, predicate, other, detail
