/**
 * What every AccountRepository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated, empty database, and a way to read
 * an account's roles and department leader as the directory sees them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountRepository, AccountRow } from './account-repository.ts';

export interface AccountRepositoryHarness {
  repository: AccountRepository;
  rolesOf(userId: string): Promise<string[]>;
  leaderOf(departmentId: string): Promise<string | null>;
  /** The account's department and manager, as stored. */
  placeOf(userId: string): Promise<{ departmentId: string | null; managerId: string | null; displayName: string }>;
  close(): Promise<void>;
}

const account = (id: string, extra: Partial<AccountRow> = {}): AccountRow => ({
  id,
  username: id.replace('u_', ''),
  displayName: id,
  departmentId: null,
  managerId: null,
  passwordHash: `hash-${id}`,
  createdAt: 1_000,
  ...extra,
});

export function describeAccountRepository(name: string, open: () => Promise<AccountRepositoryHarness>): void {
  describe(`AccountRepository on ${name}`, () => {
    let h: AccountRepositoryHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('creates accounts and departments, and answers who exists and which names are taken in any case', async () => {
      expect(await h.repository.count()).toBe(0);
      await h.repository.insertDepartment('d_sales', 'Sales');
      await h.repository.insert(account('u_ana', { username: 'Ana.Li', departmentId: 'd_sales' }));
      await h.repository.insert(account('u_ben', { managerId: 'u_ana' }));
      expect(await h.repository.count()).toBe(2);
      expect(await h.repository.usernameTaken('ana.li')).toBe(true);
      expect(await h.repository.usernameTaken('cai')).toBe(false);
      expect(await h.repository.exists('u_ben')).toBe(true);
      expect(await h.repository.exists('u_cai')).toBe(false);
      expect(await h.placeOf('u_ben')).toEqual({ departmentId: null, managerId: 'u_ana', displayName: 'u_ben' });
      await expect(h.repository.insert(account('u_cai', { username: 'ANA.LI' }))).rejects.toThrow();
    });

    it('changes an account’s name, place, roles, state and password', async () => {
      await h.repository.insertDepartment('d_ops', 'Operations');
      await h.repository.insert(account('u_ana'));
      await h.repository.insert(account('u_ben'));
      await h.repository.setName('u_ben', 'Ben Wu');
      await h.repository.setDepartment('u_ben', 'd_ops');
      await h.repository.setManager('u_ben', 'u_ana');
      expect(await h.placeOf('u_ben')).toEqual({ departmentId: 'd_ops', managerId: 'u_ana', displayName: 'Ben Wu' });
      await h.repository.setRoles('u_ben', ['leader', 'employee', 'leader']);
      expect((await h.rolesOf('u_ben')).sort()).toEqual(['employee', 'leader']);
      await h.repository.setRoles('u_ben', ['employee']);
      expect(await h.rolesOf('u_ben')).toEqual(['employee']);
      expect(await h.repository.isDisabled('u_ben')).toBe(false);
      await h.repository.setDisabled('u_ben', true);
      expect(await h.repository.isDisabled('u_ben')).toBe(true);
      await h.repository.setLeader('d_ops', 'u_ben');
      expect(await h.leaderOf('d_ops')).toBe('u_ben');
      await h.repository.setLeader('d_ops', null);
      expect(await h.leaderOf('d_ops')).toBeNull();
      await h.repository.setPassword('u_ben', 'hash-new');
    });

    it('keeps every account’s audit in order, and gives each account only its own', async () => {
      await h.repository.insert(account('u_ana'));
      await h.repository.insert(account('u_ben'));
      const entry = (targetId: string, action: string, at: number) => ({
        at,
        actorId: 'u_ana',
        targetId,
        action,
        before: null,
        after: JSON.stringify({ action }),
        ip: '10.0.0.5',
      });
      await h.repository.audit(entry('u_ben', 'created', 2_000));
      await h.repository.audit(entry('u_ana', 'created', 2_500));
      await h.repository.audit(entry('u_ben', 'disabled', 1_000));
      expect((await h.repository.auditOf('u_ben')).map((e) => e.action)).toEqual(['created', 'disabled']);
      expect((await h.repository.auditOf('u_ben'))[0]).toEqual(entry('u_ben', 'created', 2_000));
      expect(await h.repository.auditOf('u_cai')).toEqual([]);
    });
  });
}
