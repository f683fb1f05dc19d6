-- Notices grow up: audience kept as data, scheduling, expiry, pinning, edits and withdrawals,
-- per-recipient delivery, read and acknowledgement; onboarding notices; supervisors' items for
-- the daily brief. And one copy of an event's body however many logs it enters.

-- An event sent to 10,000 people was stored 10,000 times; now its body is stored once.
CREATE TABLE event_bodies (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL
) STRICT;
CREATE TABLE events_v2 (
  user_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  body_id INTEGER NOT NULL REFERENCES event_bodies(id),
  PRIMARY KEY (user_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO event_bodies (id, body) SELECT row_number() OVER (ORDER BY user_id, seq), body FROM events;
INSERT INTO events_v2 (user_id, seq, at, body_id)
  SELECT user_id, seq, at, row_number() OVER (ORDER BY user_id, seq) FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_at ON events(at);
CREATE INDEX events_body ON events(body_id);

-- status: scheduled (publish_at in the future), live, withdrawn. version grows with every change
-- recipients must hear about; a recipient row at an older version is still owed an event.
ALTER TABLE notices ADD COLUMN audience TEXT NOT NULL DEFAULT '{"everyone":true,"departmentIds":[],"roles":[],"userIds":[]}';
ALTER TABLE notices ADD COLUMN status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('scheduled', 'live', 'withdrawn'));
ALTER TABLE notices ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN renotify_minutes INTEGER;
ALTER TABLE notices ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN publish_at INTEGER;
ALTER TABLE notices ADD COLUMN expires_at INTEGER;
ALTER TABLE notices ADD COLUMN edited_at INTEGER;
ALTER TABLE notices ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE notices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE notices ADD COLUMN fanout_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
UPDATE notices SET created_at = published_at;
CREATE INDEX notices_publisher ON notices(publisher_id, created_at DESC);
CREATE INDEX notices_due ON notices(status, publish_at);
CREATE INDEX notices_fanout ON notices(fanout_pending) WHERE fanout_pending = 1;

-- department_id: where the recipient sat when it was delivered (the publisher's per-department view).
-- seq: the event that delivered it in the recipient's log (delivered to a device = acked past it).
ALTER TABLE notice_recipients ADD COLUMN department_id TEXT;
ALTER TABLE notice_recipients ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notice_recipients ADD COLUMN seq INTEGER;
ALTER TABLE notice_recipients ADD COLUMN acked_at INTEGER;
ALTER TABLE notice_recipients ADD COLUMN reminded_at INTEGER;
ALTER TABLE notice_recipients ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notice_recipients ADD COLUMN onboarding INTEGER NOT NULL DEFAULT 0;
UPDATE notice_recipients SET version = 1, department_id = (SELECT department_id FROM users WHERE users.id = notice_recipients.user_id);
CREATE INDEX notice_recipients_version ON notice_recipients(notice_id, version);

ALTER TABLE attachments ADD COLUMN notice_id TEXT REFERENCES notices(id);

-- What a new account's feed starts with, in this order (admins choose).
CREATE TABLE onboarding_notices (
  position INTEGER PRIMARY KEY,
  notice_id TEXT NOT NULL UNIQUE REFERENCES notices(id)
) STRICT;

-- Key items a supervisor marks for their department's day; the daily brief shows them.
CREATE TABLE brief_items (
  id TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments(id),
  day TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX brief_items_day ON brief_items(department_id, day);
