-- In the style of PostgreSQL's own rowsecurity regression test: users with a security level,
-- documents with a level and an author (a role name), categories, a partitioned copy of the
-- documents with its policies on the parent, and current_user everywhere.
CREATE TABLE uaccount (
    pguser      name PRIMARY KEY,
    seclv       int
);
GRANT SELECT ON uaccount TO public;

CREATE TABLE category (
    cid         int PRIMARY KEY,
    cname       text
);
GRANT ALL ON category TO public;

CREATE TABLE document (
    did         int PRIMARY KEY,
    cid         int REFERENCES category(cid),
    dlevel      int NOT NULL,
    dauthor     name,
    dtitle      text
);
GRANT ALL ON document TO public;

CREATE TABLE part_document (
    did         int,
    cid         int,
    dlevel      int NOT NULL,
    dauthor     name,
    dtitle      text
) PARTITION BY RANGE (cid);
GRANT ALL ON part_document TO public;

CREATE TABLE part_document_fiction PARTITION OF part_document FOR VALUES FROM (11) TO (12);
CREATE TABLE part_document_satire PARTITION OF part_document FOR VALUES FROM (55) TO (56);
CREATE TABLE part_document_nonfiction PARTITION OF part_document FOR VALUES FROM (99) TO (100);
GRANT ALL ON part_document_fiction, part_document_satire, part_document_nonfiction TO public;

-- Secrets: RLS on and no policy at all, so every ordinary role sees nothing.
CREATE TABLE secrets (
    id          int PRIMARY KEY,
    payload     text
);
GRANT SELECT ON secrets TO public;
ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;
