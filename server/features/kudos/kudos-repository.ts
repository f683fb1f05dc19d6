import type { Kudos } from '../../../shared/domain/kudos.ts';

export interface NewKudos {
  id: string;
  fromUserId: string;
  toUserId: string;
  message: string;
  at: number;
}

/**
 * Where kudos are kept, as the feature sees it: async, so an implementation on a networked
 * database (issue 23) fits the same service. SQLite's is `kudos-store.ts`; every implementation
 * passes `kudos-repository.contract.ts`.
 */
export interface KudosRepository {
  /** Stores the thanks and answers it as the wire shows it (with the giver's name). */
  insert(kudos: NewKudos): Promise<Kudos>;
  /** How many thanks this person gave after `after` (not at it: a day's limit frees a place exactly a day later). */
  sentAfter(fromUserId: string, after: number): Promise<number>;
  /** Thanks received per active person at or after `since` (people with none are left out). */
  countsSince(since: number): Promise<{ userId: string; count: number }[]>;
  /** The newest thanks this person received, newest first. */
  recentTo(toUserId: string, limit: number): Promise<Kudos[]>;
  /** Every thanks this person gave or received, oldest first (their copy of their data). */
  involving(userId: string): Promise<Kudos[]>;
}
