-- Telegram channel bookkeeping: every update id seen (so re-deliveries are processed once), the polling offset,
-- messages that could not be delivered yet (outbox), and the chats whose command menu is already set.
CREATE TABLE tg_update (
  update_id   INTEGER PRIMARY KEY,
  chat_key    TEXT    NOT NULL,
  payload     TEXT,
  state       TEXT    NOT NULL CHECK (state IN ('pending', 'done')),
  received_at INTEGER NOT NULL,
  done_at     INTEGER
);
CREATE INDEX tg_update_pending ON tg_update (state, update_id);

CREATE TABLE tg_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE tg_outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  chat_id      TEXT    NOT NULL,
  payload      TEXT    NOT NULL,
  state        TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'dead')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_at      INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  last_error   TEXT
);
CREATE INDEX tg_outbox_due ON tg_outbox (state, next_at);

CREATE TABLE tg_menu (
  chat_id TEXT PRIMARY KEY,
  role    TEXT NOT NULL
);
