Tenant_ID = Current_Setting('app.tenant_id', TRUE)::UUID -- c
 and x = E'it\'s' and y = $$a'b$$ /* a /* b */ c */ and z in (1, 2)