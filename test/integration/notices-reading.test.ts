import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToastView } from '../../shared/bridge/views.ts';
import type { PorticoCore } from '../../electron/core/portico-core.ts';
import { tempDir, testCore, waitFor } from './harness.ts';
import { id, type NoticesWorld, noticesWorld } from './notices-world.ts';

const MIN = 60_000;

describe('reading, acknowledging and urgent notices', () => {
  let w: NoticesWorld;
  const cleanups: (() => unknown)[] = [];
  beforeEach(async () => {
    w = await noticesWorld();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  /** A signed-in desktop core sharing the world's manual clock, with every toast it raises. */
  async function desktop(username: string) {
    const dir = tempDir('core');
    const core: PorticoCore = testCore(dir.dir, w.server.url, w.clock);
    const toasts: ToastView[] = [];
    core.events.on('toast', (toast) => toasts.push(toast));
    const signedIn = await core.handlers['session.signIn']({ serverUrl: w.server.url, username, password: 'portico-demo' });
    expect(signedIn).toEqual({ ok: true });
    cleanups.push(
      () => dir.remove(),
      () => core.stop(),
    );
    await waitFor(() => core.connectionView().state === 'online', 5000, `${username} online`);
    return { core, toasts, dir };
  }

  it('records an acknowledgement once, with the server’s time, and refuses what is not owed', async () => {
    const required = await w.publish('chen.jing', {
      title: 'Safety rules',
      requiresAck: true,
      audience: { departmentIds: ['d_sales'] },
    });
    const optional = await w.publish('chen.jing', { title: 'Canteen menu', audience: { departmentIds: ['d_sales'] } });
    w.clock.advance(3 * MIN);
    const first = await w.notices.acknowledge(id('liu.yang'), required.noticeId);
    expect(first).toEqual({ noticeId: required.noticeId, readAt: w.clock.now(), ackedAt: w.clock.now() });
    w.clock.advance(5 * MIN);
    expect(await w.notices.acknowledge(id('liu.yang'), required.noticeId)).toEqual(first);
    expect(w.noticeEvents('liu.yang', required.noticeId).filter((e) => e.kind === 'notice.acknowledged')).toHaveLength(1);

    await expect(w.notices.acknowledge(id('liu.yang'), optional.noticeId)).rejects.toThrow(/does not ask for an acknowledgement/);
    await expect(w.notices.acknowledge(id('li.na'), required.noticeId)).rejects.toThrow(/not addressed to you/);
    await w.notices.withdraw(id('chen.jing'), required.noticeId);
    await w.delivered();
    await expect(w.notices.acknowledge(id('sun.li'), required.noticeId)).rejects.toThrow(/not addressed to you/);
    expect(w.noticeEvents('sun.li', required.noticeId).map((e) => e.kind)).toEqual(['notice.published', 'notice.withdrawn']);
  });

  it('brings an urgent notice back every N minutes until acknowledged, through do-not-disturb; DND holds the rest', async () => {
    const { core, toasts } = await desktop('zhou.jie');
    const urgent = await w.publish('chen.jing', {
      title: 'Server room flooding: stay out of B1',
      priority: 'urgent',
      renotifyMinutes: 5,
      audience: { departmentIds: ['d_sales'] },
    });
    const urgentToasts = () => toasts.filter((t) => t.kind === 'notice.urgent');
    await waitFor(() => urgentToasts().length === 1, 5000, 'the urgent toast');
    expect(urgentToasts()[0]).toMatchObject({ urgent: true, route: `notices/${urgent.noticeId}` });
    expect(core.homeView().urgentNotices).toEqual([{ id: urgent.noticeId, title: 'Server room flooding: stay out of B1' }]);
    expect(core.trayModel().urgent).toBe(true);

    w.clock.advance(4 * MIN);
    core.minuteTick();
    expect(urgentToasts()).toHaveLength(1);
    w.clock.advance(1 * MIN);
    core.minuteTick();
    expect(urgentToasts()).toHaveLength(2);

    // Do not disturb for an hour: a normal notice stays quiet, the urgent one still comes back.
    await core.handlers['settings.setDoNotDisturb']({ until: w.clock.now() + 60 * MIN });
    await w.publish('chen.jing', { title: 'Parking lot repainting', audience: { departmentIds: ['d_sales'] } });
    await waitFor(() => core.homeView().unreadNotices >= 2, 5000, 'the normal notice in the cache');
    expect(toasts.filter((t) => t.kind === 'notice.new')).toHaveLength(0);
    w.clock.advance(5 * MIN);
    core.minuteTick();
    expect(urgentToasts()).toHaveLength(3);

    // Acknowledged: recorded on the server with its time, and the reminders stop.
    const outcome = await core.handlers['notices.acknowledge']({ noticeId: urgent.noticeId });
    expect(outcome.status).toBe('done');
    expect((await w.server.services.noticesModule.store.forRecipient(urgent.noticeId, id('zhou.jie')))?.ackedAt).toBe(
      w.clock.now(),
    );
    expect(core.trayModel().urgent).toBe(false);
    w.clock.advance(5 * MIN);
    core.minuteTick();
    expect(urgentToasts()).toHaveLength(3);
  });

  it('coalesces what arrived while away into one toast, and never toasts a notice read on another device', async () => {
    const laptop = await desktop('sun.li');
    const phone = await desktop('sun.li');
    const before = laptop.core.homeView().unreadNotices;
    laptop.core.stop();
    for (const title of ['Holiday schedule', 'New expense limits', 'Team lunch Friday', 'Printer moved to 3F']) {
      await w.publish('chen.jing', { title, audience: { departmentIds: ['d_sales'] } });
    }
    const readElsewhere = await w.publish('chen.jing', { title: 'Read on the phone', audience: { userIds: [id('sun.li')] } });
    await waitFor(() => phone.core.homeView().unreadNotices === before + 5, 5000, 'the phone has them');
    expect((await phone.core.handlers['notices.markRead']({ noticeId: readElsewhere.noticeId })).status).toBe('done');
    laptop.toasts.length = 0;

    await laptop.core.start();
    await waitFor(() => laptop.core.homeView().unreadNotices === before + 4, 5000, 'the laptop caught up');
    await waitFor(() => laptop.toasts.some((t) => t.kind === 'notice.new'), 5000, 'the coalesced toast');
    const noticeToasts = laptop.toasts.filter((t) => t.kind === 'notice.new');
    expect(noticeToasts).toHaveLength(1);
    expect(noticeToasts[0]!.title).toBe('4 new notices');
    expect(noticeToasts[0]!.body).not.toContain('Read on the phone');
  });
});
