(EXISTS ( SELECT 1
   FROM (members m
     JOIN orgs o ON ((o.id = m.org_id)))
  WHERE ((m.user_id = auth.uid()) AND (o.id = docs.org_id))))