// browser: :param country_a => 'FR'
//          :param country_b => 'CN'
//          :param status => null
//          :param as_of => null
MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
// As of $as_of (null: every source), the relation as the sources published by then tell it
// (each property from the counted claim with the latest date, undated first, then the higher
// confidence, then the later record), or null when no counted source supports it yet.
WITH x, y, r, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
       WHERE cs.published IS NULL OR cs.published <= $as_of
       WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
       RETURN cl
     } END AS claims
WITH x, y, CASE WHEN claims IS NULL THEN r WHEN size(claims) = 0 THEN null ELSE {id: r.id,
       key_display: [k IN claims WHERE coalesce(k.domain, k.role) IS NOT NULL | coalesce(k.domain, k.role)][0],
       status: CASE WHEN r.status IS NOT NULL
                    THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END,
       since: [k IN claims WHERE k.since IS NOT NULL][0].since, until: [k IN claims WHERE k.until IS NOT NULL][0].until,
       date: [k IN claims WHERE k.date IS NOT NULL][0].date, event: [k IN claims WHERE k.event IS NOT NULL][0].event,
       stake_pct: [k IN claims WHERE k.stake_pct IS NOT NULL][0].stake_pct, sources: size(claims)} END AS r
WHERE r IS NOT NULL
  AND (coalesce($status, '') = '' OR r.status = $status)
WITH r, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair,
     [c IN [$country_a, $country_b] WHERE coalesce(c, '') <> ''] AS wanted
WITH r, pair[0] AS a, pair[1] AS b, pair[0].country AS ca, pair[1].country AS cb, wanted
WHERE ca IS NOT NULL AND cb IS NOT NULL AND ca <> cb
  AND (size(wanted) = 0
       OR (size(wanted) = 1 AND wanted[0] IN [ca, cb])
       OR (size(wanted) = 2 AND ((ca = wanted[0] AND cb = wanted[1]) OR (ca = wanted[1] AND cb = wanted[0]))))
RETURN a.name AS company, ca AS company_country, b.name AS partner, cb AS partner_country,
       r.key_display AS domain, r.status AS status
ORDER BY company, partner, domain
