// browser: :param a => 'renault'
//          :param b => 'geely'
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)<-[:SUBJECT|OBJECT]-(rel:Relation)-[:SUBJECT|OBJECT]->(b)
WITH DISTINCT rel
MATCH (s:Source)-[l:SUPPORTS]->(rel)
RETURN rel.predicate AS predicate, rel.domain AS domain, s.url AS url, s.title AS title,
       s.publisher AS publisher, s.published AS published, l.quote AS quote
ORDER BY published, url, predicate, domain, title, quote, publisher
