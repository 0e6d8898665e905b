INSERT INTO clinic.staff VALUES (1, 'Dr. Grey', 'psychiatry'), (2, 'Nurse Bell', 'general'), (3, 'Clerk Park', 'front desk');
INSERT INTO clinic.staff_permissions VALUES
    (1, 'read_chart'), (1, 'write_chart'),
    (2, 'read_chart'), (2, 'schedule'),
    (3, 'schedule'), (3, 'billing');
INSERT INTO clinic.patients VALUES (501, 'Pat One', 1, 'psychiatry'), (502, 'Pat Two', 2, 'general');
INSERT INTO clinic.appointments VALUES
    (1, 501, 1, '2024-03-01 09:00+00', 'booked'),
    (2, 502, 2, '2024-03-01 10:00+00', 'done'),
    (3, 502, 2, '2024-03-02 10:00+00', 'cancelled');
INSERT INTO clinic.notes VALUES
    (1, 501, 1, 'psychotherapy', 'session one'),
    (2, 501, 1, 'progress', 'stable'),
    (3, 502, 2, 'progress', 'recovering');
INSERT INTO clinic.access_log (staff_id, patient_id) VALUES (1, 501);
