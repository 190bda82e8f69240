// browser: :param company => 'renault'
MATCH (c:Entity)
WHERE c.id = $company OR toLower(trim($company)) IN c.names_norm
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (p:Entity)-[r:WORKS_FOR]->(c)
RETURN p.name AS person, r.key_display AS role, r.since AS since, r.until AS until
ORDER BY since, person, role
