/**
 * Client action ids with the answer their first run produced, written in the same unit of work as
 * the effect: a retry after a dropped socket finds the answer and changes nothing. Async, so an
 * implementation on a networked database (issue 23) fits; SQLite's is `action-journal-store.ts`,
 * and every implementation passes `action-journal.contract.ts`.
 */

export interface JournalEntry {
  method: string;
  response: string;
}

export interface ActionJournal {
  find(userId: string, actionId: string): Promise<JournalEntry | undefined>;
  /** Refuses a second answer for the same person's action id (the first one stands). */
  record(userId: string, actionId: string, method: string, response: string, at: number): Promise<void>;
  /** Forgets answers recorded before `before`; returns how many. */
  prune(before: number): Promise<number>;
}
