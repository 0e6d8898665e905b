ALTER TABLE clinic.patients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic.notes FORCE ROW LEVEL SECURITY;
-- Written by triggers and read by auditors with BYPASSRLS only: RLS on, no policy.
ALTER TABLE clinic.access_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY staff_read_patients ON clinic.patients FOR SELECT TO corpus_clinic_staff
    USING (clinic.has_permission('read_chart'));

CREATE POLICY portal_own_record ON clinic.patients FOR SELECT TO corpus_clinic_portal
    USING (id = NULLIF(current_setting('clinic.patient_id', true), '')::integer);

CREATE POLICY staff_schedule ON clinic.appointments TO corpus_clinic_staff
    USING (clinic.has_permission('schedule'::clinic.permission))
    WITH CHECK (clinic.has_permission('schedule'::clinic.permission) AND status IN ('booked', 'cancelled'));

CREATE POLICY staff_own_appointments ON clinic.appointments FOR SELECT TO corpus_clinic_staff
    USING (staff_id = (SELECT NULLIF(current_setting('clinic.staff_id', true), '')::integer));

CREATE POLICY portal_own_appointments ON clinic.appointments FOR SELECT TO corpus_clinic_portal
    USING (patient_id = NULLIF(current_setting('clinic.patient_id', true), '')::integer AND status <> 'cancelled');

CREATE POLICY portal_cancel ON clinic.appointments FOR UPDATE TO corpus_clinic_portal
    USING (patient_id = NULLIF(current_setting('clinic.patient_id', true), '')::integer)
    WITH CHECK (status = 'cancelled');

CREATE POLICY notes_read ON clinic.notes FOR SELECT TO corpus_clinic_staff
    USING (clinic.has_permission('read_chart') AND clinic.may_read_note(patient_id, kind));

CREATE POLICY notes_write ON clinic.notes FOR INSERT TO corpus_clinic_staff
    WITH CHECK (clinic.has_permission('write_chart')
                AND author_id = NULLIF(current_setting('clinic.staff_id', true), '')::integer);

GRANT SELECT ON clinic.patients TO corpus_clinic_staff, corpus_clinic_portal;
GRANT SELECT, INSERT, UPDATE ON clinic.appointments TO corpus_clinic_staff, corpus_clinic_portal;
GRANT SELECT, INSERT ON clinic.notes TO corpus_clinic_staff;
GRANT SELECT ON clinic.access_log TO corpus_clinic_staff;
