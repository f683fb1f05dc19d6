/**
 * Accounts as directory administration keeps them: the people, their roles, departments' leaders
 * and the audit of every change. Async, so an implementation on a networked database (issue 23)
 * fits the same service; SQLite's is `account-store.ts`, and every implementation passes
 * `account-repository.contract.ts`. Writes run inside the caller's unit of work.
 */

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  managerId: string | null;
  passwordHash: string;
  createdAt: number;
}

export interface AccountAuditRow {
  at: number;
  actorId: string | null;
  targetId: string;
  action: string;
  /** JSON, or null when there was nothing before. */
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface AccountRepository {
  /** How many accounts exist, disabled ones included. */
  count(): Promise<number>;
  insert(account: AccountRow): Promise<void>;
  /** Whatever its case. */
  usernameTaken(username: string): Promise<boolean>;
  exists(userId: string): Promise<boolean>;
  isDisabled(userId: string): Promise<boolean>;
  /** Replaces the account's roles with these (each once). */
  setRoles(userId: string, roles: Iterable<string>): Promise<void>;
  setName(userId: string, displayName: string): Promise<void>;
  setDepartment(userId: string, departmentId: string | null): Promise<void>;
  setManager(userId: string, managerId: string | null): Promise<void>;
  setDisabled(userId: string, disabled: boolean): Promise<void>;
  /** A new password hash; any lockout is cleared with it. */
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** A department without a leader yet (the leader is set once the people exist). */
  insertDepartment(id: string, name: string): Promise<void>;
  setLeader(departmentId: string, leaderId: string | null): Promise<void>;
  /** Appends to the audit; nothing edits or removes an entry. */
  audit(entry: AccountAuditRow): Promise<void>;
  /** One account's audit, oldest first. */
  auditOf(userId: string): Promise<AccountAuditRow[]>;
}
