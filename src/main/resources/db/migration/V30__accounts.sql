-- Web workbench accounts (staff and supervisors). Passwords are bcrypt hashes, never the password itself.
-- telegram_id links the account to a Telegram user: that user counts as this role in chat too.
CREATE TABLE accounts (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor')),
  password_hash TEXT NOT NULL,
  telegram_id TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);
