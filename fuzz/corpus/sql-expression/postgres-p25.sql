(EXISTS ( SELECT 1
   FROM members m,
    orgs o
  WHERE ((o.id = m.org_id) AND (m.user_id = auth.uid()))
  GROUP BY m.role
 HAVING (count(*) > 0)
 LIMIT 1))