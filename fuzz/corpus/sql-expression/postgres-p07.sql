
CASE
    WHEN (status = 'published'::status) THEN true
    WHEN (owner = CURRENT_USER) THEN true
    ELSE false
END