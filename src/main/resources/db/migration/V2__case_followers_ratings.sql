-- Followers (reporters of merged duplicates and others who asked to be kept informed), satisfaction ratings,
-- indexes for the staff queues, and a database-level guarantee that history is append-only.
-- Triggers stay on one line each because Database splits statements on ";" at line end; "-- only <dialect>"
-- marks a statement for one dialect (infra/Dialect).
ALTER TABLE cases ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE cases ADD COLUMN rating_comment TEXT;
ALTER TABLE cases ADD COLUMN rated_at INTEGER;

CREATE TABLE case_followers (
  case_id TEXT NOT NULL REFERENCES cases(id),
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  chat_id TEXT,
  since   INTEGER NOT NULL,
  PRIMARY KEY (case_id, channel, user_id)
);

CREATE INDEX case_followers_user ON case_followers(channel, user_id);
CREATE INDEX cases_status_due ON cases(status, due_at);
CREATE INDEX cases_assignee ON cases(assignee, status);

-- only sqlite
CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
-- only sqlite
CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
-- only postgresql
CREATE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case history is append-only'; END $$;
-- only postgresql
CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history FOR EACH ROW EXECUTE FUNCTION case_history_append_only();
-- only postgresql
CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history FOR EACH ROW EXECUTE FUNCTION case_history_append_only();
