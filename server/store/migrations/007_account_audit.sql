-- Who changed which account, how, and from where: role grants, disables, creations. Append-only:
-- the triggers refuse every UPDATE and DELETE, so not even a bug in the server can rewrite it.
CREATE TABLE account_audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT,
  target_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT,
  ip TEXT
);
CREATE INDEX account_audit_target ON account_audit (target_id, at);

CREATE TRIGGER account_audit_no_update BEFORE UPDATE ON account_audit
BEGIN
  SELECT RAISE(ABORT, 'the account audit is append-only');
END;

CREATE TRIGGER account_audit_no_delete BEFORE DELETE ON account_audit
BEGIN
  SELECT RAISE(ABORT, 'the account audit is append-only');
END;
