import type { BriefItem } from '../../../shared/domain/brief.ts';

/**
 * What the daily brief reads and keeps, as the feature sees it: async, so an implementation on a
 * networked database (issue 23) fits the same service. SQLite's is `brief-store.ts`; every
 * implementation passes `brief-repository.contract.ts`.
 */

export interface NewBriefItem {
  id: string;
  departmentId: string;
  day: string;
  text: string;
  authorId: string;
  createdAt: number;
}

export type StoredBriefItem = BriefItem & { authorId: string; departmentId: string };

export interface RequiredNotice {
  id: string;
  title: string;
  priority: 'normal' | 'important' | 'urgent';
}

export interface BriefRepository {
  /** Stores a key item and answers it as the wire shows it (with the author's and department's names). */
  add(item: NewBriefItem): Promise<BriefItem>;
  get(itemId: string): Promise<StoredBriefItem | null>;
  /** Who a department's key items reach: its active members. */
  members(departmentId: string): Promise<string[]>;
  /** A department's key items for a day, oldest first. */
  forDay(departmentId: string, day: string): Promise<BriefItem[]>;
  remove(itemId: string): Promise<void>;
  /** The department this person leads, if any (the first by name). */
  departmentLedBy(userId: string): Promise<string | null>;
  /** Live, unexpired notices asking this person for an acknowledgement they have not given: urgent first, newest first. */
  unacknowledged(userId: string, now: number): Promise<RequiredNotice[]>;
}
