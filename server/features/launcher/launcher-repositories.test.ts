/** The launcher repositories' contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeLauncherRepositories } from './launcher-repositories.contract.ts';
import { SsoKeyStore } from './sso-key-store.ts';
import { SsoTicketStore } from './sso-ticket-store.ts';
import { ToolStore } from './tool-store.ts';

describeLauncherRepositories('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { ana: 'u_l_ana', ben: 'u_l_ben', cai: 'u_l_cai' };
  db.prepare("INSERT INTO departments (id, name) VALUES ('d_sales', 'Sales'), ('d_ops', 'Operations')").run();
  const insert = db.prepare(
    "INSERT INTO users (id, username, display_name, department_id, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 0)",
  );
  insert.run(people.ana, 'ana', 'Ana', 'd_sales');
  insert.run(people.ben, 'ben', 'Ben', 'd_sales');
  insert.run(people.cai, 'cai', 'Cai', 'd_ops');
  db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')").run(people.cai);
  return {
    tools: new ToolStore(db),
    keys: new SsoKeyStore(db),
    tickets: new SsoTicketStore(db),
    people,
    disable: async (userId) => void db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(userId),
    close: async () => void db.close(),
  };
});
