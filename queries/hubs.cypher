// browser: :param limit => 10
MATCH (c:Entity)-[r:PARTNERS_WITH]-(p:Entity)
WHERE coalesce(r.status, '') <> 'ended'
WITH c, count(DISTINCT p) AS partners
RETURN c.name AS company, partners
ORDER BY partners DESC, company
LIMIT coalesce($limit, 10)
