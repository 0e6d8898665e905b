-- leaky.sql with every side channel closed.
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    tenant_id text NOT NULL,
    title text NOT NULL,
    CONSTRAINT docs_tenant_id_title_key UNIQUE (tenant_id, title)
);
CREATE TABLE public.events (
    tenant_id text NOT NULL,
    id integer NOT NULL,
    body text
) PARTITION BY LIST (tenant_id);
CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
CREATE TABLE public.events_b PARTITION OF public.events FOR VALUES IN ('b');

-- The view runs with the caller's rights: the policies on docs apply to the caller.
CREATE VIEW public.doc_titles WITH (security_invoker = true) AS
    SELECT d.id, d.tenant_id, d.title FROM public.docs d;

-- The definer function is for the service role only.
CREATE FUNCTION public.doc_count() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    AS $$ SELECT count(*) FROM public.docs $$;
REVOKE EXECUTE ON FUNCTION public.doc_count() FROM PUBLIC;

GRANT SELECT, INSERT ON public.docs, public.events TO pgpe_side_reader;
GRANT SELECT ON public.doc_titles TO pgpe_side_reader;
-- The partitions keep their grants but deny by default: row-level security is on.
GRANT SELECT ON public.events_a, public.events_b TO pgpe_side_reader;
ALTER TABLE public.events_a ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.events_b ENABLE ROW LEVEL SECURITY;

-- Column grants: revoked from the role that bypasses row-level security, and REFERENCES with
-- the table's privilege (which revokes it on every column too).
CREATE ROLE pgpe_side_reporting NOLOGIN BYPASSRLS;
GRANT SELECT (id, title) ON public.docs TO pgpe_side_reporting;
REVOKE SELECT (id, title) ON public.docs FROM pgpe_side_reporting;
GRANT REFERENCES (id) ON public.docs TO pgpe_side_reader;
REVOKE REFERENCES ON public.docs FROM pgpe_side_reader;
GRANT CREATE ON SCHEMA public TO pgpe_side_reader;

-- The trigger's function runs with the caller's rights: its sub-select sees only the caller's docs.
CREATE TABLE public.comments (
    id integer PRIMARY KEY,
    tenant_id text NOT NULL,
    doc_id integer NOT NULL,
    body text
);
CREATE FUNCTION public.comment_doc_title() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$ BEGIN NEW.body := (SELECT d.title FROM public.docs d WHERE d.id = NEW.doc_id); RETURN NEW; END $$;
ALTER FUNCTION public.comment_doc_title() SECURITY INVOKER;
CREATE TRIGGER comment_doc_title BEFORE INSERT ON public.comments
    FOR EACH ROW EXECUTE FUNCTION public.comment_doc_title();
GRANT SELECT, INSERT ON public.comments TO pgpe_side_reader;
