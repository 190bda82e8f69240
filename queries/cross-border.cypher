// browser: :param country_a => 'FR'
//          :param country_b => 'CN'
//          :param status => null
//          :param as_of => null
CALL () {
  // Without a date, given one country: from the entities of that country (index
  // entity_country), their partnerships either way to an entity of another country.
  WITH [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
  WHERE $as_of IS NULL AND size(wanted) = 1
  MATCH (x:Entity) USING INDEX SEEK x:Entity(country) WHERE x.country = wanted[0]
  MATCH (x)-[r:PARTNERS_WITH]-(y:Entity)
  WHERE y.country IS NOT NULL AND y.country <> x.country
    AND (coalesce($status, '') = '' OR r.status = $status)
  RETURN x, y, r
UNION ALL
  // Without a date, given two countries and no status: the partnerships between them, from the
  // pair of countries the store keeps on each (index partners_with_country_pair; none for the
  // same country twice). Only entities have partnerships: no label to check.
  WITH [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
  WHERE $as_of IS NULL AND size(wanted) = 2 AND coalesce($status, '') = ''
  WITH CASE WHEN wanted[0] < wanted[1] THEN wanted[0] + '-' + wanted[1] ELSE wanted[1] + '-' + wanted[0] END AS pair
  MATCH (x)-[r:PARTNERS_WITH]->(y) USING INDEX SEEK r:PARTNERS_WITH(country_pair)
  WHERE r.country_pair = pair
  RETURN x, y, r
UNION ALL
  // The same with a status: only the partnerships of that status, from the index on the pair
  // and the status (partners_with_country_pair_status).
  WITH [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
  WHERE $as_of IS NULL AND size(wanted) = 2 AND coalesce($status, '') <> ''
  WITH CASE WHEN wanted[0] < wanted[1] THEN wanted[0] + '-' + wanted[1] ELSE wanted[1] + '-' + wanted[0] END AS pair
  MATCH (x)-[r:PARTNERS_WITH]->(y) USING INDEX SEEK r:PARTNERS_WITH(country_pair, status)
  WHERE r.country_pair = pair AND r.status = $status
  RETURN x, y, r
UNION ALL
  // Without a date or a country: every partnership between two countries.
  WITH [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
  WHERE $as_of IS NULL AND size(wanted) = 0
  MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
  WHERE x.country IS NOT NULL AND y.country IS NOT NULL AND x.country <> y.country
    AND (coalesce($status, '') = '' OR r.status = $status)
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
  WITH x, y, {id: r.id,
         key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
         status: CASE WHEN r.status IS NOT NULL
                      THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END} AS r
  WHERE coalesce($status, '') = '' OR r.status = $status
  RETURN x, y, r
}
// Each end's name and country read once; the smaller [name, id] first.
WITH r, x, y, x.name AS xn, y.name AS yn, x.country AS xc, y.country AS yc
WITH r, CASE WHEN xn < yn OR (xn = yn AND x.id <= y.id) THEN [xn, xc, yn, yc] ELSE [yn, yc, xn, xc] END AS pair,
     [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
WITH r, pair[0] AS company, pair[1] AS ca, pair[2] AS partner, pair[3] AS cb, wanted
WHERE ca IS NOT NULL AND cb IS NOT NULL AND ca <> cb
  AND (size(wanted) = 0
       OR (size(wanted) = 1 AND wanted[0] IN [ca, cb])
       OR (size(wanted) = 2 AND ((ca = wanted[0] AND cb = wanted[1]) OR (ca = wanted[1] AND cb = wanted[0]))))
RETURN company, ca AS company_country, partner, cb AS partner_country,
       r.key_display AS domain, r.status AS status
ORDER BY company, partner, domain
