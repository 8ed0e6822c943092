-- jdih-store-jdbc schema, version 2, the same SQL for every database: indexes for the case queries
-- (by status; opened in a period).
CREATE INDEX cases_status ON cases (status, case_id);
CREATE INDEX cases_opened_at ON cases (opened_at, case_id);
