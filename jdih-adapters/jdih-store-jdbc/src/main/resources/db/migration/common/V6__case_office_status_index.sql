-- jdih-store-jdbc schema, version 6, the same SQL for every database: an index for the open cases of one office
-- on a server of many offices (JdbcCaseStore.overdue(office, ...), and cases(CaseQuery) with office and status:
-- the task list and the board), newest first. Without it the office's whole history of cases is read to find the
-- few that are open.
CREATE INDEX cases_office_status ON cases (sop_office, status, opened_at, case_id);
