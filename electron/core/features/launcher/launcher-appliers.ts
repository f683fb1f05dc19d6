import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { LauncherCache } from './launcher-cache.ts';

/** Launcher events: the catalog to fetch again, favourites as they are now. */
export const launcherAppliers = (launcher: LauncherCache) =>
  ({
    'launcher.changed': () => {
      launcher.markStale();
      return 'launcher';
    },
    'launcher.favorites': (event) => {
      launcher.setFavorites(event.toolIds);
      return 'launcher';
    },
  }) satisfies Appliers<KindsOf<'launcher'>>;
