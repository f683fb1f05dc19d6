import type { Appliers, KindsOf } from '../../cache/event-appliers.ts';

/** Thanks are shown, not kept: the toast says it, and the People page fetches the counts again. */
export const kudosAppliers = () =>
  ({
    'kudos.received': () => 'kudos',
  }) satisfies Appliers<KindsOf<'kudos'>>;
