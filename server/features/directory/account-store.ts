import type { Db } from '../../store/database.ts';
import type { AccountAuditRow, AccountRepository, AccountRow } from './account-repository.ts';

/** Accounts on SQLite: the people, their roles and the audit of every change to them. */
export class AccountStore implements AccountRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      insert: db.prepare<AccountRow>(
        `INSERT INTO users (id, username, display_name, department_id, manager_id, password_hash, created_at)
         VALUES (@id, @username, @displayName, @departmentId, @managerId, @passwordHash, @createdAt)`,
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      usernameTaken: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE username = ?'),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?'),
      addRole: db.prepare<[string, string]>('INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)'),
      clearRoles: db.prepare<[string]>('DELETE FROM user_roles WHERE user_id = ?'),
      setName: db.prepare<[string, string]>('UPDATE users SET display_name = ? WHERE id = ?'),
      setDepartment: db.prepare<[string | null, string]>('UPDATE users SET department_id = ? WHERE id = ?'),
      setManager: db.prepare<[string | null, string]>('UPDATE users SET manager_id = ? WHERE id = ?'),
      setDisabled: db.prepare<[number, string]>('UPDATE users SET disabled = ? WHERE id = ?'),
      disabledOf: db.prepare<[string], { disabled: number }>('SELECT disabled FROM users WHERE id = ?'),
      setPassword: db.prepare<[string, string]>(
        'UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?',
      ),
      insertDepartment: db.prepare<[string, string]>('INSERT INTO departments (id, name, leader_id) VALUES (?, ?, NULL)'),
      setLeader: db.prepare<[string | null, string]>('UPDATE departments SET leader_id = ? WHERE id = ?'),
      audit: db.prepare<AccountAuditRow>(
        `INSERT INTO account_audit (at, actor_id, target_id, action, before, after, ip)
         VALUES (@at, @actorId, @targetId, @action, @before, @after, @ip)`,
      ),
      auditOf: db.prepare<[string], AccountAuditRow>(
        `SELECT at, actor_id AS actorId, target_id AS targetId, action, before, after, ip
         FROM account_audit WHERE target_id = ? ORDER BY id`,
      ),
    };
  }

  async count(): Promise<number> {
    return this.sql.count.get()!.n;
  }

  async insert(account: AccountRow): Promise<void> {
    this.sql.insert.run(account);
  }

  async usernameTaken(username: string): Promise<boolean> {
    return this.sql.usernameTaken.get(username) !== undefined;
  }

  async exists(userId: string): Promise<boolean> {
    return this.sql.exists.get(userId) !== undefined;
  }

  async isDisabled(userId: string): Promise<boolean> {
    return this.sql.disabledOf.get(userId)?.disabled === 1;
  }

  async setRoles(userId: string, roles: Iterable<string>): Promise<void> {
    this.sql.clearRoles.run(userId);
    for (const role of new Set(roles)) this.sql.addRole.run(userId, role);
  }

  async setName(userId: string, displayName: string): Promise<void> {
    this.sql.setName.run(displayName, userId);
  }

  async setDepartment(userId: string, departmentId: string | null): Promise<void> {
    this.sql.setDepartment.run(departmentId, userId);
  }

  async setManager(userId: string, managerId: string | null): Promise<void> {
    this.sql.setManager.run(managerId, userId);
  }

  async setDisabled(userId: string, disabled: boolean): Promise<void> {
    this.sql.setDisabled.run(disabled ? 1 : 0, userId);
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    this.sql.setPassword.run(passwordHash, userId);
  }

  async insertDepartment(id: string, name: string): Promise<void> {
    this.sql.insertDepartment.run(id, name);
  }

  async setLeader(departmentId: string, leaderId: string | null): Promise<void> {
    this.sql.setLeader.run(leaderId, departmentId);
  }

  async audit(entry: AccountAuditRow): Promise<void> {
    this.sql.audit.run(entry);
  }

  async auditOf(userId: string): Promise<AccountAuditRow[]> {
    return this.sql.auditOf.all(userId);
  }
}
