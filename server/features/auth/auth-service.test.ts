import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/domain/clock.ts';
import { openServerDatabase } from '../../store/database.ts';
import { AccessTokens } from './access-tokens.ts';
import { AuthService, defaultAuthPolicy } from './auth-service.ts';
import { SignInGuard, defaultGuardPolicy } from './sign-in-guard.ts';
import { AuthStore } from './auth-store.ts';
import { InProcessBus } from '../../delivery/event-bus.ts';
import { EventLog } from '../../delivery/event-log.ts';
import { WriteGate } from '../../delivery/write-gate.ts';
import { hashPassword } from './password-hash.ts';

async function setup() {
  const db = openServerDatabase(':memory:');
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 9));
  db.prepare(
    "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u1', 'zhang.wei', '张伟', ?, 0)",
  ).run(await hashPassword('right'));
  const guardClock = new ManualClock(0);
  const gate = new WriteGate(db, new EventLog(db, clock), new InProcessBus());
  const auth = new AuthService(
    new AuthStore(db),
    gate,
    new AccessTokens(Buffer.alloc(32, 7), 900_000, () => clock.now()),
    clock,
    defaultAuthPolicy,
    new SignInGuard(defaultGuardPolicy, () => guardClock.now()),
  );
  return { auth, clock, guardClock };
}

describe('auth service', () => {
  it('counts down free tries, then makes each try wait longer instead of locking the account', async () => {
    const { auth, guardClock } = await setup();
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await auth.login('zhang.wei', 'wrong', undefined, '10.0.0.5');
      if (!r.ok && r.failure.code === 'wrong_credentials') left.push(r.failure.triesBeforeWait);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await auth.login('zhang.wei', 'right', undefined, '10.0.0.5')).toMatchObject({
      ok: false,
      failure: { code: 'login_throttled', retryAfterMs: 30_000 },
    });
    guardClock.advance(30_001);
    expect(await auth.login('zhang.wei', 'wrong', undefined, '10.0.0.5')).toMatchObject({
      ok: false,
      failure: { code: 'wrong_credentials' },
    });
    expect(await auth.login('zhang.wei', 'right', undefined, '10.0.0.5')).toMatchObject({
      ok: false,
      failure: { code: 'login_throttled', retryAfterMs: 60_000 },
    });
    guardClock.advance(60_001);
    expect(await auth.login('zhang.wei', 'right', undefined, '10.0.0.5')).toMatchObject({ ok: true });
  });

  it('strangers guessing from many addresses do not lock the owner out at an address where they signed in before', async () => {
    const { auth } = await setup();
    expect(await auth.login('zhang.wei', 'right', undefined, '10.1.1.1')).toMatchObject({ ok: true });
    for (let i = 0; i < 12; i++) await auth.login('zhang.wei', 'wrong', undefined, `203.0.113.${i}`);
    // A new address is throttled by the name's own budget …
    expect(await auth.login('zhang.wei', 'right', undefined, '198.51.100.1')).toMatchObject({
      ok: false,
      failure: { code: 'login_throttled' },
    });
    // … the owner's known desk is not.
    expect(await auth.login('zhang.wei', 'right', undefined, '10.1.1.1')).toMatchObject({ ok: true });
  });

  it('rotates refresh tokens and ends the session when a used one is presented again after the grace for lost answers', async () => {
    const { auth, clock } = await setup();
    const login = await auth.login('zhang.wei', 'right', undefined);
    if (!login.ok) throw new Error('login failed');
    const first = await auth.refresh(login.tokens.refreshToken);
    expect(first.ok).toBe(true);
    clock.advance(61_000);
    expect(await auth.refresh(login.tokens.refreshToken)).toEqual({ ok: false, reason: 'reused' });
    // The thief's replay revoked the session: the legitimate newer token is dead too.
    if (!first.ok) throw new Error('unreachable');
    expect(await auth.refresh(first.tokens.refreshToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await auth.verifyAccess(first.tokens.accessToken)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers an unknown name exactly as a wrong password, so nobody can list the accounts', async () => {
    const { auth } = await setup();
    expect(await auth.login('nobody', 'x', undefined)).toEqual({
      ok: false,
      failure: { code: 'wrong_credentials', username: 'nobody', triesBeforeWait: 4, nextWaitMs: 30_000 },
    });
    expect(await auth.login('zhang.wei', 'x', undefined)).toEqual({
      ok: false,
      failure: { code: 'wrong_credentials', username: 'zhang.wei', triesBeforeWait: 4, nextWaitMs: 30_000 },
    });
  });
});
