-- Chat: conversations, their members (with each member's read position and mute), and messages
-- numbered per conversation. Files reuse the attachments table, linked by message_id.

CREATE TABLE conversations (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('direct', 'group', 'channel')),
  title       TEXT,
  -- For direct conversations: the two user ids, sorted and joined, so there is only one per pair.
  direct_key  TEXT UNIQUE,
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  last_seq    INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE conversation_members (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  user_id         TEXT NOT NULL REFERENCES users(id),
  role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  joined_at       INTEGER NOT NULL,
  -- Messages before this seq are not this member's (they joined later): history starts here.
  joined_seq      INTEGER NOT NULL DEFAULT 0,
  read_seq        INTEGER NOT NULL DEFAULT 0,
  muted           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (conversation_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_members_user ON conversation_members (user_id, conversation_id);

CREATE TABLE messages (
  id                TEXT PRIMARY KEY,
  conversation_id   TEXT NOT NULL REFERENCES conversations(id),
  seq               INTEGER NOT NULL,
  sender_id         TEXT NOT NULL REFERENCES users(id),
  text              TEXT NOT NULL,
  mentions          TEXT NOT NULL DEFAULT '[]',
  reply_to          TEXT REFERENCES messages(id),
  attachments       TEXT NOT NULL DEFAULT '[]',
  sent_at           INTEGER NOT NULL,
  edited_at         INTEGER,
  deleted_at        INTEGER,
  client_message_id TEXT,
  UNIQUE (conversation_id, seq)
) STRICT;

ALTER TABLE attachments ADD COLUMN message_id TEXT;
CREATE INDEX attachments_message ON attachments (message_id) WHERE message_id IS NOT NULL;

-- Admin settings of features, as validated JSON (chat policy).
CREATE TABLE feature_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
) STRICT;

-- Presence: what each user set by hand, and the spans they were visibly online (for leaders' hours).
CREATE TABLE presence_settings (
  user_id    TEXT PRIMARY KEY REFERENCES users(id),
  settings   TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE presence_spans (
  id         INTEGER PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  started_at INTEGER NOT NULL,
  -- Moved forward while the span is open (every minute), so a crash loses at most that minute.
  ended_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX presence_spans_user ON presence_spans (user_id, started_at);
CREATE INDEX presence_spans_time ON presence_spans (started_at);
