-- Attendance rules and corrections. Clock records gain where they came from, whether they count,
-- the address they were sent from and the note remote workers give; nothing is ever deleted.
ALTER TABLE clock_records ADD COLUMN source TEXT NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'offline', 'correction'));
ALTER TABLE clock_records ADD COLUMN status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'review', 'rejected'));
ALTER TABLE clock_records ADD COLUMN review_reason TEXT CHECK (review_reason IN ('late_sync', 'network'));
ALTER TABLE clock_records ADD COLUMN note TEXT;
ALTER TABLE clock_records ADD COLUMN ip TEXT;
ALTER TABLE clock_records ADD COLUMN request_id TEXT;
UPDATE clock_records SET source = 'offline' WHERE offline = 1;

-- scope: 'default' or a department id.
CREATE TABLE attendance_rules (
  scope TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;

-- Every change to what counts: corrections from approved make-up requests and HR's review decisions.
CREATE TABLE attendance_audit (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  date TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('corrected', 'review_accepted', 'review_rejected')),
  record_id TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  actor_id TEXT REFERENCES users(id),
  request_id TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX attendance_audit_user ON attendance_audit(user_id, date);
