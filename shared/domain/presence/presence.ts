import { z } from 'zod';
import { EntityId, Instant } from '../ids.ts';

/** What others see. `ooo` beats everything (the proxy matters most); `offline` beats the manual states. */
export const PresenceState = z.enum(['online', 'away', 'busy', 'dnd', 'meeting', 'ooo', 'offline']);
export type PresenceState = z.infer<typeof PresenceState>;

/** What a user sets by hand; `auto` means online or away, from their activity. */
export const ManualPresence = z.enum(['auto', 'busy', 'dnd', 'meeting']);
export type ManualPresence = z.infer<typeof ManualPresence>;

export const STATUS_TEXT_MAX = 100;
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** Do not disturb every chosen weekday between two times on the site's clock (may cross midnight). */
export const DndSchedule = z.object({
  from: ClockTime,
  to: ClockTime,
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});
export type DndSchedule = z.infer<typeof DndSchedule>;

export const PresenceSettings = z.object({
  manual: ManualPresence,
  /** When the manual state ends by itself (a meeting until 15:00); null: until changed. */
  manualUntil: Instant.nullable(),
  statusText: z.string().trim().max(STATUS_TEXT_MAX).nullable(),
  schedule: DndSchedule.nullable(),
});
export type PresenceSettings = z.infer<typeof PresenceSettings>;

export const PresenceView = z.object({
  userId: EntityId,
  state: PresenceState,
  statusText: z.string().max(STATUS_TEXT_MAX).nullable(),
  /** When this state is expected to end: back from leave, end of a meeting or of a quiet period. */
  until: Instant.nullable(),
  /** Out of office: who acts for them. */
  proxy: z.object({ id: EntityId, name: z.string().max(128) }).nullable(),
  since: Instant,
  /** Offline: when they were last connected (null: not since the server started). */
  lastSeenAt: Instant.nullable(),
});
export type PresenceView = z.infer<typeof PresenceView>;

export const LeaderPresence = z.object({
  id: EntityId,
  name: z.string().max(128),
  relation: z.enum(['manager', 'departmentLeader', 'executive']),
  departmentName: z.string().max(128).nullable(),
  presence: PresenceView,
});
export type LeaderPresence = z.infer<typeof LeaderPresence>;

/** States in which a person can be reached now, for sorting strips and pickers. */
export function isReachable(state: PresenceState): boolean {
  return state === 'online' || state === 'busy' || state === 'meeting';
}
