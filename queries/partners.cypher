// browser: :param status => null
//          :param domain => null
//          :param as_of => null
CALL () {
  // Without a date, given a domain: the partnerships whose domain contains it, from the text
  // index on their lower-cased domain (PARTNERS_WITH.key_lower, kept by the store).
  WITH toLower($domain) AS part WHERE $as_of IS NULL AND coalesce($domain, '') <> ''
  MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity) USING TEXT INDEX r:PARTNERS_WITH(key_lower)
  WHERE r.key_lower CONTAINS part
    AND (coalesce($status, '') = '' OR r.status = $status)
  RETURN x, y, r
UNION ALL
  // Without a date or a domain, given a status: from the index on the status.
  WITH $status AS status WHERE $as_of IS NULL AND coalesce($domain, '') = '' AND coalesce(status, '') <> ''
  MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity) USING INDEX SEEK r:PARTNERS_WITH(status) WHERE r.status = status
  RETURN x, y, r
UNION ALL
  WITH $status AS status WHERE $as_of IS NULL AND coalesce($domain, '') = '' AND coalesce(status, '') = ''
  MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
  RETURN x, y, r
UNION ALL
  // As of $as_of: every partnership as the sources published by then tell it (each property
  // from the counted claim with the latest date, undated first, then the higher confidence,
  // then the later record), or none when no counted source supports it yet.
  WITH $as_of AS as_of WHERE as_of IS NOT NULL
  MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
  WITH x, y, r, COLLECT {
         MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
         WHERE cs.published IS NULL OR cs.published <= as_of
         WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
         RETURN cl
       } AS claims
  WHERE size(claims) > 0
  WITH x, y, {key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
              status: CASE WHEN r.status IS NOT NULL
                           THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
              sources: size(claims)} AS r
  WHERE (coalesce($status, '') = '' OR r.status = $status)
    AND (coalesce($domain, '') = '' OR toLower(r.key_display) CONTAINS toLower($domain))
  RETURN x, y, r
}
WITH r, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair
RETURN pair[0].name AS company, pair[1].name AS partner, r.key_display AS domain, r.status AS status,
       r.sources AS sources
ORDER BY company, partner, domain
