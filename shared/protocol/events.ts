import { z } from 'zod';
import { approvalEvents } from './approval-events.ts';
import { attendanceEvents } from './attendance-events.ts';
import { briefEvents } from './brief-events.ts';
import { chatEvents } from './chat-events.ts';
import { kudosEvents } from './kudos-events.ts';
import { launcherEvents } from './launcher-events.ts';
import { noticeEvents } from './notice-events.ts';

/**
 * What can enter a user's event log, one file per feature. Each kind is a fact the client applies
 * to its cache; applying the same seq twice must never happen, so kinds carry state, not increments.
 */
export const UserEvent = z.discriminatedUnion('kind', [
  ...noticeEvents,
  ...approvalEvents,
  ...launcherEvents,
  ...chatEvents,
  ...briefEvents,
  ...attendanceEvents,
  ...kudosEvents,
]);
export type UserEvent = z.infer<typeof UserEvent>;
export type UserEventKind = UserEvent['kind'];
