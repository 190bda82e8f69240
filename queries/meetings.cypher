// browser: :param person => null
OPTIONAL CALL () { MATCH (given:Entity {id: $person}) RETURN given
          UNION MATCH (n:Name {norm: toLower(trim($person))})-[:NAMES]->(given:Entity) USING INDEX SEEK n:Name(norm) RETURN given }
WITH given ORDER BY given.id = $person DESC, given:Person DESC, given.id LIMIT 1
MATCH (s:Entity)-[r:MET_WITH]->(o:Entity)
WHERE coalesce($person, '') = '' OR given IN [s, o]
WITH r, s, o, CASE
       WHEN coalesce($person, '') <> '' THEN given
       WHEN s:Person AND NOT o:Person THEN s
       WHEN o:Person AND NOT s:Person THEN o
       WHEN [s.name, s.id] <= [o.name, o.id] THEN s
       ELSE o END AS p
RETURN p.name AS person, CASE WHEN p = s THEN o.name ELSE s.name END AS met_with, r.date AS date,
       r.event AS event
ORDER BY date, person, met_with, event
