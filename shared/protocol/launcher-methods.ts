import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids.ts';
import { CatalogEntry, LaunchSource } from '../domain/launcher/index.ts';

/** The launcher's methods. */
export const launcherMethods = {
  /** The tools this user may launch, with their favourites and how often they used each. */
  'launcher.catalog': { mutating: false, params: z.object({}), result: z.array(CatalogEntry) },
  'launcher.setFavorite': {
    mutating: true,
    params: z.object({ toolId: EntityId, favorite: z.boolean() }),
    result: z.object({ toolIds: z.array(EntityId) }),
  },
  /** A launch, for recents and the adoption view; queued offline and recorded once, dated when it happened. */
  'launcher.used': {
    mutating: true,
    params: z.object({ toolId: EntityId, at: Instant, source: LaunchSource }),
    result: z.object({ toolId: EntityId }),
  },
} as const;
