/** The sign-in repository's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeAuthRepository } from './auth-repository.contract.ts';
import { AuthStore } from './auth-store.ts';

describeAuthRepository('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { ana: 'u_a_ana', ben: 'u_a_ben' };
  const insert = db.prepare('INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, 0)');
  insert.run(people.ana, 'ana.li', 'Ana', 'hash-ana');
  insert.run(people.ben, 'ben.wu', 'Ben', 'hash-ben');
  return {
    repository: new AuthStore(db),
    people,
    disable: async (userId) => void db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(userId),
    close: async () => void db.close(),
  };
});
