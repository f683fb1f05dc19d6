import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../shared/domain/clock.ts';
import { EntityId } from '../../../shared/domain/ids.ts';
import { Role } from '../../../shared/domain/user.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../store/write-gate.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { DomainError } from '../domain-error.ts';
import type { DirectoryStore } from './directory-store.ts';

export const NewAccount = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'usernames are letters, digits and _ . -'),
  displayName: z.string().trim().min(1).max(128),
  password: z.string().min(10).max(256),
  departmentId: EntityId.nullable().default(null),
  managerId: EntityId.nullable().default(null),
  roles: z.array(Role).max(Role.options.length).default(['employee']),
});
export type NewAccount = z.infer<typeof NewAccount>;

export const AccountChange = z
  .object({
    displayName: z.string().trim().min(1).max(128).optional(),
    departmentId: EntityId.nullable().optional(),
    managerId: EntityId.nullable().optional(),
    roles: z.array(Role).max(Role.options.length).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
export type AccountChange = z.infer<typeof AccountChange>;

export interface MembershipListener {
  /** A new account exists (after commit). */
  created(userId: string): void;
  /** An account's department or roles changed (after commit). */
  moved(userId: string): void;
}

/**
 * Accounts as HR and admins manage them (or an HR system through them). Other features hear about
 * new people and moves, so notices for a department reach the people who join it.
 */
export class DirectoryAdmin {
  private readonly listeners: MembershipListener[] = [];
  private readonly s;
  private readonly d: { gate: WriteGate; directory: DirectoryStore; clock: Clock };

  constructor(db: Db, deps: DirectoryAdmin['d']) {
    this.d = deps;
    this.s = {
      insert: db.prepare(
        `INSERT INTO users (id, username, display_name, department_id, manager_id, password_hash, created_at)
         VALUES (@id, @username, @displayName, @departmentId, @managerId, @passwordHash, @createdAt)`,
      ),
      usernameTaken: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE username = ?'),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?'),
      addRole: db.prepare('INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)'),
      clearRoles: db.prepare('DELETE FROM user_roles WHERE user_id = ?'),
      setName: db.prepare('UPDATE users SET display_name = ? WHERE id = ?'),
      setDepartment: db.prepare('UPDATE users SET department_id = ? WHERE id = ?'),
      setManager: db.prepare('UPDATE users SET manager_id = ? WHERE id = ?'),
      setDisabled: db.prepare('UPDATE users SET disabled = ? WHERE id = ?'),
    };
  }

  listen(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  async create(account: NewAccount): Promise<{ userId: string }> {
    const passwordHash = await hashPassword(account.password);
    const userId = `u_${randomUUID().slice(0, 12)}`;
    this.d.gate.write(() => {
      if (this.s.usernameTaken.get(account.username)) {
        throw new DomainError('conflict', `the username ${account.username} is taken`, { username: account.username });
      }
      this.checkRefs(account.departmentId, account.managerId);
      this.s.insert.run({ ...account, id: userId, passwordHash, createdAt: this.d.clock.now() });
      for (const role of new Set(account.roles)) this.s.addRole.run(userId, role);
    });
    for (const listener of this.listeners) listener.created(userId);
    return { userId };
  }

  update(userId: string, change: AccountChange): void {
    this.d.gate.write(() => {
      if (!this.s.exists.get(userId)) throw new DomainError('not_found', `no user ${userId}`);
      this.checkRefs(change.departmentId ?? null, change.managerId ?? null);
      if (change.managerId === userId) throw new DomainError('invalid_params', 'nobody is their own manager');
      if (change.displayName !== undefined) this.s.setName.run(change.displayName, userId);
      if (change.departmentId !== undefined) this.s.setDepartment.run(change.departmentId, userId);
      if (change.managerId !== undefined) this.s.setManager.run(change.managerId, userId);
      if (change.disabled !== undefined) this.s.setDisabled.run(change.disabled ? 1 : 0, userId);
      if (change.roles !== undefined) {
        this.s.clearRoles.run(userId);
        for (const role of new Set(change.roles)) this.s.addRole.run(userId, role);
      }
    });
    const moved = change.departmentId !== undefined || change.roles !== undefined || change.disabled === false;
    if (moved) for (const listener of this.listeners) listener.moved(userId);
  }

  private checkRefs(departmentId: string | null, managerId: string | null): void {
    if (departmentId !== null && !this.d.directory.departmentExists(departmentId)) {
      throw new DomainError('invalid_params', `unknown department ${departmentId}`, { departmentId });
    }
    if (managerId !== null && !this.d.directory.isActiveUser(managerId)) {
      throw new DomainError('invalid_params', `unknown manager ${managerId}`, { managerId });
    }
  }
}
