// browser: :param a => 'geely'
//          :param b => 'google'
//          :param max_hops => 4
//          :param include_ended => false
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*]-(b))
WHERE all(r IN relationships(p) WHERE coalesce($include_ended, false) OR coalesce(r.status, '') <> 'ended')
WITH p WHERE length(p) <= coalesce($max_hops, 4)
WITH p ORDER BY [n IN nodes(p) | [n.name, n.id]] LIMIT 1
RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops
