import { useMemo } from 'react';
import { useCoreView } from '../../app/use-bridge.ts';

/** Thanks received per person in the last 30 days, fetched again whenever someone is thanked. */
export function useKudosCounts(): ReadonlyMap<string, number> {
  const counts = useCoreView('kudos.counts', { refetchOn: 'kudos' });
  return useMemo(() => new Map((counts?.counts ?? []).map((c) => [c.userId, c.count])), [counts]);
}
