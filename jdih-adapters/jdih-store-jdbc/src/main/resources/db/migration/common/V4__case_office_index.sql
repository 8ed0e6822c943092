-- jdih-store-jdbc schema, version 4, the same SQL for every database: an index for the cases of one office
-- (JdbcCaseStore.cases(CaseQuery) on a server of several offices), newest first.
CREATE INDEX cases_office ON cases (sop_office, opened_at, case_id);
