(level =
CASE
    WHEN ((auth.jwt() ->> 'role'::text) = 'admin'::text) THEN 1
    WHEN ( SELECT true) THEN
    CASE
        WHEN (owner IS NULL) THEN 2
        ELSE 3
    END
    ELSE NULL::integer
END)