// browser: :param domain => 'cockpit'
MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
WHERE coalesce($domain, '') = '' OR toLower(r.key_display) CONTAINS toLower($domain)
WITH r, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair
RETURN pair[0].name AS company, pair[1].name AS partner, r.key_display AS domain, r.status AS status
ORDER BY company, partner, domain
