(org_id IN ( SELECT members.org_id
   FROM members
  WHERE ((members.user_id = auth.uid()) AND (members.role IN ( SELECT members_1.role
           FROM members members_1
          WHERE members_1.active)))))