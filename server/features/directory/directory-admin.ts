import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../shared/domain/clock.ts';
import { EntityId } from '../../../shared/domain/ids.ts';
import { Role } from '../../../shared/domain/user.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { DomainError } from '../domain-error.ts';
import type { AccountAuditRow, AccountRepository } from './account-repository.ts';
import { AccountStore } from './account-store.ts';
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

/** A person changing accounts through the API, and where from (for the audit). */
export interface AccountActor {
  actorId: string;
  ip: string;
}

export interface AccountAuditEntry extends Omit<AccountAuditRow, 'before' | 'after'> {
  before: unknown;
  after: unknown;
}

/** Granting or removing admin is for administrators only; HR manages every other role. */
function authoriseGrant(actorRoles: readonly string[], before: readonly string[], after: readonly string[]): void {
  if (actorRoles.includes('admin')) return;
  if (before.includes('admin') !== after.includes('admin'))
    throw new DomainError('forbidden', 'only administrators grant or remove the admin role');
}

export interface MembershipListener {
  /** A new account exists (after commit). */
  created(userId: string): void | Promise<void>;
  /** An account's department or roles changed (after commit). */
  moved(userId: string): void | Promise<void>;
  /** An account was disabled (after commit): its access ends now. */
  disabled?(userId: string): void | Promise<unknown>;
  /** An account's password was set by someone else (after commit): its sessions end now. */
  passwordReset?(userId: string): void | Promise<unknown>;
}

/**
 * Accounts as HR and admins manage them (or an HR system through them). Other features hear about
 * new people and moves, so notices for a department reach the people who join it.
 */
export class DirectoryAdmin {
  private readonly listeners: MembershipListener[] = [];
  private readonly accounts: AccountRepository;
  private readonly deps: { gate: WriteGate; directory: DirectoryStore; clock: Clock };

  constructor(db: Db, deps: DirectoryAdmin['deps']) {
    this.deps = deps;
    this.accounts = new AccountStore(db);
  }

  listen(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  /**
   * Creates an account. With `by` (a person through the API) the rules apply: only administrators
   * create administrators. Every creation is audited, with who and from where.
   */
  async create(account: NewAccount, by: AccountActor | null = null): Promise<{ userId: string }> {
    if (by) authoriseGrant(this.deps.directory.roles(by.actorId), [], account.roles);
    const passwordHash = await hashPassword(account.password);
    const userId = `u_${randomUUID().slice(0, 12)}`;
    await this.deps.gate.transaction(async () => {
      if (await this.accounts.usernameTaken(account.username)) {
        throw new DomainError('conflict', `the username ${account.username} is taken`, { username: account.username });
      }
      this.checkRefs(account.departmentId, account.managerId);
      await this.accounts.insert({
        id: userId,
        username: account.username,
        displayName: account.displayName,
        departmentId: account.departmentId,
        managerId: account.managerId,
        passwordHash,
        createdAt: this.deps.clock.now(),
      });
      await this.accounts.setRoles(userId, account.roles);
      await this.writeAudit(by, userId, 'created', null, {
        username: account.username,
        roles: [...new Set(account.roles)].sort(),
      });
    });
    for (const listener of this.listeners) await listener.created(userId);
    return { userId };
  }

  /**
   * Changes an account. With `by`, the rules apply: nobody changes their own roles or disables
   * themselves; only administrators grant or remove the admin role or touch an administrator's
   * account. Role changes and disabling are audited with before and after.
   */
  async update(userId: string, change: AccountChange, by: AccountActor | null = null): Promise<void> {
    await this.deps.gate.transaction(async () => {
      if (!(await this.accounts.exists(userId))) throw new DomainError('not_found', `no user ${userId}`);
      const rolesBefore = this.deps.directory.roles(userId);
      const disabledBefore = await this.accounts.isDisabled(userId);
      if (by) {
        const actorRoles = this.deps.directory.roles(by.actorId);
        if (rolesBefore.includes('admin') && !actorRoles.includes('admin'))
          throw new DomainError('forbidden', 'only administrators change an administrator’s account');
        if (by.actorId === userId && change.roles !== undefined)
          throw new DomainError('forbidden', 'nobody changes their own roles: ask another administrator');
        if (by.actorId === userId && change.disabled === true)
          throw new DomainError('forbidden', 'you cannot disable your own account');
        if (change.roles !== undefined) authoriseGrant(actorRoles, rolesBefore, change.roles);
      }
      this.checkRefs(change.departmentId ?? null, change.managerId ?? null);
      if (change.managerId === userId) throw new DomainError('invalid_params', 'nobody is their own manager');
      if (change.displayName !== undefined) await this.accounts.setName(userId, change.displayName);
      if (change.departmentId !== undefined) await this.accounts.setDepartment(userId, change.departmentId);
      if (change.managerId !== undefined) await this.accounts.setManager(userId, change.managerId);
      if (change.disabled !== undefined) await this.accounts.setDisabled(userId, change.disabled);
      if (change.roles !== undefined) {
        await this.accounts.setRoles(userId, change.roles);
        const after = [...new Set(change.roles)].sort();
        if (after.join() !== [...rolesBefore].sort().join())
          await this.writeAudit(by, userId, 'roles_changed', { roles: [...rolesBefore].sort() }, { roles: after });
      }
      if (change.disabled !== undefined && change.disabled !== disabledBefore)
        await this.writeAudit(
          by,
          userId,
          change.disabled ? 'disabled' : 'enabled',
          { disabled: disabledBefore },
          { disabled: change.disabled },
        );
    });
    const moved = change.departmentId !== undefined || change.roles !== undefined || change.disabled === false;
    if (moved) for (const listener of this.listeners) await listener.moved(userId);
    if (change.disabled === true) for (const listener of this.listeners) await listener.disabled?.(userId);
  }

  /**
   * Sets a new password for someone who cannot sign in (forgotten, or an administrator locked out).
   * Any lockout is cleared, every session of the account ends, and the reset is audited (never the
   * password). With `by`, only administrators reset an administrator's password.
   */
  async resetPassword(userId: string, password: string, by: AccountActor | null = null): Promise<void> {
    const passwordHash = await hashPassword(NewAccount.shape.password.parse(password));
    await this.deps.gate.transaction(async () => {
      if (!(await this.accounts.exists(userId))) throw new DomainError('not_found', `no user ${userId}`);
      if (by && this.deps.directory.roles(userId).includes('admin') && !this.deps.directory.roles(by.actorId).includes('admin'))
        throw new DomainError('forbidden', 'only administrators reset an administrator’s password');
      await this.accounts.setPassword(userId, passwordHash);
      await this.writeAudit(by, userId, 'password_reset', null, { by: by ? 'person' : 'command line' });
    });
    for (const listener of this.listeners) await listener.passwordReset?.(userId);
  }

  /** Someone took a copy of this person's data: the account's history says who, when and from where. */
  noteExport(userId: string, by: AccountActor | null): Promise<void> {
    return this.deps.gate.transaction(() =>
      this.writeAudit(by, userId, 'data_exported', null, { by: by ? 'person' : 'command line' }),
    );
  }

  /** The audit of one account, oldest first. */
  async auditOf(userId: string): Promise<AccountAuditEntry[]> {
    return (await this.accounts.auditOf(userId)).map((row) => ({
      ...row,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    }));
  }

  private writeAudit(by: AccountActor | null, targetId: string, action: string, before: unknown, after: unknown): Promise<void> {
    return this.accounts.audit({
      at: this.deps.clock.now(),
      actorId: by?.actorId ?? null,
      targetId,
      action,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
      ip: by?.ip ?? null,
    });
  }

  private checkRefs(departmentId: string | null, managerId: string | null): void {
    if (departmentId !== null && !this.deps.directory.departmentExists(departmentId)) {
      throw new DomainError('invalid_params', `unknown department ${departmentId}`, { departmentId });
    }
    if (managerId !== null && !this.deps.directory.isActiveUser(managerId)) {
      throw new DomainError('invalid_params', `unknown manager ${managerId}`, { managerId });
    }
  }
}
