/** The client cache's schema, numbered like the server's; inlined so it bundles into the app as-is. */
export const cacheMigrations: readonly string[] = [
  `CREATE TABLE sync_state (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     epoch TEXT,
     applied_seq INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   INSERT INTO sync_state (id, epoch, applied_seq) VALUES (1, NULL, 0);
   CREATE TABLE notices (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     body TEXT NOT NULL,
     priority TEXT NOT NULL,
     requires_ack INTEGER NOT NULL,
     published_at INTEGER NOT NULL,
     publisher_name TEXT NOT NULL,
     read_at INTEGER
   ) STRICT;
   CREATE INDEX notices_published ON notices(published_at DESC);
   CREATE TABLE approval_tasks (
     id TEXT PRIMARY KEY,
     submitted_at INTEGER NOT NULL,
     summary TEXT NOT NULL
   ) STRICT;
   CREATE TABLE clock_records (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     at INTEGER NOT NULL,
     client_time INTEGER NOT NULL,
     offline INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE outbox (
     local_id INTEGER PRIMARY KEY AUTOINCREMENT,
     action_id TEXT NOT NULL UNIQUE,
     method TEXT NOT NULL,
     params TEXT NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;`,
  // Approval workflows: three inbox views, out-of-office and fetched details. The old task rows
  // lack the new fields, so the position is reset and the next connection takes a snapshot.
  `DROP TABLE approval_tasks;
   CREATE TABLE approval_pending (
     id TEXT PRIMARY KEY,
     request_id TEXT NOT NULL,
     submitted_at INTEGER NOT NULL,
     summary TEXT NOT NULL
   ) STRICT;
   CREATE INDEX approval_pending_order ON approval_pending(submitted_at, id);
   CREATE TABLE approval_done (
     task_id TEXT PRIMARY KEY,
     request_id TEXT NOT NULL,
     closed_at INTEGER NOT NULL,
     summary TEXT NOT NULL
   ) STRICT;
   CREATE INDEX approval_done_order ON approval_done(closed_at DESC);
   CREATE TABLE approval_mine (
     id TEXT PRIMARY KEY,
     updated_at INTEGER NOT NULL,
     summary TEXT NOT NULL
   ) STRICT;
   CREATE INDEX approval_mine_order ON approval_mine(updated_at DESC);
   CREATE TABLE approval_details (
     request_id TEXT PRIMARY KEY,
     fetched_at INTEGER NOT NULL,
     detail TEXT NOT NULL
   ) STRICT;
   CREATE TABLE client_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
   UPDATE sync_state SET epoch = NULL, applied_seq = 0;`,
  // Attendance rules: records carry their source, status and note, so they are stored whole; the
  // position is reset and the next connection takes a snapshot with today's judged day.
  `DROP TABLE clock_records;
   CREATE TABLE clock_records (
     id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     record TEXT NOT NULL
   ) STRICT;
   CREATE INDEX clock_records_at ON clock_records(at DESC);
   UPDATE sync_state SET epoch = NULL, applied_seq = 0;`,
  // Notices grow: the content is stored whole (pinned, expiry, attachments, edits), with this user's
  // read, acknowledgement and reminder; a trigram index serves search in any language. Resync.
  `DROP TABLE notices;
   CREATE TABLE notices (
     id TEXT PRIMARY KEY,
     content TEXT NOT NULL,
     title TEXT NOT NULL,
     body TEXT NOT NULL,
     priority TEXT NOT NULL,
     requires_ack INTEGER NOT NULL,
     pinned INTEGER NOT NULL,
     published_at INTEGER NOT NULL,
     expires_at INTEGER,
     read_at INTEGER,
     acked_at INTEGER,
     onboarding INTEGER NOT NULL DEFAULT 0,
     reminded_at INTEGER
   ) STRICT;
   CREATE INDEX notices_published ON notices(published_at DESC);
   CREATE VIRTUAL TABLE notices_fts USING fts5(title, body, content='notices', content_rowid='rowid', tokenize='trigram');
   CREATE TRIGGER notices_fts_insert AFTER INSERT ON notices BEGIN
     INSERT INTO notices_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
   END;
   CREATE TRIGGER notices_fts_delete AFTER DELETE ON notices BEGIN
     INSERT INTO notices_fts (notices_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
   END;
   CREATE TRIGGER notices_fts_update AFTER UPDATE OF title, body ON notices BEGIN
     INSERT INTO notices_fts (notices_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
     INSERT INTO notices_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
   END;
   CREATE TABLE notice_stats (notice_id TEXT PRIMARY KEY, stats TEXT NOT NULL) STRICT;
   UPDATE sync_state SET epoch = NULL, applied_seq = 0;`,
  // Chat: conversations with this user's read position and mute, messages (whole, plus columns to
  // sort, count and search by), everyone's read positions (receipts) and messages waiting to be sent.
  // Trigram full-text search serves any script; the snapshot after this migration fills conversations.
  `CREATE TABLE chat_conversations (
     id TEXT PRIMARY KEY,
     content TEXT NOT NULL,
     last_seq INTEGER NOT NULL,
     last_activity INTEGER NOT NULL,
     my_read_seq INTEGER NOT NULL DEFAULT 0,
     muted INTEGER NOT NULL DEFAULT 0,
     -- No message below this seq exists for this user (history paged to its start).
     history_floor INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE INDEX chat_conversations_activity ON chat_conversations(last_activity DESC);
   CREATE TABLE chat_messages (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     sender_id TEXT NOT NULL,
     sender_name TEXT NOT NULL,
     sent_at INTEGER NOT NULL,
     text TEXT NOT NULL,
     deleted INTEGER NOT NULL,
     mentions_me INTEGER NOT NULL,
     content TEXT NOT NULL,
     UNIQUE (conversation_id, seq)
   ) STRICT;
   CREATE VIRTUAL TABLE chat_messages_fts USING fts5(text, content='chat_messages', content_rowid='rowid', tokenize='trigram');
   CREATE TRIGGER chat_messages_fts_insert AFTER INSERT ON chat_messages BEGIN
     INSERT INTO chat_messages_fts (rowid, text) VALUES (new.rowid, new.text);
   END;
   CREATE TRIGGER chat_messages_fts_delete AFTER DELETE ON chat_messages BEGIN
     INSERT INTO chat_messages_fts (chat_messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
   END;
   CREATE TRIGGER chat_messages_fts_update AFTER UPDATE OF text ON chat_messages BEGIN
     INSERT INTO chat_messages_fts (chat_messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
     INSERT INTO chat_messages_fts (rowid, text) VALUES (new.rowid, new.text);
   END;
   CREATE TABLE chat_reads (
     conversation_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     PRIMARY KEY (conversation_id, user_id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE chat_pending (
     action_id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     draft TEXT NOT NULL,
     failed TEXT
   ) STRICT;
   UPDATE sync_state SET epoch = NULL, applied_seq = 0;`,
  // Search walks the newest messages first and stops at 50 hits (common words need no full scan).
  `CREATE INDEX chat_messages_sent ON chat_messages(sent_at DESC);`,
];
