import { z } from 'zod';
import { BRIEF_ITEM_MAX, BriefItem, DailyBrief } from '../domain/brief.ts';
import { EntityId } from '../domain/ids.ts';

/** The daily brief's methods. */
export const briefMethods = {
  'brief.today': { mutating: false, params: z.object({}), result: DailyBrief },
  'brief.addItem': {
    mutating: true,
    params: z.object({ text: z.string().trim().min(1).max(BRIEF_ITEM_MAX) }),
    result: BriefItem,
  },
  'brief.removeItem': { mutating: true, params: z.object({ itemId: EntityId }), result: z.object({ itemId: EntityId }) },
} as const;
