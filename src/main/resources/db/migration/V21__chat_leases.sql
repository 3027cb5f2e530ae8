-- Several bot replicas on one PostgreSQL store: a replica handles a chat's updates only while it holds the chat's
-- lease (holder = the replica's id, expires_at in epoch milliseconds; an expired lease may be taken over), and
-- pending updates are read per chat in update_id order. Rows of the retry queue are claimed by one replica at a
-- time (claimed_by, claimed_until) so only one resends them. Unused by a single SQLite process.
CREATE TABLE tg_lease (
  chat_key   TEXT    PRIMARY KEY,
  holder     TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX tg_update_chat_pending ON tg_update (chat_key, state, update_id);
ALTER TABLE tg_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE tg_outbox ADD COLUMN claimed_until INTEGER
