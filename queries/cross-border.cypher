// browser: :param country_a => 'FR'
//          :param country_b => 'CN'
//          :param status => null
MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
WHERE coalesce($status, '') = '' OR r.status = $status
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
