-- Approval workflows. The foundation's two approval tables held demo rows only and are rebuilt here.
DROP TABLE approval_tasks;
DROP TABLE approval_requests;

CREATE TABLE approval_templates (
  key TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE integrations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  signing_secret TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

-- template: the name, fields and SLA as they were at submission, so later edits do not rewrite history.
CREATE TABLE approval_requests (
  id TEXT PRIMARY KEY,
  template_key TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  template TEXT NOT NULL,
  template_name TEXT NOT NULL,
  title TEXT NOT NULL,
  submitter_id TEXT REFERENCES users(id),
  submitted_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled')),
  form_values TEXT NOT NULL,
  display TEXT NOT NULL DEFAULT '[]',
  current_step INTEGER,
  integration_id TEXT REFERENCES integrations(id),
  external_id TEXT,
  link TEXT,
  callback_url TEXT,
  UNIQUE (integration_id, external_id)
) STRICT;
CREATE INDEX approval_requests_submitter ON approval_requests(submitter_id, updated_at);

CREATE TABLE approval_steps (
  request_id TEXT NOT NULL REFERENCES approval_requests(id),
  step_index INTEGER NOT NULL,
  name TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('any', 'all')),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'active', 'approved', 'rejected', 'returned', 'skipped', 'cancelled')),
  approvers TEXT NOT NULL,
  PRIMARY KEY (request_id, step_index)
) STRICT, WITHOUT ROWID;

-- One task per approver of an active step. approver_id is who the chain named; assignee_id holds it now.
CREATE TABLE approval_tasks (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES approval_requests(id),
  step_index INTEGER NOT NULL,
  approver_id TEXT NOT NULL REFERENCES users(id),
  assignee_id TEXT NOT NULL REFERENCES users(id),
  via TEXT NOT NULL CHECK (via IN ('direct', 'proxy', 'escalated')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'cancelled')),
  outcome TEXT,
  decided_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  assigned_at INTEGER NOT NULL,
  remind_at INTEGER NOT NULL,
  escalate_at INTEGER NOT NULL,
  reminded_at INTEGER,
  escalated_at INTEGER,
  closed_at INTEGER
) STRICT;
CREATE INDEX approval_tasks_assignee ON approval_tasks(assignee_id, status);
CREATE INDEX approval_tasks_approver ON approval_tasks(approver_id, closed_at);
CREATE INDEX approval_tasks_request ON approval_tasks(request_id, step_index);
CREATE INDEX approval_tasks_remind ON approval_tasks(remind_at) WHERE status = 'pending' AND reminded_at IS NULL;
CREATE INDEX approval_tasks_escalate ON approval_tasks(escalate_at) WHERE status = 'pending' AND escalated_at IS NULL;

-- The audit trail: who did what, for whom, when.
CREATE TABLE approval_history (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES approval_requests(id),
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor_id TEXT REFERENCES users(id),
  on_behalf_of TEXT REFERENCES users(id),
  text TEXT,
  attachments TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX approval_history_request ON approval_history(request_id, at);

CREATE TABLE out_of_office (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  proxy_id TEXT NOT NULL REFERENCES users(id),
  note TEXT,
  routed INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE approval_digests (
  user_id TEXT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  PRIMARY KEY (user_id, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  request_id TEXT REFERENCES approval_requests(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attachments_request ON attachments(request_id);

-- Decisions owed to other systems: kept until their receiver answers 2xx, across restarts.
CREATE TABLE callback_deliveries (
  id TEXT PRIMARY KEY,
  integration_id TEXT NOT NULL REFERENCES integrations(id),
  request_id TEXT NOT NULL REFERENCES approval_requests(id),
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  delivered_at INTEGER,
  failed_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX callback_deliveries_due ON callback_deliveries(next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
