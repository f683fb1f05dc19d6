/**
 * What every KudosRepository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database with the people named in
 * `people`, and a way to disable one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KudosRepository } from './kudos-repository.ts';

export interface KudosRepositoryHarness {
  repository: KudosRepository;
  /** Display names by id, as the directory holds them. */
  people: Record<string, string>;
  disable(userId: string): Promise<void>;
  close(): Promise<void>;
}

export function describeKudosRepository(name: string, open: () => Promise<KudosRepositoryHarness>): void {
  describe(`KudosRepository on ${name}`, () => {
    let h: KudosRepositoryHarness;
    let n = 0;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());
    const [a, b, c] = ['u_k_a', 'u_k_b', 'u_k_c'] as const;
    const give = (fromUserId: string, toUserId: string, at: number, message = `thanks ${++n}`) =>
      h.repository.insert({ id: `k_${String(n).padStart(4, '0')}_${at}`, fromUserId, toUserId, message, at });

    it('stores thanks and answers them with the giver’s name, as the wire shows them', async () => {
      const stored = await give(a, b, 1_000, 'for the tender');
      expect(stored).toEqual({
        id: expect.any(String),
        fromUserId: a,
        fromName: h.people[a],
        toUserId: b,
        message: 'for the tender',
        at: 1_000,
      });
    });

    it('counts what a person gave strictly after a moment, so a day’s limit frees a place exactly a day later', async () => {
      await give(a, b, 1_000);
      await give(a, c, 2_000);
      await give(b, c, 3_000);
      expect(await h.repository.sentAfter(a, 999)).toBe(2);
      expect(await h.repository.sentAfter(a, 1_000)).toBe(1);
      expect(await h.repository.sentAfter(a, 2_000)).toBe(0);
      expect(await h.repository.sentAfter(c, 0)).toBe(0);
    });

    it('counts thanks received per active person since a moment (inclusive), leaving out people with none', async () => {
      await give(a, b, 1_000);
      await give(c, b, 2_000);
      await give(b, c, 500);
      const counts = await h.repository.countsSince(1_000);
      expect(counts.sort((x, y) => x.userId.localeCompare(y.userId))).toEqual([{ userId: b, count: 2 }]);
      await h.disable(b);
      expect(await h.repository.countsSince(0)).toEqual([{ userId: c, count: 1 }]);
    });

    it('lists a person’s newest thanks first, up to a limit', async () => {
      for (const at of [1_000, 3_000, 2_000, 4_000]) await give(a, c, at);
      expect((await h.repository.recentTo(c, 3)).map((k) => k.at)).toEqual([4_000, 3_000, 2_000]);
      expect(await h.repository.recentTo(a, 3)).toEqual([]);
    });

    it('gives a person every thanks they gave or received, oldest first, and nobody else’s', async () => {
      await give(a, b, 2_000, 'a to b');
      await give(c, a, 1_000, 'c to a');
      await give(b, c, 3_000, 'b to c');
      expect((await h.repository.involving(a)).map((k) => k.message)).toEqual(['c to a', 'a to b']);
    });
  });
}
