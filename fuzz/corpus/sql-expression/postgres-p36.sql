(EXISTS ( SELECT 1
   FROM members m
  WHERE ((m.org_id = docs.org_id) AND
        CASE
            WHEN (m.role = 'admin'::text) THEN true
            ELSE m.active
        END)))