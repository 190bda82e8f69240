// browser: :param a => 'renault'
//          :param b => 'nissan'
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)-[ra:PARTNERS_WITH]-(p:Entity)
WHERE coalesce(ra.status, '') <> 'ended' AND p <> a AND p <> b
WITH b, p, ra.key_display AS d ORDER BY d
WITH b, p, collect(d) AS domains_with_a
MATCH (b)-[rb:PARTNERS_WITH]-(p)
WHERE coalesce(rb.status, '') <> 'ended'
WITH p, domains_with_a, rb.key_display AS d ORDER BY d
WITH p, domains_with_a, collect(d) AS domains_with_b
RETURN p.name AS partner, domains_with_a, domains_with_b
ORDER BY partner
