/** The chat repositories' contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { ChatPolicyStore } from './chat-policy-store.ts';
import { describeChatRepositories } from './chat-repositories.contract.ts';
import { ChatStore } from './chat-store.ts';

describeChatRepositories('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { ana: 'u_c_ana', ben: 'u_c_ben', cai: 'u_c_cai' };
  const person = db.prepare("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, 'x', 0)");
  for (const [key, id] of Object.entries(people)) person.run(id, key, key[0]!.toUpperCase() + key.slice(1));
  return {
    chat: new ChatStore(db),
    policy: new ChatPolicyStore(db),
    people,
    damagePolicy: async () =>
      void db.prepare('UPDATE feature_settings SET value = \'{"largeGroupThreshold":"many"}\' WHERE key = \'chat.policy\'').run(),
    attachFile: async (messageId, ownerId, bytes) =>
      void db
        .prepare(
          `INSERT INTO attachments (id, owner_id, name, media_type, size, sha256, data, message_id, created_at)
           VALUES (?, ?, 'f.bin', 'application/octet-stream', ?, 'x', ?, ?, 0)`,
        )
        .run(`f_${messageId}`, ownerId, bytes, Buffer.alloc(bytes, 1), messageId),
    fileBytes: async (messageId) =>
      db
        .prepare<[string], { n: number }>('SELECT coalesce(sum(length(data)), 0) AS n FROM attachments WHERE message_id = ?')
        .get(messageId)!.n,
    close: async () => void db.close(),
  };
});
