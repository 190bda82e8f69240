// name: hubs
// description: Companies with the most partners (partnerships not ended).
// params: $limit (how many rows; 10)
// columns: company, partners
// order: partners descending, company
// browser: :param limit => 10
MATCH (c:Entity)-[r:PARTNERS_WITH]-(p:Entity)
WHERE coalesce(r.status, '') <> 'ended'
WITH c, count(DISTINCT p) AS partners
RETURN c.name AS company, partners
ORDER BY partners DESC, company
LIMIT coalesce($limit, 10)
