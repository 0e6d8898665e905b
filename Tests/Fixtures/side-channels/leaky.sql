-- The tables the policies govern, and a way around them of each side-channel kind.
-- pgpe_side_reader is the role the application's sessions run as (a policy applies to it).
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    tenant_id text NOT NULL,
    title text NOT NULL,
    CONSTRAINT docs_title_key UNIQUE (title)
);
CREATE TABLE public.events (
    tenant_id text NOT NULL,
    id integer NOT NULL,
    body text
) PARTITION BY LIST (tenant_id);
CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
CREATE TABLE public.events_b PARTITION OF public.events FOR VALUES IN ('b');

-- A view that runs with its owner's rights.
CREATE VIEW public.doc_titles AS
    SELECT d.id, d.tenant_id, d.title FROM public.docs d;

-- A SECURITY DEFINER function PUBLIC may execute.
CREATE FUNCTION public.doc_count() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    AS $$ SELECT count(*) FROM public.docs $$;

GRANT SELECT, INSERT ON public.docs, public.events TO pgpe_side_reader;
GRANT SELECT ON public.doc_titles TO pgpe_side_reader;
-- The partitions are granted directly, and have no row-level security of their own.
GRANT SELECT ON public.events_a, public.events_b TO pgpe_side_reader;

-- Column grants (sidechannel.column-grant). pgpe_side_reporting has BYPASSRLS: the policies
-- never apply to it, so it reads the granted columns of every tenant's rows. REFERENCES on
-- docs' key lets the reader (whom the policies restrict) learn from a foreign key's check,
-- which runs without them, which ids any tenant has: it may create tables in public.
CREATE ROLE pgpe_side_reporting NOLOGIN BYPASSRLS;
GRANT SELECT (id, title) ON public.docs TO pgpe_side_reporting;
GRANT REFERENCES (id) ON public.docs TO pgpe_side_reader;
GRANT CREATE ON SCHEMA public TO pgpe_side_reader;

-- A trigger whose SECURITY DEFINER function copies a row of docs into the new comment: firing a
-- trigger needs no EXECUTE privilege, and the function reads docs with its owner's rights, so a
-- tenant commenting on another tenant's doc id reads that doc's title back from its own row.
CREATE TABLE public.comments (
    id integer PRIMARY KEY,
    tenant_id text NOT NULL,
    doc_id integer NOT NULL,
    body text
);
CREATE FUNCTION public.comment_doc_title() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$ BEGIN NEW.body := (SELECT d.title FROM public.docs d WHERE d.id = NEW.doc_id); RETURN NEW; END $$;
CREATE TRIGGER comment_doc_title BEFORE INSERT ON public.comments
    FOR EACH ROW EXECUTE FUNCTION public.comment_doc_title();
GRANT SELECT, INSERT ON public.comments TO pgpe_side_reader;
