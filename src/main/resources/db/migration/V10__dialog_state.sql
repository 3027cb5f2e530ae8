-- Per-chat dialog state (a small JSON document) so an intake survives a restart.
CREATE TABLE dialog_state (
  channel    TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  state      TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (channel, chat_id, user_id)
);

-- Messages for chats the current process cannot reach (another console user, Telegram while `serve` is down):
-- the channel that owns the chat delivers them later and deletes them.
CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  channel    TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_chat ON outbox (channel, chat_id, id);
