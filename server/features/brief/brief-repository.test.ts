/** The brief repository's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeBriefRepository } from './brief-repository.contract.ts';
import { BriefStore } from './brief-store.ts';

describeBriefRepository('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  const people = { lead: 'u_b_lead', ana: 'u_b_ana', ben: 'u_b_ben' };
  db.prepare("INSERT INTO departments (id, name, leader_id) VALUES ('d_sales', 'Sales', ?), ('d_ops', 'Operations', NULL)").run(
    people.lead,
  );
  const person = db.prepare(
    "INSERT INTO users (id, username, display_name, department_id, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 0)",
  );
  person.run(people.lead, 'lead', 'Lead', 'd_sales');
  person.run(people.ana, 'ana', 'Ana', 'd_sales');
  person.run(people.ben, 'ben', 'Ben', 'd_ops');
  return {
    repository: new BriefStore(db),
    people,
    disable: async (userId) => void db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(userId),
    notice: async (userId, n, state) => {
      db.prepare(
        `INSERT INTO notices (id, title, body, priority, requires_ack, pinned, audience, status, publisher_id, created_at,
           expires_at, published_at, version, fanout_pending)
         VALUES (?, ?, '', ?, ?, 0, '{}', ?, ?, 0, ?, ?, 1, 0)`,
      ).run(
        n.id,
        n.id,
        n.priority,
        n.requiresAck ? 1 : 0,
        state.live === false ? 'withdrawn' : 'live',
        people.lead,
        state.expiresAt ?? null,
        n.publishedAt,
      );
      db.prepare(
        'INSERT INTO notice_recipients (notice_id, user_id, department_id, onboarding, version, acked_at) VALUES (?, ?, NULL, 0, ?, ?)',
      ).run(n.id, userId, state.delivered === false ? 0 : 1, state.acked ? 50 : null);
    },
    close: async () => void db.close(),
  };
});
