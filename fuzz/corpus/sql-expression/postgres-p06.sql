(EXISTS ( SELECT 1
   FROM members m
  WHERE ((m.org_id = docs.org_id) AND (m.user_id = auth.uid()) AND m.active)))