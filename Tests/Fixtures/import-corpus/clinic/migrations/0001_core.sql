-- A clinic: staff with permissions (an enum), patients who read their own records through a
-- portal, appointments, clinical notes, and an access log that only the database writes.
-- The application sets clinic.staff_id or clinic.patient_id; both roles are the platform's.
CREATE SCHEMA clinic;
GRANT USAGE ON SCHEMA clinic TO corpus_clinic_staff, corpus_clinic_portal;

CREATE TYPE clinic.permission AS ENUM ('read_chart', 'write_chart', 'schedule', 'billing');
CREATE TYPE clinic.note_kind AS ENUM ('progress', 'psychotherapy', 'admin');

CREATE TABLE clinic.staff (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    department  text NOT NULL
);

CREATE TABLE clinic.staff_permissions (
    staff_id    integer NOT NULL REFERENCES clinic.staff,
    permission  clinic.permission NOT NULL,
    PRIMARY KEY (staff_id, permission)
);

CREATE TABLE clinic.patients (
    id              integer PRIMARY KEY,
    full_name       text NOT NULL,
    primary_staff   integer REFERENCES clinic.staff,
    department      text NOT NULL
);

CREATE TABLE clinic.appointments (
    id          integer PRIMARY KEY,
    patient_id  integer NOT NULL REFERENCES clinic.patients,
    staff_id    integer NOT NULL REFERENCES clinic.staff,
    starts_at   timestamptz NOT NULL,
    status      text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'done'))
);

CREATE TABLE clinic.notes (
    id          integer PRIMARY KEY,
    patient_id  integer NOT NULL REFERENCES clinic.patients,
    author_id   integer NOT NULL REFERENCES clinic.staff,
    kind        clinic.note_kind NOT NULL,
    body        text NOT NULL
);

CREATE TABLE clinic.access_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id    integer,
    patient_id  integer,
    at          timestamptz NOT NULL DEFAULT now()
);
