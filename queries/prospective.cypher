// browser: :param since => null
MATCH (x:Entity)-[r:PARTNERS_WITH]->(y:Entity)
WHERE r.status = 'prospective'
MATCH (rel:Relation {id: r.id})
OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(rel)
WITH x, y, r, max(s.published) AS latest
WHERE coalesce($since, '') = '' OR latest >= $since
WITH r, latest, CASE WHEN [x.name, x.id] <= [y.name, y.id] THEN [x, y] ELSE [y, x] END AS pair
RETURN pair[0].name AS company, pair[1].name AS partner, r.key_display AS domain, latest AS latest_source_date
ORDER BY latest_source_date IS NULL, latest_source_date DESC, company, partner, domain
