-- Lookups by person that scanned whole tables once the database held a country's data (bench/pages: 60,000 group
-- members, 36,000 training attendances): every Home, a participant's meetings and the calendar feed ask which groups a
-- person is in; a mentor's Home asks which trainings they attended. PostgreSQL does not index foreign keys by itself.
CREATE INDEX group_member_by_account ON group_member (account_id);
CREATE INDEX session_attendance_by_account ON session_attendance (account_id);
