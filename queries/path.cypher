// browser: :param a => 'geely'
//          :param b => 'google'
//          :param max_hops => 4
//          :param include_ended => false
//          :param as_of => null
CALL () { MATCH (a:Entity {id: $a}) RETURN a
          UNION MATCH (n:Name {norm: toLower(trim($a))})-[:NAMES]->(a:Entity) USING INDEX SEEK n:Name(norm) RETURN a }
WITH a ORDER BY a.id = $a DESC, a:Company DESC, a.id LIMIT 1
CALL () { MATCH (b:Entity {id: $b}) RETURN b
          UNION MATCH (n:Name {norm: toLower(trim($b))})-[:NAMES]->(b:Entity) USING INDEX SEEK n:Name(norm) RETURN b }
WITH a, b ORDER BY b.id = $b DESC, b:Company DESC, b.id LIMIT 1
WITH a, b WHERE a <> b
// As of $as_of, the partnerships that may be walked: those a source published by then supports,
// not ended by then (the latest counted status claim, undated first, then confidence, then the
// later record) unless $include_ended.
WITH a, b, CASE WHEN $as_of IS NULL THEN null ELSE COLLECT {
       MATCH (rel:Relation {predicate: 'PARTNERS_WITH'})
       WHERE EXISTS { (rel)<-[:SUPPORTS]-(cs:Source) WHERE cs.published IS NULL OR cs.published <= $as_of }
         AND (coalesce($include_ended, false) OR coalesce(head(COLLECT {
               MATCH (rel)<-[cl:SUPPORTS]-(cs:Source)
               WHERE cl.status IS NOT NULL AND (cs.published IS NULL OR cs.published <= $as_of)
               WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
               RETURN cl.status
             }), 'active') <> 'ended')
       RETURN rel.id
     } END AS walkable
// The search goes no deeper than it may: Cypher takes no parameter as the bound of a
// variable-length pattern, so each common bound has a branch of its own (the others search up
// to the next bound, the filter below keeping what is short enough).
WITH a, b, walkable, coalesce($max_hops, 4) AS hops, coalesce($include_ended, false) AS any_status
CALL (a, b, walkable, any_status, hops) {
  WITH a, b, walkable, any_status, hops WHERE hops = 1
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..1]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
UNION ALL
  WITH a, b, walkable, any_status, hops WHERE hops = 2
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..2]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
UNION ALL
  WITH a, b, walkable, any_status, hops WHERE hops = 3
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..3]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
UNION ALL
  WITH a, b, walkable, any_status, hops WHERE hops = 4
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..4]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
UNION ALL
  WITH a, b, walkable, any_status, hops WHERE hops > 4 AND hops <= 8
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..8]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
UNION ALL
  WITH a, b, walkable, any_status, hops WHERE hops > 8
  MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*]-(b))
  WHERE all(r IN relationships(p) WHERE CASE WHEN walkable IS NULL THEN any_status OR coalesce(r.status, '') <> 'ended' ELSE r.id IN walkable END)
  RETURN p
}
WITH p WHERE length(p) <= coalesce($max_hops, 4)
WITH p ORDER BY [n IN nodes(p) | [n.name, n.id]] LIMIT 1
RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops
