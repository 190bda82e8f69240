// browser: :param a => 'geely'
//          :param b => 'google'
//          :param max_hops => 4
//          :param include_ended => false
MATCH (a:Entity)
WHERE a.id = $a OR toLower(trim($a)) IN a.names_norm
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
MATCH (b:Entity)
WHERE b.id = $b OR toLower(trim($b)) IN b.names_norm
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*]-(b))
WHERE all(r IN relationships(p) WHERE coalesce($include_ended, false) OR coalesce(r.status, '') <> 'ended')
WITH p WHERE length(p) <= coalesce($max_hops, 4)
WITH p ORDER BY [n IN nodes(p) | [n.name, n.id]] LIMIT 1
RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops
