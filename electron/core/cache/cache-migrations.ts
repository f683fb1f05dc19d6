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
];
