-- The launcher: tools admins define, who launched what (for favourites, recents and adoption),
-- and the signing keys and issued tickets of single sign-on.

CREATE TABLE tools (
  id          TEXT PRIMARY KEY,
  definition  TEXT NOT NULL,            -- ToolDefinition as JSON (name, target, icon, ...)
  audience    TEXT NOT NULL,            -- Audience as JSON, matched in SQL like a notice's
  enabled     INTEGER NOT NULL DEFAULT 1,
  position    INTEGER NOT NULL DEFAULT 1000,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER
);

CREATE TABLE tool_favorites (
  user_id    TEXT NOT NULL REFERENCES users(id),
  tool_id    TEXT NOT NULL REFERENCES tools(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, tool_id)
) WITHOUT ROWID;

CREATE TABLE tool_launches (
  id        INTEGER PRIMARY KEY,
  user_id   TEXT NOT NULL REFERENCES users(id),
  tool_id   TEXT NOT NULL REFERENCES tools(id),
  at        INTEGER NOT NULL,           -- when the user launched it (client time, bounded by the server's)
  source    TEXT NOT NULL
);
CREATE INDEX tool_launches_user ON tool_launches (user_id, tool_id, at);
CREATE INDEX tool_launches_at ON tool_launches (at);

-- ES256 keys. One is 'next' (published, not yet signing), one 'active', and retired ones stay
-- published until every ticket they signed has expired. A retired key's private half is erased.
CREATE TABLE sso_keys (
  kid         TEXT PRIMARY KEY,
  state       TEXT NOT NULL CHECK (state IN ('next', 'active', 'retired')),
  public_jwk  TEXT NOT NULL,
  private_pem TEXT,
  created_at  INTEGER NOT NULL,
  activated_at INTEGER,
  retired_at  INTEGER,
  unpublish_at INTEGER
);

CREATE TABLE sso_tickets (
  jti         TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL,
  tool_id     TEXT NOT NULL,
  kid         TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  redeemed_at INTEGER
);
CREATE INDEX sso_tickets_expiry ON sso_tickets (expires_at);
