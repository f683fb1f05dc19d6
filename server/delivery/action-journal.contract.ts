/**
 * What every ActionJournal must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database with the people named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionJournal } from './action-journal.ts';

export interface ActionJournalHarness {
  journal: ActionJournal;
  people: { ana: string; ben: string };
  close(): Promise<void>;
}

export function describeActionJournal(name: string, open: () => Promise<ActionJournalHarness>): void {
  describe(`ActionJournal on ${name}`, () => {
    let h: ActionJournalHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('answers an action id with its first answer, per person, and refuses a second answer', async () => {
      const { ana, ben } = h.people;
      await h.journal.record(ana, 'a_1', 'notices.markRead', '{"readAt":5}', 1_000);
      expect(await h.journal.find(ana, 'a_1')).toEqual({ method: 'notices.markRead', response: '{"readAt":5}' });
      expect(await h.journal.find(ben, 'a_1')).toBeUndefined();
      await h.journal.record(ben, 'a_1', 'chat.send', '{}', 1_000);
      await expect(h.journal.record(ana, 'a_1', 'chat.send', '{}', 2_000)).rejects.toThrow();
      expect((await h.journal.find(ana, 'a_1'))?.method).toBe('notices.markRead');
    });

    it('forgets answers recorded before a moment, and says how many', async () => {
      const { ana } = h.people;
      await h.journal.record(ana, 'a_1', 'm', '1', 1_000);
      await h.journal.record(ana, 'a_2', 'm', '2', 2_000);
      await h.journal.record(ana, 'a_3', 'm', '3', 3_000);
      expect(await h.journal.prune(2_001)).toBe(2);
      expect(await h.journal.prune(2_001)).toBe(0);
      expect(await h.journal.find(ana, 'a_2')).toBeUndefined();
      expect(await h.journal.find(ana, 'a_3')).toEqual({ method: 'm', response: '3' });
    });
  });
}
