// name: prospective
// description: Partnerships under discussion, newest report first.
// params: $since (a date YYYY, YYYY-MM or YYYY-MM-DD: only those whose latest source is on or after it; null for all)
// columns: company, partner, domain, latest_source_date
// order: latest_source_date descending (undated last), company, partner, domain
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
