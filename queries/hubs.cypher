// browser: :param limit => 10
//          :param as_of => null
CALL () {
  // Without a date: the top of the range index on each entity's count of partners not ended
  // (Entity.partners, kept by the store), read in order.
  MATCH (c:Entity) USING INDEX SEEK c:Entity(partners) WHERE c.partners > 0 AND $as_of IS NULL
  RETURN c.name AS company, c.partners AS partners
  ORDER BY partners DESC, company
  LIMIT coalesce($limit, 10)
UNION ALL
  // As of $as_of: every partnership as the sources published by then tell it (each property
  // from the counted claim with the latest date, undated first, then the higher confidence,
  // then the later record), counted.
  WITH $as_of AS as_of WHERE as_of IS NOT NULL
  MATCH (c:Entity)-[r:PARTNERS_WITH]-(p:Entity)
  WITH c, p, r, COLLECT {
         MATCH (:Relation {id: r.id})<-[cl:SUPPORTS]-(cs:Source)
         WHERE cs.published IS NULL OR cs.published <= as_of
         WITH cl ORDER BY coalesce(cs.published, '') DESC, cl.confidence DESC, cl.seq DESC
         RETURN cl
       } AS claims
  WHERE size(claims) > 0
    AND coalesce(CASE WHEN r.status IS NOT NULL
                      THEN coalesce([k IN claims WHERE k.status IS NOT NULL][0].status, 'active') END, '') <> 'ended'
  WITH c, count(DISTINCT p) AS partners
  RETURN c.name AS company, partners
  ORDER BY partners DESC, company
  LIMIT coalesce($limit, 10)
}
RETURN company, partners
ORDER BY partners DESC, company
LIMIT coalesce($limit, 10)
