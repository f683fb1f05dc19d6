import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInDesktop } from './desktop-client.ts';
import { waitFor } from './harness.ts';
import { id, type NoticesWorld, noticesWorld } from './notices-world.ts';

describe('a notice’s reach: every number from one read, and a first sync counts as delivery', () => {
  let w: NoticesWorld;
  const cleanups: (() => unknown)[] = [];
  beforeEach(async () => {
    w = await noticesWorld();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await w.close();
  });

  const desktop = async (username: string) => (await signedInDesktop(w.server.url, w.clock, username, cleanups)).core;

  /** The CSV as HR opens it: a header row, then one row per recipient (no field here holds a comma or quote). */
  const csvRows = async (noticeId: string): Promise<Record<string, string>[]> => {
    const [header, ...lines] = (await w.notices.exportCsv(id('chen.jing'), noticeId, 'en')).csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
  };

  it('counts the notice delivered to someone whose first sync brought it, the publisher included', async () => {
    const { noticeId } = await w.publish('chen.jing', {
      title: 'Office move',
      requiresAck: true,
      audience: { departmentIds: ['d_admin'] },
    });
    // Both sign in after it was published: it reaches them in their first snapshot, not as a live event.
    const publisher = await desktop('chen.jing');
    await desktop('he.ping');
    expect((await publisher.handlers['notices.list']({ filter: 'all', query: '' })).map((n) => n.id)).toContain(noticeId);
    const deliveredTo = async () =>
      (await w.notices.reach(id('chen.jing'), noticeId)).stragglers
        .filter((s) => s.delivered)
        .map((s) => s.name)
        .sort();
    await waitFor(async () => (await deliveredTo()).length === 2, 5000, 'both first syncs count as delivered');
    expect(await deliveredTo()).toEqual(['何平', '陈静']);
  });

  it('agrees with itself: headline, department meters, stragglers and the CSV', async () => {
    const { noticeId } = await w.publish('chen.jing', {
      title: 'Fire drill',
      requiresAck: true,
      audience: { departmentIds: ['d_admin', 'd_sales'] },
    });
    await desktop('zhang.wei');
    await desktop('he.ping');
    await w.notices.acknowledge(id('liu.yang'), noticeId);
    await w.notices.markRead(id('sun.li'), noticeId);
    await waitFor(
      async () => (await w.notices.reach(id('chen.jing'), noticeId)).stats.delivered >= 4,
      5000,
      'two first syncs and two reads delivered',
    );
    const page = await (await desktop('chen.jing')).handlers['notices.reach']({ noticeId });
    const { stats, stragglers } = page!;
    const rows = await csvRows(noticeId);
    expect(stats.total).toBe(rows.length);
    expect(stats.delivered).toBe(rows.filter((r) => r['Delivered'] === 'yes').length);
    expect(stats.read).toBe(rows.filter((r) => r['Read at'] !== '').length);
    expect(stats.acknowledged).toBe(rows.filter((r) => r['Acknowledged at'] !== '').length);
    expect(stats.total - stats.acknowledged).toBe(stragglers.length);
    expect(stats.delivered).toBe(stats.departments.reduce((n, d) => n + d.delivered, 0));
    expect(stragglers.filter((s) => s.delivered).length).toBe(
      stats.delivered - rows.filter((r) => r['Acknowledged at'] !== '' && r['Delivered'] === 'yes').length,
    );
    expect(stats.departments.map((d) => [d.departmentName, d.total])).toEqual([
      ['Administration & HR', 5],
      ['Sales', 5],
    ]);
  });
});
