import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMIND_COOLDOWN_MS } from '../../shared/domain/notices/index.ts';
import { HOUR } from './approval-world.ts';
import { id, type NoticesWorld, noticesWorld } from './notices-world.ts';

describe('the publisher’s side', () => {
  let w: NoticesWorld;
  beforeEach(async () => {
    w = await noticesWorld();
  });
  afterEach(() => w.close());

  const hr = () => id('chen.jing');

  it('counts read and acknowledged per department, lists who has not, and reminds only them', async () => {
    const { noticeId } = await w.publish('chen.jing', {
      title: 'New travel policy',
      requiresAck: true,
      audience: { departmentIds: ['d_sales', 'd_finance'] },
    });
    await w.notices.markRead(id('zhang.wei'), noticeId);
    await w.notices.acknowledge(id('liu.yang'), noticeId);
    await w.notices.acknowledge(id('ma.lin'), noticeId);
    const stats = await w.notices.stats(hr(), noticeId);
    expect(stats).toMatchObject({ total: 9, read: 3, acknowledged: 2, requiresAck: true });
    expect(stats.departments.map((d) => [d.departmentName, d.total, d.read, d.acknowledged])).toEqual([
      ['Finance', 4, 1, 1],
      ['Sales', 5, 2, 1],
    ]);
    // zhang.wei read it but has not acknowledged: still owed.
    const stragglers = await w.notices.stragglers(hr(), noticeId);
    expect(stragglers.map((s) => s.userId).sort()).toEqual(
      ['wang.fang', 'zhang.wei', 'sun.li', 'zhou.jie', 'li.na', 'wu.hao', 'zheng.xin'].map(id).sort(),
    );
    expect(stragglers.find((s) => s.userId === id('zhang.wei'))?.readAt).not.toBeNull();

    expect(await w.notices.remind(hr(), noticeId)).toEqual({ noticeId, reminded: 7 });
    const remindedUsers = ['liu.yang', 'ma.lin', 'zhang.wei', 'li.na'].map(
      (u) => w.noticeEvents(u, noticeId).filter((e) => e.kind === 'notice.reminded').length,
    );
    expect(remindedUsers).toEqual([0, 0, 1, 1]);
    await expect(w.notices.remind(hr(), noticeId)).rejects.toThrow(/reminded a few minutes ago/);
    w.clock.advance(REMIND_COOLDOWN_MS);
    await w.notices.acknowledge(id('li.na'), noticeId);
    expect((await w.notices.remind(hr(), noticeId)).reminded).toBe(6);
  });

  it('exports every recipient as CSV with a byte-order mark, in Chinese on request, formulas made inert', async () => {
    w.sql('UPDATE users SET display_name = \'=HYPERLINK("http://evil")\' WHERE id = ?', id('zhou.jie'));
    const { noticeId } = await w.publish('chen.jing', { title: 'Q4 plan', audience: { departmentIds: ['d_sales'] } });
    await w.notices.markRead(id('sun.li'), noticeId);
    const { csv, fileName } = await w.notices.exportCsv(hr(), noticeId, 'zh-CN');
    expect(fileName).toMatch(/^Q4 plan - .+\.csv$/);
    expect(csv.startsWith('\uFEFF姓名,账号,部门,已送达,阅读时间,确认时间,提醒次数\n')).toBe(true);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('sun.li'))).toMatch(/^孙丽,sun\.li,Sales,是,2026-11-23 10:00:00,,0$/);
    expect(lines.find((l) => l.includes('zhou.jie'))).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('publishes at the set time, marks edits, hides expired and withdrawn notices', async () => {
    const scheduled = await w.publish('chen.jing', {
      title: 'Office closed on Friday',
      audience: { everyone: true },
      publishAt: w.clock.now() + 2 * HOUR,
      expiresAt: w.clock.now() + 30 * HOUR,
    });
    expect(scheduled).toMatchObject({ status: 'scheduled', recipients: 0 });
    expect(w.reached(scheduled.noticeId)).toEqual([]);
    w.clock.advance(HOUR);
    expect(await w.notices.publishDue()).toEqual([]);
    w.clock.advance(HOUR);
    expect(await w.notices.publishDue()).toEqual([scheduled.noticeId]);
    await w.delivered();
    expect(w.reached(scheduled.noticeId)).toHaveLength(15);
    const published = w.noticeEvents('he.ping', scheduled.noticeId)[0];
    expect(published).toMatchObject({ kind: 'notice.published', notice: { publishedAt: w.clock.now(), editedAt: null } });

    w.clock.advance(10 * 60_000);
    await w.notices.edit(hr(), {
      noticeId: scheduled.noticeId,
      title: 'Office closed on Friday afternoon',
      body: 'From 13:00.',
      priority: 'important',
      requiresAck: false,
      renotifyMinutes: null,
      pinned: true,
      expiresAt: w.clock.now() + 28 * HOUR,
    });
    await w.delivered();
    const updated = w.noticeEvents('he.ping', scheduled.noticeId).at(-1);
    if (updated?.kind !== 'notice.updated') throw new Error('expected notice.updated last');
    expect(updated).toMatchObject({
      kind: 'notice.updated',
      notice: { title: 'Office closed on Friday afternoon', pinned: true, editedAt: w.clock.now() },
    });
    await expect(
      w.notices.publish(hr(), {
        title: 'Too late',
        body: '',
        priority: 'normal',
        requiresAck: false,
        renotifyMinutes: null,
        pinned: false,
        audience: { everyone: true, departmentIds: [], roles: [], userIds: [] },
        publishAt: null,
        expiresAt: w.clock.now() - 1,
        attachmentIds: [],
      }),
    ).rejects.toThrow(/expire before it is published/);

    await w.notices.withdraw(hr(), scheduled.noticeId);
    await w.delivered();
    expect(w.noticeEvents('he.ping', scheduled.noticeId).at(-1)).toEqual({
      kind: 'notice.withdrawn',
      noticeId: scheduled.noticeId,
    });
    expect((await w.server.services.noticesModule.store.recentForUser(id('he.ping'), 500)).map((n) => n.id)).not.toContain(
      scheduled.noticeId,
    );
    await expect(w.notices.edit(hr(), { ...updated.notice, noticeId: scheduled.noticeId, expiresAt: null })).rejects.toThrow(
      /withdrawn notice cannot be edited/,
    );
  });

  it('pushes the publisher live numbers, coalesced, and only when they change', async () => {
    const { noticeId } = await w.publish('chen.jing', {
      title: 'Fire drill',
      requiresAck: true,
      audience: { departmentIds: ['d_finance'] },
    });
    const feed = w.server.services.noticesModule.feed;
    const statsEvents = () =>
      w.events('chen.jing').flatMap((e) => (e.kind === 'notice.stats' && e.stats.noticeId === noticeId ? [e] : []));
    await feed.flush();
    const baseline = statsEvents().length;
    expect(baseline).toBeGreaterThanOrEqual(1);
    for (const u of ['li.na', 'wu.hao', 'zheng.xin']) await w.notices.acknowledge(id(u), noticeId);
    expect(await feed.flush()).toBe(1);
    expect(statsEvents()).toHaveLength(baseline + 1);
    expect(statsEvents().at(-1)).toMatchObject({ stats: { total: 4, acknowledged: 3, read: 3 } });
    expect(await feed.flush()).toBe(0);
    expect(statsEvents()).toHaveLength(baseline + 1);
  });

  it('paces the timer’s flushes by their cost, so counting big audiences cannot take over the server', async () => {
    await w.publish('chen.jing', { title: 'Canteen closed', audience: { everyone: true } });
    const feed = w.server.services.noticesModule.feed;
    // The module's own timer may have just flushed: wait for the pacing to allow one (how long that
    // takes depends on this machine's load, so the test waits for the state instead of a fixed 100 ms).
    const allowed = async () => {
      const deadline = Date.now() + 5000;
      while (!(await feed.pacedFlush())) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return true;
    };
    expect(await allowed()).toBe(true);
    // Right after: the last flush's cost (times nine) has not passed yet.
    expect(await feed.pacedFlush()).toBe(false);
    expect(await allowed()).toBe(true);
  });
});
