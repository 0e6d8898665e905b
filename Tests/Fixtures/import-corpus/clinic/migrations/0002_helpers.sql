-- Whether the current staff member holds a permission; SECURITY DEFINER so that policies can
-- call it without the caller reading staff_permissions.
CREATE FUNCTION clinic.has_permission(wanted clinic.permission) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = clinic, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM clinic.staff_permissions
        WHERE staff_id = nullif(current_setting('clinic.staff_id', true), '')::integer
          AND permission = wanted)
$$;

-- Whether a staff member may see a patient's notes of a kind: psychotherapy notes only by
-- their author's department.
CREATE FUNCTION clinic.may_read_note(patient integer, kind clinic.note_kind) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = clinic, pg_temp
AS $$
    SELECT kind <> 'psychotherapy' OR EXISTS (
        SELECT 1 FROM clinic.patients p JOIN clinic.staff s ON s.department = p.department
        WHERE p.id = patient AND s.id = nullif(current_setting('clinic.staff_id', true), '')::integer)
$$;

REVOKE ALL ON FUNCTION clinic.has_permission(clinic.permission) FROM public;
REVOKE ALL ON FUNCTION clinic.may_read_note(integer, clinic.note_kind) FROM public;
GRANT EXECUTE ON FUNCTION clinic.has_permission(clinic.permission) TO corpus_clinic_staff;
GRANT EXECUTE ON FUNCTION clinic.may_read_note(integer, clinic.note_kind) TO corpus_clinic_staff;
