// name: partners
// description: Who partners with whom: one row per partnership (a pair with two domains has two rows).
// params: $status (active, prospective, ended; null for all), $domain (case-insensitive substring of the domain; null for all)
// columns: company, partner, domain, status, sources
// order: company, partner, domain (no domain last); company is the smaller name of the pair
// browser: :param status => null
//          :param domain => null
MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
WHERE (coalesce($status, '') = '' OR r.status = $status)
  AND (coalesce($domain, '') = '' OR toLower(r.key_display) CONTAINS toLower($domain))
WITH r, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair
RETURN pair[0].name AS company, pair[1].name AS partner, r.key_display AS domain, r.status AS status,
       r.sources AS sources
ORDER BY company, partner, domain
