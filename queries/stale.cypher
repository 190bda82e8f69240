// browser: :param older_than => 24
//          :param as_of => null
MATCH (rel:Relation)
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH rel, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (rel)<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH rel, CASE WHEN claims IS NULL THEN rel WHEN size(claims) = 0 THEN null ELSE {id: rel.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN rel.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL
WITH rel, r, coalesce($as_of, toString(date())) AS day
WHERE coalesce(r.status, '') <> 'ended' AND (r.until IS NULL OR r.until > day)
OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(rel)
WHERE $as_of IS NULL OR s.published IS NULL OR s.published <= $as_of
WITH rel, r, day, count(s) AS sources, max(s.published) AS latest
WITH rel, r, day, sources, latest,
     CASE size(latest) WHEN 4 THEN latest + '-01-01' WHEN 7 THEN latest + '-01' ELSE latest END AS newest
WHERE latest IS NULL OR date(newest) < date(day) - duration({months: $older_than})
MATCH (a:Entity {id: rel.subject_id}), (b:Entity {id: rel.object_id})
RETURN rel.predicate AS predicate, a.name AS subject, b.name AS object, r.key_display AS domain,
       r.status AS status, latest AS latest_source_date, sources
ORDER BY latest_source_date IS NULL, latest_source_date, subject, object, predicate, domain
