import { z } from 'zod';
import { DayReport, IsoDate } from './attendance/index.ts';
import { EntityId, Instant } from './ids.ts';
import { NoticePriority } from './notices/notice.ts';

export const BRIEF_ITEM_MAX = 280;
/** Key items one department's day holds: the server refuses the next one, the card shows them all. */
export const BRIEF_ITEMS_MAX = 20;

/** A key item a supervisor marked for their department's day. */
export const BriefItem = z.object({
  id: EntityId,
  day: IsoDate,
  text: z.string().min(1).max(BRIEF_ITEM_MAX),
  authorName: z.string().max(128),
  departmentName: z.string().max(128).nullable(),
  createdAt: Instant,
});
export type BriefItem = z.infer<typeof BriefItem>;

export const LeaderAvailability = z.object({
  id: EntityId,
  name: z.string().max(128),
  relation: z.enum(['manager', 'departmentLeader']),
  /** Connected from at least one device right now. */
  online: z.boolean(),
  outOfOffice: z
    .object({ until: Instant, proxyName: z.string().max(128).nullable(), note: z.string().max(200).nullable() })
    .nullable(),
});
export type LeaderAvailability = z.infer<typeof LeaderAvailability>;

/** One card at the start of a workday: what waits, what is required, how the day started, who is around. */
export const DailyBrief = z.object({
  day: IsoDate,
  generatedAt: Instant,
  pendingApprovals: z.object({ count: z.number().int().nonnegative(), oldestSubmittedAt: Instant.nullable() }),
  requiredNotices: z.array(z.object({ id: EntityId, title: z.string().max(200), priority: NoticePriority })).max(20),
  requiredNoticesTotal: z.number().int().nonnegative(),
  attendance: DayReport.nullable(),
  leaders: z.array(LeaderAvailability).max(5),
  items: z.array(BriefItem).max(BRIEF_ITEMS_MAX),
});
export type DailyBrief = z.infer<typeof DailyBrief>;
