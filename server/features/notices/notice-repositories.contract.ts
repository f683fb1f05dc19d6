/**
 * What every notices repository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database holding the people of the
 * harness; the harness can disable a person and move a person's acknowledged log position.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Audience } from '../../../shared/domain/notices/index.ts';
import type { NewNotice, NoticeReachRepository, NoticeRepository, OnboardingRepository } from './notice-repositories.ts';

export interface NoticeRepositoriesHarness {
  notices: NoticeRepository;
  reach: NoticeReachRepository;
  onboarding: OnboardingRepository;
  /**
   * `hr` (role hr) publishes; `ana` and `ben` are in `d_sales` (Sales), `cai` in `d_ops` (Operations)
   * with the role leader. Display names are the keys capitalised.
   */
  people: { hr: string; ana: string; ben: string; cai: string };
  disable(userId: string): Promise<void>;
  /** The person's PC has acknowledged their log up to `seq`. */
  ackedThrough(userId: string, seq: number): Promise<void>;
  close(): Promise<void>;
}

const audience = (a: Partial<Audience>): Audience => Audience.parse(a);

export function describeNoticeRepositories(name: string, open: () => Promise<NoticeRepositoriesHarness>): void {
  describe(`notice repositories on ${name}`, () => {
    let h: NoticeRepositoriesHarness;
    let n = 0;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    const notice = async (extra: Partial<NewNotice> = {}): Promise<string> => {
      const id = extra.id ?? `n_${String(++n).padStart(3, '0')}`;
      await h.notices.insert({
        id,
        title: `Notice ${id}`,
        body: 'body',
        priority: 'normal',
        requiresAck: false,
        renotifyMinutes: null,
        pinned: false,
        audience: audience({ everyone: true }),
        status: 'live',
        publisherId: h.people.hr,
        createdAt: 1_000 + n,
        publishAt: null,
        expiresAt: null,
        publishedAt: 1_000 + n,
        ...extra,
      });
      return id;
    };
    /** Resolves the audience and delivers version 1 to everyone in it. */
    const delivered = async (id: string, a: Audience = audience({ everyone: true })) => {
      await h.notices.resolveRecipients(id, a);
      for (const o of await h.notices.owed(id, 1, 100)) await h.notices.markDelivered(id, o.userId, 1, 10);
    };

    it('keeps a notice as published, with its publisher’s name, at version 1 and no delivery pending', async () => {
      const id = await notice({ requiresAck: true, pinned: true, audience: audience({ departmentIds: ['d_sales'] }) });
      expect(await h.notices.get(id)).toMatchObject({
        id,
        title: `Notice ${id}`,
        requires_ack: 1,
        pinned: 1,
        publisher_id: h.people.hr,
        publisher_name: 'Hr',
        status: 'live',
        version: 1,
        attachments: '[]',
      });
      expect(await h.notices.get('n_none')).toBeNull();
      expect(await h.notices.fanoutPending()).toEqual([]);
    });

    it('resolves an audience to the active people it names, by department, role, person or everyone', async () => {
      const { hr, ana, ben, cai } = h.people;
      await h.disable(ben);
      const sales = await notice();
      expect(await h.notices.resolveRecipients(sales, audience({ departmentIds: ['d_sales'] }))).toBe(1);
      const leaders = await notice();
      expect(await h.notices.resolveRecipients(leaders, audience({ roles: ['leader'], userIds: [hr] }))).toBe(2);
      const all = await notice();
      expect(await h.notices.resolveRecipients(all, audience({ everyone: true }))).toBe(3);
      expect(await h.notices.owed(leaders, 1, 10)).toEqual([hr, cai].sort().map((userId) => ({ userId, version: 0 })));
      expect(await h.notices.audienceIncludes(audience({ departmentIds: ['d_sales'] }), ana)).toBe(true);
      expect(await h.notices.audienceIncludes(audience({ departmentIds: ['d_sales'] }), ben)).toBe(false);
      expect(await h.notices.audienceIncludes(audience({ roles: ['leader'] }), ana)).toBe(false);
    });

    it('adds a recipient once, never a disabled one, and says which onboarding recipients are among some people', async () => {
      const { ana, ben, cai } = h.people;
      const id = await notice();
      expect(await h.notices.addRecipient(id, ana, true)).toBe(true);
      expect(await h.notices.addRecipient(id, ana, false)).toBe(false);
      expect(await h.notices.addRecipient(id, ben, false)).toBe(true);
      await h.disable(cai);
      expect(await h.notices.addRecipient(id, cai, false)).toBe(false);
      expect(await h.notices.onboardingAmong(id, [ana, ben, cai])).toEqual([ana]);
      expect(await h.notices.onboardingAmong(id, [])).toEqual([]);
    });

    it('hands a notice to a recipient only once delivered and while live; reading and acknowledging count once', async () => {
      const { ana, ben } = h.people;
      const id = await notice({ requiresAck: true });
      await h.notices.resolveRecipients(id, audience({ departmentIds: ['d_sales'] }));
      expect(await h.notices.forRecipient(id, ana)).toBeNull();
      await h.notices.markDelivered(id, ana, 1, 7);
      expect(await h.notices.forRecipient(id, ana)).toMatchObject({ id, readAt: null, ackedAt: null, onboarding: false });
      expect(await h.notices.markRead(id, ana, 2_000)).toBe(true);
      expect(await h.notices.markRead(id, ana, 3_000)).toBe(false);
      expect(await h.notices.acknowledge(id, ana, 4_000)).toBe(true);
      expect(await h.notices.acknowledge(id, ana, 5_000)).toBe(false);
      expect(await h.notices.forRecipient(id, ana)).toMatchObject({ readAt: 2_000, ackedAt: 4_000 });
      // Acknowledging unread counts as reading it then.
      await h.notices.markDelivered(id, ben, 1, 8);
      await h.notices.acknowledge(id, ben, 6_000);
      expect(await h.notices.forRecipient(id, ben)).toMatchObject({ readAt: 6_000, ackedAt: 6_000 });
      expect(await h.notices.recentForUser(ana, 10)).toHaveLength(1);
      await h.notices.withdraw(id, 7_000);
      expect(await h.notices.forRecipient(id, ana)).toBeNull();
      expect(await h.notices.recentForUser(ana, 10)).toEqual([]);
      expect(await h.notices.receiptsOf(ana)).toEqual([
        {
          noticeId: id,
          title: `Notice ${id}`,
          status: 'withdrawn',
          publishedAt: expect.any(Number),
          readAt: 2_000,
          acknowledgedAt: 4_000,
          reminders: 0,
        },
      ]);
    });

    it('owes each recipient the current version until delivered, a chunk at a time, keeping the first seq', async () => {
      const { hr, ana, ben, cai } = h.people;
      const id = await notice();
      await h.notices.resolveRecipients(id, audience({ everyone: true }));
      const first = await h.notices.owed(id, 1, 2);
      expect(first).toHaveLength(2);
      for (const o of first) await h.notices.markDelivered(id, o.userId, 1, 5);
      const rest = await h.notices.owed(id, 1, 10);
      expect(rest.map((o) => o.userId).sort()).toEqual(
        [hr, ana, ben, cai].filter((u) => !first.some((o) => o.userId === u)).sort(),
      );
      for (const o of rest) await h.notices.markDelivered(id, o.userId, 1, 6);
      expect(await h.notices.owed(id, 1, 10)).toEqual([]);
      await h.notices.edit({
        noticeId: id,
        title: 'Edited',
        body: 'b',
        priority: 'important',
        requiresAck: false,
        renotifyMinutes: null,
        pinned: false,
        expiresAt: null,
        editedAt: 9_000,
      });
      expect(await h.notices.get(id)).toMatchObject({ version: 2, title: 'Edited', edited_at: 9_000 });
      expect(await h.notices.fanoutPending()).toEqual([id]);
      expect((await h.notices.owed(id, 2, 10)).map((o) => o.version)).toEqual([1, 1, 1, 1]);
      await h.notices.markDelivered(id, ana, 2, 99);
      await h.ackedThrough(ana, 5);
      const [anaRow] = (await h.reach.recipients(id)).filter((r) => r.user_id === ana);
      // The first delivery's seq stays: acknowledging the log up to it counts the notice delivered.
      expect(anaRow).toMatchObject({ delivered: 1 });
    });

    it('goes live on schedule exactly once, and lists only live, unexpired notices', async () => {
      const due = await notice({ status: 'scheduled', publishAt: 5_000 });
      const later = await notice({ status: 'scheduled', publishAt: 9_000 });
      const expiring = await notice({ expiresAt: 4_000 });
      expect(await h.notices.dueScheduled(5_000)).toEqual([due]);
      expect(await h.notices.goLive(due, 5_000)).toBe(true);
      expect(await h.notices.goLive(due, 5_001)).toBe(false);
      expect(await h.notices.get(due)).toMatchObject({ status: 'live', published_at: 5_000 });
      expect(await h.notices.fanoutPending()).toEqual([due]);
      await h.notices.setFanoutPending(due, false);
      expect(await h.notices.fanoutPending()).toEqual([]);
      expect((await h.notices.liveNotices(4_000)).map((r) => r.id)).toEqual([due]);
      expect((await h.notices.liveNotices(3_999)).map((r) => r.id).sort()).toEqual([due, expiring].sort());
      expect(later).toBeTruthy();
    });

    it('names who still owes a read (or an acknowledgement), and remembers reminders', async () => {
      const { ana, ben } = h.people;
      const plain = await notice();
      await delivered(plain, audience({ departmentIds: ['d_sales'] }));
      await h.notices.markRead(plain, ana, 2_000);
      expect(await h.notices.unfinished(plain)).toEqual([ben]);
      const ack = await notice({ requiresAck: true });
      await delivered(ack, audience({ departmentIds: ['d_sales'] }));
      await h.notices.markRead(ack, ana, 2_000);
      expect((await h.notices.unfinished(ack)).sort()).toEqual([ana, ben].sort());
      expect(await h.notices.lastReminded(ack)).toBeNull();
      await h.notices.recordReminder(ack, ben, 3_000);
      await h.notices.recordReminder(ack, ben, 4_000);
      expect(await h.notices.lastReminded(ack)).toBe(4_000);
      expect((await h.reach.recipients(ack)).find((r) => r.user_id === ben)).toMatchObject({
        reminded_at: 4_000,
        reminders: 2,
      });
    });

    it('lists a publisher’s own notices, or everyone’s, newest first, up to a limit', async () => {
      const a = await notice({ createdAt: 1 });
      const b = await notice({ createdAt: 3, publisherId: h.people.cai });
      const c = await notice({ createdAt: 2 });
      expect((await h.notices.published(null, 10)).map((r) => r.id)).toEqual([b, c, a]);
      expect((await h.notices.published(h.people.hr, 1)).map((r) => r.id)).toEqual([c]);
      await h.notices.setAttachments(a, [{ id: 'f_1', name: 'plan.pdf', size: 10, mediaType: 'application/pdf' }]);
      expect(JSON.parse((await h.notices.get(a))!.attachments)).toEqual([
        { id: 'f_1', name: 'plan.pdf', size: 10, mediaType: 'application/pdf' },
      ]);
    });

    it('counts reach per department from the recipients and their PCs’ acknowledged log positions', async () => {
      const { hr, ana, ben, cai } = h.people;
      const id = await notice({ requiresAck: true });
      await h.notices.resolveRecipients(id, audience({ departmentIds: ['d_sales', 'd_ops'] }));
      await h.notices.markDelivered(id, ana, 1, 3);
      await h.notices.markDelivered(id, ben, 1, 4);
      await h.notices.markDelivered(id, cai, 1, 2);
      await h.ackedThrough(ana, 3);
      await h.ackedThrough(ben, 3);
      await h.notices.acknowledge(id, cai, 5_000);
      expect(await h.reach.byDepartment(id)).toEqual([
        { department_id: 'd_ops', department_name: 'Operations', total: 1, delivered: 1, read: 1, acknowledged: 1 },
        { department_id: 'd_sales', department_name: 'Sales', total: 2, delivered: 1, read: 0, acknowledged: 0 },
      ]);
      expect((await h.reach.recipients(id)).map((r) => [r.name, r.username, r.delivered])).toEqual([
        ['Cai', 'cai', 1],
        ['Ana', 'ana', 1],
        ['Ben', 'ben', 0],
      ]);
      expect(hr).toBeTruthy();
    });

    it('keeps the onboarding list in order, once each, and refuses a notice that is not live', async () => {
      const a = await notice();
      const b = await notice();
      const draft = await notice({ status: 'scheduled', publishAt: 9_000 });
      await h.onboarding.replace([b, a, b]);
      expect(await h.onboarding.noticeIds()).toEqual([b, a]);
      await expect(h.onboarding.replace([a, draft])).rejects.toThrow(new RegExp(`notice ${draft} is not live`));
      expect(await h.onboarding.noticeIds()).toEqual([b, a]);
      await h.onboarding.replace([]);
      expect(await h.onboarding.noticeIds()).toEqual([]);
    });
  });
}
