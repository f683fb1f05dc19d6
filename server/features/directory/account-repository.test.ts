/** The account repository's contract, on SQLite (the embedded default) with the server's own migrations. */
import { openServerDatabase } from '../../store/database.ts';
import { describeAccountRepository } from './account-repository.contract.ts';
import { AccountStore } from './account-store.ts';

describeAccountRepository('SQLite', async () => {
  const db = openServerDatabase(':memory:');
  return {
    repository: new AccountStore(db),
    rolesOf: async (userId) =>
      db
        .prepare<[string], { role: string }>('SELECT role FROM user_roles WHERE user_id = ?')
        .all(userId)
        .map((r) => r.role),
    leaderOf: async (departmentId) =>
      db.prepare<[string], { leader_id: string | null }>('SELECT leader_id FROM departments WHERE id = ?').get(departmentId)!
        .leader_id,
    placeOf: async (userId) =>
      db
        .prepare<[string], { departmentId: string | null; managerId: string | null; displayName: string }>(
          'SELECT department_id AS departmentId, manager_id AS managerId, display_name AS displayName FROM users WHERE id = ?',
        )
        .get(userId)!,
    close: async () => void db.close(),
  };
});
