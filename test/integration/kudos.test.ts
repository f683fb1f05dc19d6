/**
 * Kudos, the feature added through the feature shape (issue 22): a person thanks a colleague from
 * their desktop, the colleague's desktop shows a toast with the words at once, and the thanks count
 * on the People page. Refusals come from the server with the shared schema's limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KUDOS_MESSAGE_MAX, KUDOS_PER_DAY_MAX } from '../../shared/domain/kudos.ts';
import { type ApprovalWorld, approvalWorld, id } from './approval-world.ts';
import { eventually } from './chat-world.ts';
import { signedInDesktop } from './desktop-client.ts';

describe('kudos: thanking a colleague', () => {
  let w: ApprovalWorld;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  it('reaches the thanked person at once as a toast, and counts on the People page', async () => {
    w = await approvalWorld();
    const zhang = await signedInDesktop(w.server.url, w.clock, 'zhang.wei', cleanups);
    const wang = await signedInDesktop(w.server.url, w.clock, 'wang.fang', cleanups);
    const before = (await zhang.core.handlers['kudos.counts']({}))!;
    expect(before.counts.find((c) => c.userId === id('zhang.wei'))).toBeUndefined();

    const words = 'Thank you for covering the tender call 🙏';
    expect(await wang.core.handlers['kudos.give']({ toUserId: id('zhang.wei'), message: `  ${words} ` })).toEqual({
      status: 'done',
    });
    await eventually(async () => zhang.toasts.some((t) => t.kind === 'kudos'), 5000, 'the toast');
    expect(zhang.toasts.filter((t) => t.kind === 'kudos')).toEqual([
      expect.objectContaining({ title: '王芳 thanked you', body: words, route: 'people', taskId: null }),
    ]);
    expect(wang.toasts.filter((t) => t.kind === 'kudos')).toEqual([]);

    const counts = (await zhang.core.handlers['kudos.counts']({}))!;
    expect(counts.counts.find((c) => c.userId === id('zhang.wei'))).toEqual({ userId: id('zhang.wei'), count: 1 });
    expect(counts.since).toBe(w.clock.now() - 30 * 24 * 3600_000);
    expect(await wang.core.handlers['kudos.recent']({ userId: id('zhang.wei') })).toEqual([
      expect.objectContaining({ fromUserId: id('wang.fang'), fromName: '王芳', toUserId: id('zhang.wei'), message: words }),
    ]);
    // The thanks are in the thanked person's log as a fact, once.
    expect(w.events('zhang.wei', 'kudos.received')).toHaveLength(1);
  });

  it('is refused for oneself, for someone unknown, past the message limit and past the day’s limit, with the reason', async () => {
    w = await approvalWorld();
    const wang = await signedInDesktop(w.server.url, w.clock, 'wang.fang', cleanups);
    const give = (toUserId: string, message = 'Thanks') => wang.core.handlers['kudos.give']({ toUserId, message });

    expect(await give(id('wang.fang'))).toMatchObject({ status: 'failed', code: 'invalid_params' });
    expect(await give('u_nobody_here')).toMatchObject({ status: 'failed', code: 'not_found' });
    expect(await give(id('zhang.wei'), 'x'.repeat(KUDOS_MESSAGE_MAX + 1))).toMatchObject({
      status: 'failed',
      code: 'invalid_params',
    });
    expect(await give(id('zhang.wei'), 'x'.repeat(KUDOS_MESSAGE_MAX))).toEqual({ status: 'done' });

    for (let n = 2; n <= KUDOS_PER_DAY_MAX; n += 1) expect(await give(id('li.na'), `Thanks ${n}`)).toEqual({ status: 'done' });
    expect(await give(id('li.na'), 'One too many')).toMatchObject({
      status: 'failed',
      code: 'too_soon',
      details: { limit: KUDOS_PER_DAY_MAX },
    });
    expect(w.events('li.na', 'kudos.received')).toHaveLength(KUDOS_PER_DAY_MAX - 1);

    // A minute short of a day the limit still holds; a day after the thanks, there is room again.
    w.clock.advance(24 * 3600_000 - 60_000);
    expect(await give(id('li.na'), 'Almost a day')).toMatchObject({ status: 'failed', code: 'too_soon' });
    w.clock.advance(60_000);
    expect(await give(id('li.na'), 'A new day')).toEqual({ status: 'done' });
    const counts = (await wang.core.handlers['kudos.counts']({}))!;
    expect(counts.counts.find((c) => c.userId === id('li.na'))?.count).toBe(KUDOS_PER_DAY_MAX);
  });
});
