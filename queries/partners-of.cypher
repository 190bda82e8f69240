// browser: :param company => 'gruppo renault'
//          :param status => null
MATCH (c:Entity)
WHERE c.id = $company OR toLower(trim($company)) IN c.names_norm
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (c)-[r:PARTNERS_WITH]-(p:Entity)
WHERE coalesce($status, '') = '' OR r.status = $status
RETURN p.name AS partner, r.key_display AS domain, r.status AS status, r.since AS since, r.until AS until,
       r.sources AS sources
ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'prospective' THEN 1 WHEN 'ended' THEN 2 ELSE 3 END,
         partner, domain
