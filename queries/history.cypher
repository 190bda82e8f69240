// browser: :param a => 'nissan'
//          :param b => 'honda'
MATCH (a:Entity)
WHERE a.id = $a OR toLower(trim($a)) IN a.names_norm
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
MATCH (b:Entity)
WHERE b.id = $b OR toLower(trim($b)) IN b.names_norm
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)<-[:SUBJECT|OBJECT]-(rel:Relation)-[:SUBJECT|OBJECT]->(b)
WITH DISTINCT rel
MATCH (s:Source)-[l:SUPPORTS]->(rel)
WHERE l.status IS NOT NULL
RETURN rel.predicate AS predicate, rel.domain AS domain, s.published AS published, l.status AS status,
       s.url AS url
ORDER BY published, url, predicate, domain, s.title, s.publisher, status
