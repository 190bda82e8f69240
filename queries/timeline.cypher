// browser: :param company => 'xiaomi'
CALL () { MATCH (c:Entity {id: $company}) RETURN c
          UNION MATCH (n:Name {norm: toLower(trim($company))})-[:NAMES]->(c:Entity) USING INDEX SEEK n:Name(norm) RETURN c }
WITH c ORDER BY c.id = $company DESC, c:Company DESC, c.id LIMIT 1
MATCH (c)<-[:SUBJECT|OBJECT]-(rel:Relation)
WITH DISTINCT c, rel
MATCH (rel)-[:SUBJECT]->(s:Entity), (rel)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (src:Source)-[:SUPPORTS]->(rel)
WITH c, rel, s, o, min(src.published) AS earliest
WITH rel, CASE WHEN s = c THEN o ELSE s END AS other, coalesce(rel.since, rel.date, earliest) AS date,
     rel.stake_pct AS v, toString(rel.stake_pct) AS text
// The stake is written as Python writes numbers (12.5, 30, 0.0005, 5e-05), not as Java does (5.0E-4).
WITH rel, other, date, CASE
       WHEN v IS NULL THEN null
       WHEN v = toInteger(v) THEN toString(toInteger(v))
       WHEN NOT text CONTAINS 'E' THEN text
       ELSE CASE
         WHEN toInteger(split(text, 'E')[1]) = -4
           THEN '0.000' + replace(CASE WHEN split(text, 'E')[0] ENDS WITH '.0'
                                       THEN left(split(text, 'E')[0], size(split(text, 'E')[0]) - 2)
                                       ELSE split(text, 'E')[0] END, '.', '')
         ELSE CASE WHEN split(text, 'E')[0] ENDS WITH '.0'
                   THEN left(split(text, 'E')[0], size(split(text, 'E')[0]) - 2)
                   ELSE split(text, 'E')[0] END
              + 'e-' + CASE WHEN -toInteger(split(text, 'E')[1]) < 10 THEN '0' ELSE '' END
              + toString(-toInteger(split(text, 'E')[1]))
         END
       END + '% stake' AS stake
WITH rel, other, date, [x IN [rel.key_display, stake, rel.status] WHERE x IS NOT NULL] AS parts
RETURN date, rel.predicate AS predicate, other.name AS other,
       reduce(d = head(parts), x IN tail(parts) | d + '; ' + x) AS detail
ORDER BY date, predicate, other, detail
