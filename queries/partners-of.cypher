// name: partners-of
// description: The partners of one company.
// params: $company (required: a name or alias in any case, or an entity id), $status (active, prospective, ended; null for all)
// columns: partner, domain, status, since, until, sources
// order: status (active, prospective, ended), partner, domain (missing values last)
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
