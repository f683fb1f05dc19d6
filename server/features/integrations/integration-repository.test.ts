/** The integrations repository's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeIntegrationRepository } from './integration-repository.contract.ts';
import { IntegrationStore } from './integration-store.ts';

describeIntegrationRepository('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  db.prepare(
    "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u_i_admin', 'it', 'IT', 'x', 0)",
  ).run();
  return { repository: new IntegrationStore(db), adminId: 'u_i_admin', close: async () => void db.close() };
});
