/**
 * What every AuthRepository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database holding the accounts of
 * the harness, and a way to disable one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthRepository } from './auth-repository.ts';

export interface AuthRepositoryHarness {
  repository: AuthRepository;
  /** `ana` (user name `ana.li`, password hash `hash-ana`) and `ben` (`ben.wu`, `hash-ben`). */
  people: { ana: string; ben: string };
  disable(userId: string): Promise<void>;
  close(): Promise<void>;
}

export function describeAuthRepository(name: string, open: () => Promise<AuthRepositoryHarness>): void {
  describe(`AuthRepository on ${name}`, () => {
    let h: AuthRepositoryHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('finds an account by user name in any case, with what sign-in needs', async () => {
      expect(await h.repository.accountByUsername('ana.li')).toEqual({
        id: h.people.ana,
        username: 'ana.li',
        passwordHash: 'hash-ana',
        disabled: false,
      });
      expect((await h.repository.accountByUsername('ANA.LI'))?.id).toBe(h.people.ana);
      expect(await h.repository.accountByUsername('nobody')).toBeNull();
      await h.disable(h.people.ana);
      expect((await h.repository.accountByUsername('ana.li'))?.disabled).toBe(true);
    });

    it('keeps sessions and ends one, or all of an account’s, once', async () => {
      const { ana, ben } = h.people;
      await h.repository.insertSession('s1', ana, 'Front desk PC', 1_000);
      await h.repository.insertSession('s2', ana, null, 1_100);
      await h.repository.insertSession('s3', ben, null, 1_200);
      expect(await h.repository.session('s1')).toEqual({ userId: ana, revokedAt: null, accountDisabled: false });
      expect(await h.repository.session('s9')).toBeNull();
      expect(await h.repository.revokeSession('s1', 2_000)).toBe(true);
      expect(await h.repository.revokeSession('s1', 3_000)).toBe(false);
      expect((await h.repository.session('s1'))?.revokedAt).toBe(2_000);
      expect(await h.repository.revokeUserSessions(ana, 4_000)).toBe(1);
      expect(await h.repository.revokeUserSessions(ana, 5_000)).toBe(0);
      expect((await h.repository.session('s2'))?.revokedAt).toBe(4_000);
      expect((await h.repository.session('s3'))?.revokedAt).toBeNull();
      await h.disable(ben);
      expect((await h.repository.session('s3'))?.accountDisabled).toBe(true);
    });

    it('answers a refresh token with its session’s state, and marks it used once', async () => {
      const { ana } = h.people;
      await h.repository.insertSession('s1', ana, null, 1_000);
      await h.repository.insertRefresh('hash-1', 's1', 9_000);
      expect(await h.repository.refreshByHash('hash-1')).toEqual({
        sessionId: 's1',
        userId: ana,
        expiresAt: 9_000,
        usedAt: null,
        revokedAt: null,
        accountDisabled: false,
      });
      expect(await h.repository.refreshByHash('hash-x')).toBeNull();
      expect(await h.repository.markRefreshUsed('hash-1', 2_000)).toBe(true);
      expect(await h.repository.markRefreshUsed('hash-1', 3_000)).toBe(false);
      expect((await h.repository.refreshByHash('hash-1'))?.usedAt).toBe(2_000);
      await h.repository.revokeSession('s1', 4_000);
      expect((await h.repository.refreshByHash('hash-1'))?.revokedAt).toBe(4_000);
    });
  });
}
