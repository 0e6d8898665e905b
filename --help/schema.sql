-- generated: 200 tables
CREATE TABLE public.tenants (
    id uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$;

CREATE ROLE app_user NOLOGIN;
CREATE ROLE app_support NOLOGIN;
CREATE ROLE app_agent NOLOGIN IN ROLE app_support, app_user;

CREATE TABLE public.t_001 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 numeric(10,2),
    attr_2 integer
);

CREATE TABLE public.t_002 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text
);

CREATE TABLE public.t_003 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 text,
    attr_2 bigint,
    attr_3 boolean,
    attr_4 numeric(10,2)
);

CREATE TABLE public.t_004 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 text,
    attr_2 timestamptz,
    attr_3 boolean,
    attr_4 integer
);

CREATE TABLE public.c_005 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_004 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 timestamptz,
    attr_2 integer
);

CREATE TABLE public.t_006 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 varchar(40),
    attr_2 varchar(40),
    attr_3 numeric(10,2)
);

CREATE TABLE public.t_007 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 boolean,
    attr_2 boolean
);

COMMENT ON TABLE public.t_007 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_008 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 timestamptz,
    attr_4 varchar(40),
    attr_5 numeric(10,2)
);

CREATE TABLE public.t_009 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 text
);

CREATE TABLE public.c_010 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_009 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 text,
    attr_2 numeric(10,2),
    attr_3 bigint
);

CREATE TABLE public.t_011 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 boolean,
    attr_2 timestamptz,
    attr_3 integer,
    attr_4 varchar(40)
);

CREATE TABLE public.t_012 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer
);

CREATE TABLE public.t_013 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 bigint,
    attr_2 numeric(10,2),
    attr_3 integer,
    attr_4 boolean,
    attr_5 timestamptz
);

CREATE TABLE public.t_014 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint
);

COMMENT ON TABLE public.t_014 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_015 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_014 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 integer,
    attr_3 timestamptz
);

CREATE TABLE public.t_016 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 timestamptz
);

CREATE TABLE public.t_017 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 numeric(10,2)
);

CREATE TABLE public.t_018 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

CREATE TABLE public.t_019 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text,
    attr_2 timestamptz,
    attr_3 varchar(40),
    attr_4 boolean,
    attr_5 timestamptz
);

CREATE TABLE public.c_020 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_019 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 numeric(10,2),
    attr_2 bigint,
    attr_3 boolean,
    attr_4 timestamptz,
    attr_5 varchar(40)
);

CREATE TABLE public.t_021 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 integer
);

COMMENT ON TABLE public.t_021 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_022 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 integer,
    attr_2 varchar(40),
    attr_3 text,
    attr_4 boolean
);

CREATE TABLE public.t_023 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 timestamptz,
    attr_2 numeric(10,2),
    attr_3 bigint,
    attr_4 integer,
    attr_5 timestamptz
);

CREATE TABLE public.t_024 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint
);

CREATE TABLE public.c_025 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_024 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint,
    attr_2 varchar(40),
    attr_3 boolean,
    attr_4 integer,
    attr_5 text
);

CREATE TABLE public.t_026 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 timestamptz
);

CREATE TABLE public.t_027 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 timestamptz,
    attr_2 integer,
    attr_3 varchar(40)
);

CREATE TABLE public.t_028 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text
);

COMMENT ON TABLE public.t_028 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_029 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.c_030 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_029 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 numeric(10,2)
);

CREATE TABLE public.t_031 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 timestamptz,
    attr_2 bigint
);

CREATE TABLE public.t_032 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 integer,
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 varchar(40),
    attr_5 integer
);

CREATE TABLE public.t_033 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 bigint
);

CREATE TABLE public.t_034 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 varchar(40),
    attr_2 timestamptz,
    attr_3 boolean,
    attr_4 timestamptz,
    attr_5 bigint
);

CREATE TABLE public.c_035 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_034 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2)
);

COMMENT ON TABLE public.c_035 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_036 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 numeric(10,2),
    attr_2 bigint,
    attr_3 text,
    attr_4 text
);

CREATE TABLE public.t_037 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2)
);

CREATE TABLE public.t_038 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 timestamptz,
    attr_2 timestamptz,
    attr_3 text
);

CREATE TABLE public.t_039 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 text,
    attr_2 bigint,
    attr_3 text,
    attr_4 text
);

CREATE TABLE public.c_040 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_039 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint
);

CREATE TABLE public.t_041 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 varchar(40)
);

CREATE TABLE public.t_042 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 varchar(40),
    attr_2 bigint,
    attr_3 integer,
    attr_4 text
);

COMMENT ON TABLE public.t_042 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_043 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 timestamptz,
    attr_2 boolean,
    attr_3 numeric(10,2)
);

CREATE TABLE public.t_044 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 boolean,
    attr_3 varchar(40),
    attr_4 timestamptz
);

CREATE TABLE public.c_045 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_044 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

CREATE TABLE public.t_046 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 bigint
);

CREATE TABLE public.t_047 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 timestamptz,
    attr_2 bigint,
    attr_3 integer,
    attr_4 bigint,
    attr_5 boolean
);

CREATE TABLE public.t_048 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 boolean,
    attr_2 bigint,
    attr_3 text,
    attr_4 bigint
);

CREATE TABLE public.t_049 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 timestamptz,
    attr_2 timestamptz
);

COMMENT ON TABLE public.t_049 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_050 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_049 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_051 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text
);

CREATE TABLE public.t_052 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 boolean
);

CREATE TABLE public.t_053 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint
);

CREATE TABLE public.t_054 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.c_055 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_054 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 timestamptz,
    attr_2 numeric(10,2),
    attr_3 timestamptz
);

CREATE TABLE public.t_056 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 varchar(40)
);

COMMENT ON TABLE public.t_056 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_057 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 bigint
);

CREATE TABLE public.t_058 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 numeric(10,2),
    attr_2 integer,
    attr_3 varchar(40),
    attr_4 varchar(40)
);

CREATE TABLE public.t_059 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 integer
);

CREATE TABLE public.c_060 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_059 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 text,
    attr_2 timestamptz,
    attr_3 bigint,
    attr_4 numeric(10,2),
    attr_5 bigint
);

CREATE TABLE public.t_061 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 integer,
    attr_2 timestamptz,
    attr_3 varchar(40)
);

CREATE TABLE public.t_062 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 boolean
);

CREATE TABLE public.t_063 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

COMMENT ON TABLE public.t_063 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_064 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 boolean,
    attr_2 varchar(40),
    attr_3 timestamptz,
    attr_4 integer,
    attr_5 bigint
);

CREATE TABLE public.c_065 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_064 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 bigint,
    attr_2 text
);

CREATE TABLE public.t_066 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint
);

CREATE TABLE public.t_067 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 timestamptz,
    attr_2 text
);

CREATE TABLE public.t_068 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 text,
    attr_2 integer,
    attr_3 boolean,
    attr_4 timestamptz,
    attr_5 boolean
);

CREATE TABLE public.t_069 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 timestamptz
);

CREATE TABLE public.c_070 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_069 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

COMMENT ON TABLE public.c_070 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_071 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 varchar(40)
);

CREATE TABLE public.t_072 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 varchar(40),
    attr_2 varchar(40),
    attr_3 boolean,
    attr_4 boolean,
    attr_5 bigint
);

CREATE TABLE public.t_073 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer,
    attr_2 boolean,
    attr_3 bigint
);

CREATE TABLE public.t_074 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 timestamptz,
    attr_2 varchar(40),
    attr_3 bigint,
    attr_4 integer
);

CREATE TABLE public.c_075 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_074 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 varchar(40),
    attr_2 timestamptz,
    attr_3 integer
);

CREATE TABLE public.t_076 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 bigint,
    attr_4 integer
);

CREATE TABLE public.t_077 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 timestamptz,
    attr_2 numeric(10,2),
    attr_3 boolean,
    attr_4 timestamptz,
    attr_5 varchar(40)
);

COMMENT ON TABLE public.t_077 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_078 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 boolean,
    attr_2 boolean
);

CREATE TABLE public.t_079 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 varchar(40)
);

CREATE TABLE public.c_080 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_079 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 text,
    attr_2 varchar(40),
    attr_3 text
);

CREATE TABLE public.t_081 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 numeric(10,2)
);

CREATE TABLE public.t_082 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 text,
    attr_2 text,
    attr_3 timestamptz
);

CREATE TABLE public.t_083 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

CREATE TABLE public.t_084 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 boolean,
    attr_2 text,
    attr_3 integer,
    attr_4 numeric(10,2)
);

COMMENT ON TABLE public.t_084 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_085 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_084 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_086 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

CREATE TABLE public.t_087 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_088 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 text,
    attr_2 integer,
    attr_3 numeric(10,2),
    attr_4 integer
);

CREATE TABLE public.t_089 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40)
);

CREATE TABLE public.c_090 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_089 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 text,
    attr_2 boolean
);

CREATE TABLE public.t_091 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 text
);

COMMENT ON TABLE public.t_091 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_092 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

CREATE TABLE public.t_093 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 integer
);

CREATE TABLE public.t_094 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 bigint
);

CREATE TABLE public.c_095 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_094 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 text,
    attr_2 timestamptz,
    attr_3 boolean
);

CREATE TABLE public.t_096 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 bigint,
    attr_3 boolean,
    attr_4 text,
    attr_5 text
);

CREATE TABLE public.t_097 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text,
    attr_2 timestamptz
);

CREATE TABLE public.t_098 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean
);

COMMENT ON TABLE public.t_098 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_099 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 text
);

CREATE TABLE public.c_100 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_099 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint,
    attr_2 integer,
    attr_3 bigint
);

CREATE TABLE public.t_101 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 boolean
);

CREATE TABLE public.t_102 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 boolean,
    attr_2 timestamptz,
    attr_3 timestamptz,
    attr_4 bigint
);

CREATE TABLE public.t_103 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 timestamptz,
    attr_2 numeric(10,2),
    attr_3 numeric(10,2),
    attr_4 varchar(40)
);

CREATE TABLE public.t_104 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 timestamptz,
    attr_2 bigint,
    attr_3 bigint
);

CREATE TABLE public.c_105 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_104 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 integer,
    attr_2 integer,
    attr_3 timestamptz
);

COMMENT ON TABLE public.c_105 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_106 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 timestamptz,
    attr_2 integer,
    attr_3 boolean,
    attr_4 boolean
);

CREATE TABLE public.t_107 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 bigint,
    attr_2 boolean
);

CREATE TABLE public.t_108 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 numeric(10,2),
    attr_2 text,
    attr_3 bigint,
    attr_4 numeric(10,2),
    attr_5 text
);

CREATE TABLE public.t_109 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer,
    attr_2 boolean,
    attr_3 varchar(40),
    attr_4 timestamptz
);

CREATE TABLE public.c_110 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_109 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 timestamptz,
    attr_2 timestamptz
);

CREATE TABLE public.t_111 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 varchar(40),
    attr_2 timestamptz,
    attr_3 numeric(10,2),
    attr_4 boolean,
    attr_5 bigint
);

CREATE TABLE public.t_112 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 numeric(10,2),
    attr_5 integer
);

COMMENT ON TABLE public.t_112 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_113 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 boolean,
    attr_2 text,
    attr_3 numeric(10,2)
);

CREATE TABLE public.t_114 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 boolean,
    attr_2 bigint
);

CREATE TABLE public.c_115 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_114 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 varchar(40),
    attr_5 varchar(40)
);

CREATE TABLE public.t_116 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 boolean
);

CREATE TABLE public.t_117 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 boolean,
    attr_2 boolean,
    attr_3 numeric(10,2),
    attr_4 numeric(10,2),
    attr_5 text
);

CREATE TABLE public.t_118 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_119 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 bigint
);

COMMENT ON TABLE public.t_119 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_120 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_119 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 bigint
);

CREATE TABLE public.t_121 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 boolean,
    attr_3 boolean
);

CREATE TABLE public.t_122 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 timestamptz,
    attr_2 text,
    attr_3 timestamptz,
    attr_4 bigint,
    attr_5 numeric(10,2)
);

CREATE TABLE public.t_123 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

CREATE TABLE public.t_124 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 numeric(10,2),
    attr_2 boolean,
    attr_3 numeric(10,2),
    attr_4 boolean
);

CREATE TABLE public.c_125 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_124 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 bigint
);

CREATE TABLE public.t_126 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40)
);

COMMENT ON TABLE public.t_126 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_127 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 varchar(40)
);

CREATE TABLE public.t_128 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 boolean,
    attr_3 numeric(10,2),
    attr_4 timestamptz
);

CREATE TABLE public.t_129 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer,
    attr_2 bigint,
    attr_3 bigint,
    attr_4 integer
);

CREATE TABLE public.c_130 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_129 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 text,
    attr_2 boolean,
    attr_3 integer,
    attr_4 timestamptz
);

CREATE TABLE public.t_131 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 numeric(10,2),
    attr_2 bigint
);

CREATE TABLE public.t_132 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 boolean
);

CREATE TABLE public.t_133 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 varchar(40),
    attr_2 numeric(10,2),
    attr_3 numeric(10,2),
    attr_4 boolean,
    attr_5 timestamptz
);

COMMENT ON TABLE public.t_133 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_134 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 timestamptz,
    attr_2 bigint
);

CREATE TABLE public.c_135 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_134 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 bigint,
    attr_2 bigint,
    attr_3 varchar(40),
    attr_4 varchar(40)
);

CREATE TABLE public.t_136 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text
);

CREATE TABLE public.t_137 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text,
    attr_2 integer,
    attr_3 timestamptz
);

CREATE TABLE public.t_138 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 bigint,
    attr_2 text,
    attr_3 timestamptz
);

CREATE TABLE public.t_139 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 text,
    attr_2 varchar(40),
    attr_3 boolean,
    attr_4 bigint
);

CREATE TABLE public.c_140 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_139 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 numeric(10,2),
    attr_2 boolean,
    attr_3 boolean,
    attr_4 timestamptz
);

COMMENT ON TABLE public.c_140 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_141 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 varchar(40),
    attr_2 timestamptz,
    attr_3 timestamptz
);

CREATE TABLE public.t_142 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 bigint,
    attr_2 text,
    attr_3 numeric(10,2)
);

CREATE TABLE public.t_143 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 varchar(40),
    attr_2 varchar(40),
    attr_3 numeric(10,2),
    attr_4 numeric(10,2),
    attr_5 boolean
);

CREATE TABLE public.t_144 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 text,
    attr_2 numeric(10,2),
    attr_3 integer,
    attr_4 bigint,
    attr_5 varchar(40)
);

CREATE TABLE public.c_145 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_144 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 bigint,
    attr_2 text,
    attr_3 boolean
);

CREATE TABLE public.t_146 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 numeric(10,2),
    attr_2 text,
    attr_3 integer,
    attr_4 timestamptz
);

CREATE TABLE public.t_147 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 varchar(40),
    attr_2 boolean
);

COMMENT ON TABLE public.t_147 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_148 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint
);

CREATE TABLE public.t_149 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 varchar(40)
);

CREATE TABLE public.c_150 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_149 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 timestamptz,
    attr_2 integer,
    attr_3 numeric(10,2),
    attr_4 bigint,
    attr_5 timestamptz
);

CREATE TABLE public.t_151 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 bigint,
    attr_2 numeric(10,2)
);

CREATE TABLE public.t_152 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 boolean,
    attr_2 integer,
    attr_3 numeric(10,2),
    attr_4 bigint,
    attr_5 varchar(40)
);

CREATE TABLE public.t_153 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 integer,
    attr_2 varchar(40)
);

CREATE TABLE public.t_154 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

COMMENT ON TABLE public.t_154 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_155 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_154 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 numeric(10,2),
    attr_2 numeric(10,2),
    attr_3 timestamptz,
    attr_4 bigint
);

CREATE TABLE public.t_156 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_157 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 varchar(40),
    attr_3 boolean,
    attr_4 varchar(40)
);

CREATE TABLE public.t_158 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 text,
    attr_3 numeric(10,2)
);

CREATE TABLE public.t_159 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 bigint,
    attr_2 integer,
    attr_3 text,
    attr_4 integer
);

CREATE TABLE public.c_160 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_159 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 boolean
);

CREATE TABLE public.t_161 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2)
);

COMMENT ON TABLE public.t_161 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_162 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 integer,
    attr_2 timestamptz,
    attr_3 text
);

CREATE TABLE public.t_163 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 integer,
    attr_2 timestamptz,
    attr_3 boolean,
    attr_4 numeric(10,2)
);

CREATE TABLE public.t_164 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 boolean,
    attr_2 numeric(10,2),
    attr_3 boolean,
    attr_4 numeric(10,2)
);

CREATE TABLE public.c_165 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_164 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint
);

CREATE TABLE public.t_166 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 integer,
    attr_2 bigint,
    attr_3 text
);

CREATE TABLE public.t_167 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint
);

CREATE TABLE public.t_168 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 timestamptz,
    attr_2 varchar(40)
);

COMMENT ON TABLE public.t_168 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_169 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 text,
    attr_3 boolean
);

CREATE TABLE public.c_170 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_169 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 integer,
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 timestamptz
);

CREATE TABLE public.t_171 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 boolean,
    attr_2 bigint,
    attr_3 bigint,
    attr_4 numeric(10,2)
);

CREATE TABLE public.t_172 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 varchar(40),
    attr_1 boolean,
    attr_2 numeric(10,2),
    attr_3 text,
    attr_4 text
);

CREATE TABLE public.t_173 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 text,
    attr_2 text,
    attr_3 text,
    attr_4 integer,
    attr_5 varchar(40)
);

CREATE TABLE public.t_174 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 text,
    attr_2 numeric(10,2)
);

CREATE TABLE public.c_175 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_174 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 boolean
);

COMMENT ON TABLE public.c_175 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_176 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 bigint,
    attr_2 numeric(10,2),
    attr_3 boolean,
    attr_4 integer
);

CREATE TABLE public.t_177 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 integer
);

CREATE TABLE public.t_178 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 boolean
);

CREATE TABLE public.t_179 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 numeric(10,2)
);

CREATE TABLE public.c_180 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_179 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 bigint,
    attr_2 text,
    attr_3 boolean,
    attr_4 timestamptz
);

CREATE TABLE public.t_181 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_182 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 varchar(40)
);

COMMENT ON TABLE public.t_182 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_183 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 varchar(40),
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 text
);

CREATE TABLE public.t_184 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

CREATE TABLE public.c_185 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_184 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 integer,
    attr_2 bigint
);

CREATE TABLE public.t_186 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 numeric(10,2),
    attr_2 integer,
    attr_3 varchar(40),
    attr_4 text,
    attr_5 timestamptz
);

CREATE TABLE public.t_187 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 integer,
    attr_2 text,
    attr_3 numeric(10,2),
    attr_4 numeric(10,2)
);

CREATE TABLE public.t_188 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 bigint,
    attr_2 varchar(40),
    attr_3 boolean
);

CREATE TABLE public.t_189 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer,
    attr_2 text,
    attr_3 varchar(40),
    attr_4 timestamptz
);

COMMENT ON TABLE public.t_189 IS 'generated @pgpe:tags pii';

CREATE TABLE public.c_190 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_189 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 bigint,
    attr_1 bigint,
    attr_2 numeric(10,2),
    attr_3 timestamptz
);

CREATE TABLE public.t_191 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 integer,
    attr_2 text,
    attr_3 integer,
    attr_4 integer
);

CREATE TABLE public.t_192 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz
);

CREATE TABLE public.t_193 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 boolean,
    attr_1 boolean,
    attr_2 text
);

CREATE TABLE public.t_194 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 text,
    attr_1 numeric(10,2),
    attr_2 varchar(40)
);

CREATE TABLE public.c_195 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_194 (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer
);

CREATE TABLE public.t_196 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 varchar(40),
    attr_2 integer
);

COMMENT ON TABLE public.t_196 IS 'generated @pgpe:tags pii';

CREATE TABLE public.t_197 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 numeric(10,2),
    attr_1 integer,
    attr_2 numeric(10,2),
    attr_3 timestamptz
);

CREATE TABLE public.t_198 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_deleted boolean NOT NULL DEFAULT false,
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 timestamptz,
    attr_1 bigint,
    attr_2 boolean
);

CREATE TABLE public.t_199 (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 integer,
    attr_2 timestamptz,
    attr_3 integer,
    attr_4 boolean
);

CREATE TABLE public.c_200 (
    id uuid PRIMARY KEY,
    parent_id uuid NOT NULL REFERENCES public.t_199 (id),
    owner_id uuid,
    status text NOT NULL DEFAULT 'open',
    level integer,
    attr_0 integer,
    attr_1 varchar(40),
    attr_2 bigint,
    attr_3 integer
);

