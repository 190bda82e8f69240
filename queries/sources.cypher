// browser: :param a => 'renault'
//          :param b => 'geely'
MATCH (a:Entity)
WHERE a.id = $a OR toLower(trim($a)) IN a.names_norm
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
MATCH (b:Entity)
WHERE b.id = $b OR toLower(trim($b)) IN b.names_norm
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)<-[:SUBJECT|OBJECT]-(rel:Relation)-[:SUBJECT|OBJECT]->(b)
WITH DISTINCT rel
MATCH (s:Source)-[l:SUPPORTS]->(rel)
RETURN rel.predicate AS predicate, rel.domain AS domain, s.url AS url, s.title AS title,
       s.publisher AS publisher, s.published AS published, l.quote AS quote
ORDER BY published, url, predicate, domain, title, quote, publisher
