import { afterEach, describe, expect, it } from 'vitest';
import { BRIEF_ITEMS_MAX } from '../../shared/domain/brief.ts';
import { NoticeDraft } from '../../shared/domain/notices/index.ts';
import { type AttendanceWorld, at, attendanceWorld } from './attendance-world.ts';
import { eventually } from './chat-world.ts';
import { signedInDesktop } from './desktop-client.ts';
import { id } from './approval-world.ts';

describe('"Your day" is a live view, not the copy from the first sign-in', () => {
  let w: AttendanceWorld;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  async function desktop(username: string) {
    const { core, toasts } = await signedInDesktop(w.server.url, w.clock, username, cleanups);
    await eventually(async () => (await core.handlers['brief.get']({})) !== null, 5000, `${username}'s brief`);
    return { core, toasts, brief: async () => (await core.handlers['brief.get']({}))! };
  }

  it('follows clocking in and acknowledging at once, as the cards beside it do', async () => {
    w = await attendanceWorld(at('2026-11-23T08:40'));
    const { noticeId } = await w.server.services.notices.publish(
      id('chen.jing'),
      NoticeDraft.parse({ title: 'Badge photos', requiresAck: true, audience: { departmentIds: ['d_sales'] } }),
    );
    await w.server.services.noticesModule.fanout.drained();
    w.clock.set(at('2026-11-23T08:50'));
    const zhang = await desktop('zhang.wei');
    const first = await zhang.brief();
    expect(first.attendance?.firstIn).toBeNull();
    expect(first.requiredNotices.map((n) => n.id)).toContain(noticeId);
    const owed = first.requiredNoticesTotal;

    await zhang.core.handlers['attendance.clockNext']({});
    await eventually(async () => (await zhang.brief()).attendance?.firstIn === at('2026-11-23T08:50'), 5000, 'clocked in');

    await zhang.core.handlers['notices.acknowledge']({ noticeId });
    await eventually(async () => (await zhang.brief()).requiredNoticesTotal === owed - 1, 5000, 'acknowledged');
    expect((await zhang.brief()).requiredNotices.map((n) => n.id)).not.toContain(noticeId);
  });

  it('brings a supervisor’s key item to the department as it is added, with a toast, and keeps the card at the limit', async () => {
    w = await attendanceWorld(at('2026-11-23T08:50'));
    const zhang = await desktop('zhang.wei');
    const wang = await desktop('wang.fang');
    expect(await wang.core.handlers['brief.addItem']({ text: 'Tender documents due at 15:00' })).toMatchObject({
      status: 'done',
    });
    await eventually(
      async () => (await zhang.brief()).items.some((i) => i.text === 'Tender documents due at 15:00'),
      5000,
      'the item reached the department',
    );
    expect(zhang.toasts.find((t) => t.kind === 'brief' && t.body === 'Tender documents due at 15:00')).toMatchObject({
      title: 'Key item for today from 王芳',
    });
    expect(wang.toasts.filter((t) => t.body === 'Tender documents due at 15:00')).toEqual([]); // not to its author

    for (let n = 2; n <= BRIEF_ITEMS_MAX; n += 1) await wang.core.handlers['brief.addItem']({ text: `Item ${n}` });
    const refused = await wang.core.handlers['brief.addItem']({ text: 'One too many' });
    expect(refused).toMatchObject({ status: 'failed', code: 'conflict', details: { limit: BRIEF_ITEMS_MAX } });
    await eventually(async () => (await zhang.brief()).items.length === BRIEF_ITEMS_MAX, 5000, 'all twenty');
    expect((await zhang.brief()).items.map((i) => i.text)).not.toContain('One too many');
  });
});
