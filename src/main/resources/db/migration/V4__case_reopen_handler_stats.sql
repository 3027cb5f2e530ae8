-- Issue 16: figures by handler and 重办 (reopen) counts.
-- cases_stats (V3) gains the handler after status, so the figures by category, star and handler still come from
-- one scan of this index in GROUP BY order, never the table and without a sort.
DROP INDEX IF EXISTS cases_stats;
CREATE INDEX cases_stats ON cases(category, star, status, assignee, created_at, first_response_at, respond_by, due_at, closed_at, rating);
-- Reopen counts read only the history's 'reopened' rows (a handful among many), never the whole history.
CREATE INDEX IF NOT EXISTS case_history_reopened ON case_history(case_id) WHERE action = 'reopened';
