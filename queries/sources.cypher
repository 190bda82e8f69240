// browser: :param a => 'renault'
//          :param b => 'geely'
//          :param as_of => null
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
MATCH (a)<-[:SUBJECT|OBJECT]-(rel:Relation)-[:SUBJECT|OBJECT]->(b)
WITH DISTINCT rel
// As of $as_of (null: every source), the sources published by then and the undated ones; the
// domain is the one the latest of them claims (undated first, then confidence, then the later record).
WITH rel, CASE WHEN $as_of IS NULL THEN rel.domain ELSE head(COLLECT {
       MATCH (rel)<-[c:SUPPORTS]-(t:Source)
       WHERE c.domain IS NOT NULL AND (t.published IS NULL OR t.published <= $as_of)
       WITH c ORDER BY coalesce(t.published, '') DESC, c.confidence DESC, c.seq DESC
       RETURN c.domain
     }) END AS domain
MATCH (s:Source)-[l:SUPPORTS]->(rel)
WHERE $as_of IS NULL OR s.published IS NULL OR s.published <= $as_of
RETURN rel.predicate AS predicate, domain, s.url AS url, s.title AS title,
       s.publisher AS publisher, s.published AS published, l.quote AS quote
ORDER BY published, url, predicate, domain, title, quote, publisher
