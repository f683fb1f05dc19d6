import { z } from 'zod';
import { EntityId } from '../domain/ids.ts';
import { KUDOS_RECENT_MAX, Kudos, KudosCounts, KudosMessage } from '../domain/kudos.ts';

/** Thanking a colleague. */
export const kudosMethods = {
  'kudos.give': { mutating: true, params: z.object({ toUserId: EntityId, message: KudosMessage }), result: Kudos },
  'kudos.counts': { mutating: false, params: z.object({}), result: KudosCounts },
  'kudos.recent': {
    mutating: false,
    params: z.object({ userId: EntityId }),
    result: z.object({ kudos: z.array(Kudos).max(KUDOS_RECENT_MAX) }),
  },
} as const;
