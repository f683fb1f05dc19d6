import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/features/domain-error.ts';
import { HOUR } from './approval-world.ts';
import { id, type NoticesWorld, noticesWorld } from './notices-world.ts';

const ids = (...usernames: string[]) => usernames.map(id).sort();
const SALES = ids('wang.fang', 'zhang.wei', 'liu.yang', 'sun.li', 'zhou.jie');
const FINANCE = ids('li.na', 'wu.hao', 'zheng.xin', 'ma.lin');

describe('who a notice reaches', () => {
  let w: NoticesWorld;
  beforeEach(async () => {
    w = await noticesWorld();
  });
  afterEach(() => w.close());

  it('reaches a department, a role, named people, and everyone active', async () => {
    const toSales = await w.publish('chen.jing', { audience: { departmentIds: ['d_sales'] } });
    expect(toSales).toMatchObject({ recipients: 5, status: 'live' });
    expect(w.reached(toSales.noticeId)).toEqual(SALES);

    const toFinanceRole = await w.publish('chen.jing', { audience: { roles: ['finance'] } });
    expect(w.reached(toFinanceRole.noticeId)).toEqual(ids('li.na', 'wu.hao', 'zheng.xin'));

    const toPeople = await w.publish('chen.jing', { audience: { userIds: [id('he.ping'), id('gao.jian')] } });
    expect(w.reached(toPeople.noticeId)).toEqual(ids('he.ping', 'gao.jian'));

    w.sql('UPDATE users SET disabled = 1 WHERE id = ?', id('xu.tao'));
    const toAll = await w.publish('chen.jing', { audience: { everyone: true } });
    expect(toAll.recipients).toBe(14);
    expect(w.reached(toAll.noticeId)).not.toContain(id('xu.tao'));
  });

  it('gives someone in several parts of a mixed audience the notice once', async () => {
    const mixed = await w.publish('chen.jing', {
      audience: { departmentIds: ['d_finance'], roles: ['finance', 'leader'], userIds: [id('li.na'), id('he.ping')] },
    });
    // Finance (4) + leaders outside it (gao.jian, wang.fang, zhao.lei) + he.ping; li.na matches all three ways.
    expect(w.reached(mixed.noticeId)).toEqual([...FINANCE, ...ids('gao.jian', 'wang.fang', 'zhao.lei', 'he.ping')].sort());
    expect(mixed.recipients).toBe(8);
    expect(w.noticeEvents('li.na', mixed.noticeId).filter((e) => e.kind === 'notice.published')).toHaveLength(1);
  });

  it('refuses an empty audience, unknown departments and people, and nobody left to reach', async () => {
    await expect(
      w.notices.publish(id('chen.jing'), { ...draft(), audience: { ...none(), departmentIds: ['d_nowhere'] } }),
    ).rejects.toThrow(/unknown department d_nowhere/);
    await expect(
      w.notices.publish(id('chen.jing'), { ...draft(), audience: { ...none(), userIds: ['u_ghost'] } }),
    ).rejects.toThrow(/unknown or disabled users: u_ghost/);
    await expect(
      w.notices.publish(id('chen.jing'), { ...draft(), audience: { ...none(), roles: ['publisher'] }, title: 'x' }),
    ).resolves.toBeDefined();
    w.sql("DELETE FROM user_roles WHERE role = 'finance'");
    await expect(w.notices.publish(id('chen.jing'), { ...draft(), audience: { ...none(), roles: ['finance'] } })).rejects.toThrow(
      /the audience has no active members/,
    );
  });

  it('delivers a live department notice to someone who joins it later; the one who left keeps theirs', async () => {
    const sales = await w.publish('chen.jing', { title: 'Sales kick-off', audience: { departmentIds: ['d_sales'] } });
    const withdrawn = await w.publish('chen.jing', { title: 'Old plan', audience: { departmentIds: ['d_sales'] } });
    await w.notices.withdraw(id('chen.jing'), withdrawn.noticeId);
    const expiring = await w.publish('chen.jing', {
      title: 'Expires soon',
      audience: { departmentIds: ['d_sales'] },
      expiresAt: w.clock.now() + HOUR,
    });
    await w.delivered();
    w.clock.advance(2 * HOUR);

    await w.directoryAdmin.update(id('he.ping'), { departmentId: 'd_sales' });
    await w.directoryAdmin.update(id('zhang.wei'), { departmentId: 'd_finance' });
    await w.delivered();

    expect(w.reached(sales.noticeId)).toEqual([...SALES, id('he.ping')].sort());
    expect(w.reached(withdrawn.noticeId)).not.toContain(id('he.ping'));
    expect(w.reached(expiring.noticeId)).not.toContain(id('he.ping'));
    // zhang.wei moved out but keeps the notice, counted where he sat when it arrived, like he.ping.
    expect((await w.notices.stats(id('chen.jing'), sales.noticeId)).departments).toEqual([
      expect.objectContaining({ departmentName: 'Sales', total: 6 }),
    ]);
    expect(await w.server.services.noticesModule.store.forRecipient(sales.noticeId, id('zhang.wei'))).not.toBeNull();
  });

  it('delivers role notices on a role change, and a new account starts with the onboarding notices', async () => {
    const leaders = await w.publish('chen.jing', { title: 'Leaders only', audience: { roles: ['leader'] } });
    await w.directoryAdmin.update(id('he.ping'), { roles: ['employee', 'leader'] });
    await w.delivered();
    expect(w.reached(leaders.noticeId)).toContain(id('he.ping'));

    const { userId } = await w.directoryAdmin.create({
      username: 'new.hire',
      displayName: '新同事',
      password: 'a-long-password',
      departmentId: 'd_sales',
      managerId: id('wang.fang'),
      roles: ['employee'],
    });
    await w.delivered();
    const published = w.server.services.log
      .readAfter(userId, 0, 100)
      .map((e) => e.event)
      .filter((e) => e.kind === 'notice.published');
    const titles = published.map((e) => [e.notice.title, e.onboarding]);
    expect(titles.slice(0, 2)).toEqual([
      ['Welcome to Portico', true],
      ['Getting started in five minutes', true],
    ]);
    // Then the live notices meant for everyone and for Sales, not the leaders' one.
    expect(titles.slice(2).map(([title]) => title)).toEqual(
      expect.arrayContaining(['Paper attendance forms stop on Monday', 'Q4 targets and incentive plan']),
    );
    expect(titles.map(([title]) => title)).not.toContain('Leaders only');
  });

  it('lets only HR, publishers and admins publish, and a publisher manage only their own', async () => {
    await expect(w.notices.publish(id('zhang.wei'), draft())).rejects.toThrow(DomainError);
    w.sql("INSERT INTO user_roles (user_id, role) VALUES (?, 'publisher')", id('he.ping'));
    const mine = await w.publish('he.ping', { audience: { everyone: true } });
    const hrs = await w.publish('chen.jing', { audience: { everyone: true } });
    await expect(w.notices.remind(id('he.ping'), hrs.noticeId)).rejects.toThrow(/not yours to manage/);
    await expect(w.notices.stats(id('zhang.wei'), mine.noticeId)).rejects.toThrow(/only HR, publishers and admins/);
    expect((await w.notices.stats(id('chen.jing'), mine.noticeId)).total).toBe(15);
    expect((await w.notices.published(id('he.ping'))).map((n) => n.id)).toEqual([mine.noticeId]);
  });
});

const none = () => ({ everyone: false, departmentIds: [], roles: [], userIds: [] });
const draft = () => ({
  title: 'Notice',
  body: '',
  priority: 'normal' as const,
  requiresAck: false,
  renotifyMinutes: null,
  pinned: false,
  audience: { ...none(), everyone: true },
  publishAt: null,
  expiresAt: null,
  attachmentIds: [],
});
