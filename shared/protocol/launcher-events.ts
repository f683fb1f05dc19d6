import { z } from 'zod';
import { EntityId } from '../domain/ids.ts';

/** What the launcher puts in a user's log. */
export const launcherEvents = [
  /** An admin changed the tool catalog: fetch it again (the catalog depends on who is asking). */
  z.object({ kind: z.literal('launcher.changed') }),
  /** This user's favourite tools, as they are now (changed on another device, too). */
  z.object({ kind: z.literal('launcher.favorites'), toolIds: z.array(EntityId).max(500) }),
] as const;
