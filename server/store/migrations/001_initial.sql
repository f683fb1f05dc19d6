-- Organisation, accounts, the per-user event log and the client-action journal.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  leader_id TEXT
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  department_id TEXT REFERENCES departments(id),
  manager_id TEXT REFERENCES users(id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  device_name TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);

-- head_seq: last seq appended; floor_seq: every seq at or below it has been pruned by retention.
CREATE TABLE user_logs (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  head_seq INTEGER NOT NULL DEFAULT 0,
  floor_seq INTEGER NOT NULL DEFAULT 0,
  acked_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE events (
  user_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (user_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX events_at ON events(at);

CREATE TABLE client_actions (
  user_id TEXT NOT NULL,
  action_id TEXT NOT NULL,
  method TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, action_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_actions_created ON client_actions(created_at);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'important', 'urgent')),
  requires_ack INTEGER NOT NULL,
  publisher_id TEXT NOT NULL REFERENCES users(id),
  published_at INTEGER NOT NULL
) STRICT;

CREATE TABLE notice_recipients (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  read_at INTEGER,
  PRIMARY KEY (notice_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX notice_recipients_user ON notice_recipients(user_id, notice_id);

CREATE TABLE approval_requests (
  id TEXT PRIMARY KEY,
  template_key TEXT NOT NULL,
  title TEXT NOT NULL,
  submitter_id TEXT NOT NULL REFERENCES users(id),
  submitted_at INTEGER NOT NULL,
  status TEXT NOT NULL
) STRICT;

CREATE TABLE approval_tasks (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES approval_requests(id),
  approver_id TEXT NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'cancelled')),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX approval_tasks_approver ON approval_tasks(approver_id, status);

CREATE TABLE clock_records (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  at INTEGER NOT NULL,
  client_time INTEGER NOT NULL,
  offline INTEGER NOT NULL
) STRICT;
CREATE INDEX clock_records_user_at ON clock_records(user_id, at);
