// browser: :param since => null
//          :param as_of => null
CALL () {
  // Without a date, given $since: from the sources published since then (index
  // source_published), the prospective partnerships they support.
  WITH $since AS since WHERE $as_of IS NULL AND coalesce(since, '') <> ''
  MATCH (s:Source) USING INDEX SEEK s:Source(published) WHERE s.published >= since
  MATCH (s)-[:SUPPORTS]->(rel:Relation)
  WHERE rel.status = 'prospective' AND rel.predicate = 'PARTNERS_WITH'
  // The latest of all its sources is the latest of these, which are all after the others.
  WITH rel, max(s.published) AS latest
  RETURN rel, rel.key_display AS domain, latest
UNION ALL
  // Without a date or $since: every prospective partnership (index relation_status).
  WITH $since AS since WHERE $as_of IS NULL AND coalesce(since, '') = ''
  MATCH (rel:Relation) USING INDEX SEEK rel:Relation(status)
  WHERE rel.status = 'prospective' AND rel.predicate = 'PARTNERS_WITH'
  CALL (rel) {
    OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(rel)
    RETURN max(s.published) AS latest
  }
  RETURN rel, rel.key_display AS domain, latest
UNION ALL
  // As of $as_of: every partnership as the sources published by then tell it (each property
  // from the counted claim with the latest date, undated first, then the higher confidence,
  // then the later record), when that makes it prospective.
  WITH $as_of AS as_of WHERE as_of IS NOT NULL
  MATCH (rel:Relation) WHERE rel.predicate = 'PARTNERS_WITH'
  WITH rel, as_of, COLLECT {
         MATCH (rel)<-[cl:SUPPORTS]-(cs:Source)
         WHERE cs.published IS NULL OR cs.published <= as_of
         WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
         RETURN cl
       } AS claims
  WHERE size(claims) > 0 AND rel.status IS NOT NULL
    AND coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') = 'prospective'
  WITH rel, [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0] AS domain, as_of
  CALL (rel, as_of) {
    OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(rel)
    WHERE s.published IS NULL OR s.published <= as_of
    RETURN max(s.published) AS latest
  }
  RETURN rel, domain, latest
}
WITH rel, domain, latest
WHERE coalesce($since, '') = '' OR latest >= $since
MATCH (x:Entity {id: rel.subject_id}), (y:Entity {id: rel.object_id})
WITH domain, latest, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair
RETURN pair[0].name AS company, pair[1].name AS partner, domain, latest AS latest_source_date
ORDER BY latest_source_date IS NULL, latest_source_date DESC, company, partner, domain
