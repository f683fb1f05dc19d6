/**
 * What every BriefRepository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database holding the harness's
 * people and departments, and ways to add the notices the brief reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BriefRepository } from './brief-repository.ts';

export interface BriefRepositoryHarness {
  repository: BriefRepository;
  /** `lead` leads `d_sales` (Sales) where `ana` also works; `ben` is in `d_ops`, which nobody leads. */
  people: { lead: string; ana: string; ben: string };
  disable(userId: string): Promise<void>;
  /** A notice delivered to `userId`, in the given state. */
  notice(
    userId: string,
    n: { id: string; priority: 'normal' | 'important' | 'urgent'; requiresAck: boolean; publishedAt: number },
    state: { acked?: boolean; live?: boolean; expiresAt?: number | null; delivered?: boolean },
  ): Promise<void>;
  close(): Promise<void>;
}

export function describeBriefRepository(name: string, open: () => Promise<BriefRepositoryHarness>): void {
  describe(`BriefRepository on ${name}`, () => {
    let h: BriefRepositoryHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('keeps a department’s key items per day, oldest first, as the wire shows them', async () => {
      const { lead } = h.people;
      const first = await h.repository.add({
        id: 'b1',
        departmentId: 'd_sales',
        day: '2026-11-27',
        text: 'Tender',
        authorId: lead,
        createdAt: 2,
      });
      await h.repository.add({
        id: 'b0',
        departmentId: 'd_sales',
        day: '2026-11-27',
        text: 'Earlier',
        authorId: lead,
        createdAt: 1,
      });
      await h.repository.add({
        id: 'b2',
        departmentId: 'd_sales',
        day: '2026-11-28',
        text: 'Tomorrow',
        authorId: lead,
        createdAt: 3,
      });
      expect(first).toEqual({
        id: 'b1',
        day: '2026-11-27',
        text: 'Tender',
        authorName: 'Lead',
        departmentName: 'Sales',
        createdAt: 2,
      });
      expect((await h.repository.forDay('d_sales', '2026-11-27')).map((i) => i.id)).toEqual(['b0', 'b1']);
      expect(await h.repository.get('b1')).toMatchObject({ id: 'b1', authorId: lead, departmentId: 'd_sales' });
      await h.repository.remove('b1');
      expect(await h.repository.get('b1')).toBeNull();
      expect((await h.repository.forDay('d_sales', '2026-11-27')).map((i) => i.id)).toEqual(['b0']);
    });

    it('names a department’s active members and the department a person leads', async () => {
      const { lead, ana, ben } = h.people;
      expect((await h.repository.members('d_sales')).sort()).toEqual([lead, ana].sort());
      await h.disable(ana);
      expect(await h.repository.members('d_sales')).toEqual([lead]);
      expect(await h.repository.departmentLedBy(lead)).toBe('d_sales');
      expect(await h.repository.departmentLedBy(ben)).toBeNull();
    });

    it('lists the live notices a person still owes an acknowledgement, urgent first, then newest', async () => {
      const { ana } = h.people;
      const n = (id: string, priority: 'normal' | 'urgent', publishedAt: number, requiresAck = true) => ({
        id,
        priority,
        requiresAck,
        publishedAt,
      });
      await h.notice(ana, n('n_old', 'normal', 1), {});
      await h.notice(ana, n('n_new', 'normal', 5), {});
      await h.notice(ana, n('n_urgent', 'urgent', 2), {});
      await h.notice(ana, n('n_done', 'urgent', 6), { acked: true });
      await h.notice(ana, n('n_plain', 'normal', 7, false), {});
      await h.notice(ana, n('n_gone', 'normal', 8), { live: false });
      await h.notice(ana, n('n_expired', 'normal', 9), { expiresAt: 100 });
      await h.notice(ana, n('n_later', 'normal', 10), { expiresAt: 101 });
      await h.notice(ana, n('n_undelivered', 'normal', 11), { delivered: false });
      expect((await h.repository.unacknowledged(ana, 100)).map((r) => r.id)).toEqual(['n_urgent', 'n_later', 'n_new', 'n_old']);
      expect((await h.repository.unacknowledged(ana, 100))[0]).toEqual({ id: 'n_urgent', title: 'n_urgent', priority: 'urgent' });
    });
  });
}
