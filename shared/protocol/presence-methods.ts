import { z } from 'zod';
import { EntityId } from '../domain/ids.ts';
import { LeaderPresence, PresenceSettings, PresenceView } from '../domain/presence/index.ts';

/** How many people one socket may watch the presence of. */
export const PRESENCE_WATCH_MAX = 1000;

/** Presence's methods (spread into the protocol's method table); its changes travel as signals, not events. */
export const presenceMethods = {
  /** This device's activity: idle (or locked) or active. Not stored; the socket's state. */
  'presence.report': { mutating: false, params: z.object({ idle: z.boolean() }), result: z.object({ ok: z.literal(true) }) },
  /** Replaces the set of people this socket follows; answers their presence now, changes follow as signals. */
  'presence.watch': {
    mutating: false,
    params: z.object({ userIds: z.array(EntityId).max(PRESENCE_WATCH_MAX) }),
    result: z.array(PresenceView),
  },
  'presence.mine': { mutating: false, params: z.object({}), result: PresenceSettings },
  'presence.set': { mutating: true, params: PresenceSettings, result: PresenceSettings },
  /** This user's manager, department head and the executives above, with their presence. */
  'presence.leaders': { mutating: false, params: z.object({}), result: z.array(LeaderPresence) },
} as const;
