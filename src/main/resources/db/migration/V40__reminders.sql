-- 催办 reminders: one row per reminder sent (recipient, kind, local day). The primary key is the claim: a process
-- inserts the row in a transaction before sending, so no reminder goes out twice in a day, not across restarts and
-- not with several processes (serve's scheduler, a cron `cases remind`) running at once.
CREATE TABLE reminder_sent (
  day        TEXT    NOT NULL,
  recipient  TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  case_ids   TEXT    NOT NULL,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (day, recipient, kind)
);
