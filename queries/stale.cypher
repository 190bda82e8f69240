// browser: :param older_than => 24
//          :param as_of => '2026-11-01'
MATCH (r:Relation)
WHERE coalesce(r.status, '') <> 'ended' AND (r.until IS NULL OR r.until > $as_of)
OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(r)
WITH r, count(s) AS sources, max(s.published) AS latest
WITH r, sources, latest,
     CASE size(latest) WHEN 4 THEN latest + '-01-01' WHEN 7 THEN latest + '-01' ELSE latest END AS newest
WHERE latest IS NULL OR date(newest) < date($as_of) - duration({months: $older_than})
MATCH (a:Entity {id: r.subject_id}), (b:Entity {id: r.object_id})
RETURN r.predicate AS predicate, a.name AS subject, b.name AS object, r.key_display AS domain,
       r.status AS status, latest AS latest_source_date, sources
ORDER BY latest_source_date IS NULL, latest_source_date, subject, object, predicate, domain
