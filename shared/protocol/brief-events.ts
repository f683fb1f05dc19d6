import { z } from 'zod';
import { IsoDate } from '../domain/attendance/index.ts';
import { BRIEF_ITEMS_MAX, BriefItem } from '../domain/brief.ts';
import { EntityId } from '../domain/ids.ts';

/** What the daily brief puts in a department's logs. */
export const briefEvents = [
  /** The key items of this user's department for `day`, as they are now; `added` names a new one and who added it. */
  z.object({
    kind: z.literal('brief.items'),
    day: IsoDate,
    items: z.array(BriefItem).max(BRIEF_ITEMS_MAX),
    added: z.object({ itemId: EntityId, by: EntityId }).nullable(),
  }),
] as const;
