import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';
import type { BriefCache } from './brief-cache.ts';

/** The department's key items for a day, as they are now. */
export const briefAppliers = (brief: BriefCache) =>
  ({
    'brief.items': (event) => {
      brief.setItems(event.day, event.items);
      return 'brief';
    },
  }) satisfies Appliers<KindsOf<'brief'>>;
