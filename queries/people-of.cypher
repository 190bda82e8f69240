// browser: :param company => 'renault'
CALL () { MATCH (c:Entity {id: $company}) RETURN c
          UNION MATCH (n:Name {norm: toLower(trim($company))})-[:NAMES]->(c:Entity) USING INDEX SEEK n:Name(norm) RETURN c }
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (p:Entity)-[r:WORKS_FOR]->(c)
RETURN p.name AS person, r.key_display AS role, r.since AS since, r.until AS until
ORDER BY since, person, role
