-- Colleagues thanking each other: who thanked whom, with what words, when.
CREATE TABLE kudos (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES users(id),
  to_id TEXT NOT NULL REFERENCES users(id),
  message TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX kudos_to_at ON kudos(to_id, at);
CREATE INDEX kudos_from_at ON kudos(from_id, at);
CREATE INDEX kudos_at ON kudos(at);
