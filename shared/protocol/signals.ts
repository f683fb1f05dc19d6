import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids.ts';
import { PresenceView } from '../domain/presence/index.ts';

/**
 * Signals are the moment's state, never stored and never replayed: a typing indicator or a presence
 * change missed while offline is worthless, and the next `presence.watch` answers the state as it is.
 */
export const Signal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chat.typing'),
    conversationId: EntityId,
    userId: EntityId,
    name: z.string().max(128),
    at: Instant,
  }),
  z.object({ kind: z.literal('presence'), presence: PresenceView }),
]);
export type Signal = z.infer<typeof Signal>;
