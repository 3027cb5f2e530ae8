-- Every knowledge answer shown in chat, so residents' 有用/没用 votes are kept with what they judged.
CREATE TABLE answer_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            INTEGER NOT NULL,              -- epoch millis
  channel       TEXT    NOT NULL,
  user_id       TEXT    NOT NULL,
  question      TEXT    NOT NULL,
  answer        TEXT    NOT NULL,
  citations     TEXT    NOT NULL,              -- JSON array of {source, title}
  index_version TEXT    NOT NULL,
  tentative     INTEGER NOT NULL DEFAULT 0,
  vote          TEXT    CHECK (vote IN ('up', 'down')),
  voted_at      INTEGER,
  reason        TEXT
);
CREATE INDEX answer_log_voted ON answer_log (voted_at);
