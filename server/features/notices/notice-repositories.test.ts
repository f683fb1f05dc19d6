/** The notices repositories' contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { NoticeReachStore } from './notice-reach-store.ts';
import { describeNoticeRepositories } from './notice-repositories.contract.ts';
import { NoticeStore } from './notice-store.ts';
import { OnboardingStore } from './onboarding-store.ts';

describeNoticeRepositories('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { hr: 'u_n_hr', ana: 'u_n_ana', ben: 'u_n_ben', cai: 'u_n_cai' };
  db.prepare("INSERT INTO departments (id, name) VALUES ('d_sales', 'Sales'), ('d_ops', 'Operations')").run();
  const person = db.prepare(
    "INSERT INTO users (id, username, display_name, department_id, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 0)",
  );
  const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const [key, id] of Object.entries(people)) {
    person.run(id, key, key[0]!.toUpperCase() + key.slice(1), key === 'hr' ? null : key === 'cai' ? 'd_ops' : 'd_sales');
  }
  role.run(people.hr, 'hr');
  role.run(people.cai, 'leader');
  return {
    notices: new NoticeStore(db),
    reach: new NoticeReachStore(db),
    onboarding: new OnboardingStore(db),
    people,
    disable: async (userId) => void db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(userId),
    ackedThrough: async (userId, seq) =>
      void db
        .prepare(
          'INSERT INTO user_logs (user_id, acked_seq) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET acked_seq = excluded.acked_seq',
        )
        .run(userId, seq),
    close: async () => void db.close(),
  };
});
