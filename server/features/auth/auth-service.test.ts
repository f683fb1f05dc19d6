import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/domain/clock.ts';
import { openServerDatabase } from '../../store/database.ts';
import { AccessTokens } from './access-tokens.ts';
import { AuthService } from './auth-service.ts';
import { AuthStore } from './auth-store.ts';
import { hashPassword } from './password-hash.ts';

async function setup() {
  const db = openServerDatabase(':memory:');
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 9));
  db.prepare(
    "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u1', 'zhang.wei', '张伟', ?, 0)",
  ).run(await hashPassword('right'));
  const auth = new AuthService(new AuthStore(db), new AccessTokens(Buffer.alloc(32, 7), 900_000, () => clock.now()), clock);
  return { auth, clock };
}

describe('auth service', () => {
  it('counts down tries, locks after five, and unlocks after the lockout', async () => {
    const { auth, clock } = await setup();
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await auth.login('zhang.wei', 'wrong', undefined);
      if (!r.ok && r.failure.code === 'wrong_password') left.push(r.failure.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(await auth.login('zhang.wei', 'wrong', undefined)).toMatchObject({ ok: false, failure: { code: 'account_locked' } });
    expect(await auth.login('zhang.wei', 'right', undefined)).toMatchObject({ ok: false, failure: { code: 'account_locked' } });
    clock.advance(15 * 60_000 + 1);
    expect(await auth.login('zhang.wei', 'right', undefined)).toMatchObject({ ok: true });
  });

  it('rotates refresh tokens and ends the session when a used one is presented again', async () => {
    const { auth } = await setup();
    const login = await auth.login('zhang.wei', 'right', undefined);
    if (!login.ok) throw new Error('login failed');
    const first = await auth.refresh(login.tokens.refreshToken);
    expect(first.ok).toBe(true);
    expect(await auth.refresh(login.tokens.refreshToken)).toEqual({ ok: false, reason: 'reused' });
    // The thief's replay revoked the session: the legitimate newer token is dead too.
    if (!first.ok) throw new Error('unreachable');
    expect(await auth.refresh(first.tokens.refreshToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await auth.verifyAccess(first.tokens.accessToken)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('says the user is unknown without revealing it through timing shortcuts', async () => {
    const { auth } = await setup();
    expect(await auth.login('nobody', 'x', undefined)).toEqual({
      ok: false,
      failure: { code: 'unknown_user', username: 'nobody' },
    });
  });
});
