INSERT INTO uaccount VALUES
    ('corpus_rls_alice', 99),
    ('corpus_rls_bob', 1),
    ('corpus_rls_carol', 2),
    ('corpus_rls_dave', 3);
INSERT INTO category VALUES
    (11, 'novel'), (22, 'science fiction'), (33, 'technology'), (44, 'manga'), (55, 'satire'), (99, 'nonfiction');
INSERT INTO document VALUES
    ( 1, 11, 1, 'corpus_rls_bob', 'my first novel'),
    ( 2, 11, 2, 'corpus_rls_bob', 'my second novel'),
    ( 3, 22, 2, 'corpus_rls_bob', 'my science fiction'),
    ( 4, 44, 1, 'corpus_rls_bob', 'my first manga'),
    ( 5, 44, 2, 'corpus_rls_bob', 'my second manga'),
    ( 6, 22, 1, 'corpus_rls_carol', 'great science fiction'),
    ( 7, 33, 2, 'corpus_rls_carol', 'great technology book'),
    ( 8, 44, 1, 'corpus_rls_carol', 'great manga'),
    ( 9, 22, 1, 'corpus_rls_dave', 'awesome science fiction'),
    (10, 33, 2, 'corpus_rls_dave', 'awesome technology book'),
    (11, 55, 5, 'corpus_rls_alice', 'secret satire');
INSERT INTO part_document VALUES
    ( 1, 11, 1, 'corpus_rls_bob', 'my first novel'),
    ( 2, 11, 2, 'corpus_rls_bob', 'my second novel'),
    ( 3, 99, 2, 'corpus_rls_bob', 'my science textbook'),
    ( 4, 55, 1, 'corpus_rls_bob', 'my first satire'),
    ( 5, 99, 2, 'corpus_rls_bob', 'my history book'),
    ( 6, 11, 1, 'corpus_rls_carol', 'great science fiction'),
    ( 7, 99, 2, 'corpus_rls_carol', 'great technology book'),
    ( 8, 55, 2, 'corpus_rls_carol', 'great satire'),
    ( 9, 11, 1, 'corpus_rls_dave', 'awesome science fiction'),
    (10, 99, 2, 'corpus_rls_dave', 'awesome technology book');
INSERT INTO secrets VALUES (1, 'hidden');
