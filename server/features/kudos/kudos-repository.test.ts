/** The kudos repository's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeKudosRepository } from './kudos-repository.contract.ts';
import { KudosStore } from './kudos-store.ts';

describeKudosRepository('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { u_k_a: 'Ana', u_k_b: '王芳', u_k_c: 'דנה' };
  const insert = db.prepare("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, 'x', 0)");
  for (const [id, name] of Object.entries(people)) insert.run(id, id, name);
  return {
    repository: new KudosStore(db),
    people,
    disable: async (userId) => void db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(userId),
    close: async () => void db.close(),
  };
});
