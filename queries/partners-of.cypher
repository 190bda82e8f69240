// browser: :param company => 'gruppo renault'
//          :param status => null
CALL () { MATCH (c:Entity {id: $company}) RETURN c
          UNION MATCH (n:Name {norm: toLower(trim($company))})-[:NAMES]->(c:Entity) USING INDEX SEEK n:Name(norm) RETURN c }
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (c)-[r:PARTNERS_WITH]-(p:Entity)
WHERE coalesce($status, '') = '' OR r.status = $status
RETURN p.name AS partner, r.key_display AS domain, r.status AS status, r.since AS since, r.until AS until,
       r.sources AS sources
ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'prospective' THEN 1 WHEN 'ended' THEN 2 ELSE 3 END,
         partner, domain
