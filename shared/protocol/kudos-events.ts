import { z } from 'zod';
import { Kudos } from '../domain/kudos.ts';

/** What thanking puts in the thanked person's log. */
export const kudosEvents = [
  /** Someone thanked this user. */
  z.object({ kind: z.literal('kudos.received'), kudos: Kudos }),
] as const;
