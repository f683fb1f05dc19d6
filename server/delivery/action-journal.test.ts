/** The action journal's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../store/database.ts';
import { describeActionJournal } from './action-journal.contract.ts';
import { ActionJournalStore } from './action-journal-store.ts';

describeActionJournal('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { ana: 'u_j_ana', ben: 'u_j_ben' };
  const insert = db.prepare("INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, 'x', 0)");
  for (const id of Object.values(people)) insert.run(id, id, id);
  return { journal: new ActionJournalStore(db), people, close: async () => void db.close() };
});
