-- Case store, first version: cases, their append-only history, replies/notes and the per-day tracking-number
-- sequence. Times are epoch milliseconds (UTC); days in tracking numbers are local (Asia/Shanghai) dates.
-- Note: Database splits this file on ";" at line end, so keep every statement's inner ";" off line ends.
CREATE TABLE cases (
  id                TEXT PRIMARY KEY,          -- tracking number yyyyMMdd-NNNN, never reused
  status            TEXT NOT NULL,             -- received|assigned|in_progress|answered|closed|merged|returned
  kind              TEXT NOT NULL,             -- consultation|help|suggestion|complaint|report
  channel           TEXT NOT NULL,             -- telegram, console, phone...
  user_id           TEXT NOT NULL,
  chat_id           TEXT,                      -- where to notify the reporter; null for phone calls
  display_name      TEXT,
  phone             TEXT,
  text              TEXT NOT NULL,
  location          TEXT,
  category          TEXT NOT NULL,
  star              TEXT,                      -- the star the category affects; null for 其他
  village           INTEGER NOT NULL DEFAULT 0,
  photo_ids         TEXT NOT NULL DEFAULT '',  -- newline-separated channel file ids
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  due_at            INTEGER NOT NULL,          -- last instant of the last working day allowed for the kind
  respond_by        INTEGER NOT NULL,          -- last instant of the first working day after intake
  first_response_at INTEGER,                   -- first move out of received
  closed_at         INTEGER,
  assignee          TEXT,
  merged_into       TEXT REFERENCES cases(id)
);

CREATE TABLE case_history (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT
);

CREATE TABLE case_messages (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    TEXT NOT NULL REFERENCES cases(id),
  at         INTEGER NOT NULL,
  author     TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('reply', 'note')),  -- reply: resident-visible
  body       TEXT NOT NULL
);

CREATE TABLE case_day_seq (
  day  TEXT PRIMARY KEY,                       -- yyyyMMdd
  last INTEGER NOT NULL
);

CREATE INDEX cases_created ON cases(created_at);
CREATE INDEX cases_reporter ON cases(channel, user_id);
CREATE INDEX case_history_case ON case_history(case_id, seq);
CREATE INDEX case_messages_case ON case_messages(case_id, seq);
