import { useCallback, useEffect, useState } from 'react';
import type { BridgeCallName, BridgeEventName, BridgeEventPayload, BridgeResult } from '../../shared/bridge/contract.ts';
import { portico } from '../bridge/portico.ts';

/** Subscribes to a core event for the component's lifetime. */
export function useBridgeEvent<E extends BridgeEventName>(event: E, listener: (payload: BridgeEventPayload<E>) => void): void {
  useEffect(() => portico.on(event, listener), [event, listener]);
}

type NoParamCall = {
  [C in BridgeCallName]: Record<string, never> extends Parameters<typeof portico.call<C>>[1] ? C : never;
}[BridgeCallName];

/**
 * A view of core state: fetched once, fetched again when core says its feature changed, and
 * replaced outright when core pushes the view itself.
 */
export function useCoreView<C extends NoParamCall>(
  call: C,
  options: { refetchOn?: string; pushedBy?: BridgeEventName; refetchOnEvent?: BridgeEventName } = {},
): BridgeResult<C> | undefined {
  const [value, setValue] = useState<BridgeResult<C>>();
  const load = useCallback(() => {
    void portico.call(call, {} as never).then(setValue);
  }, [call]);
  useEffect(load, [load]);
  useEffect(
    () =>
      portico.on('data.changed', ({ features }) => {
        if (options.refetchOn && (features as string[]).includes(options.refetchOn)) load();
      }),
    [load, options.refetchOn],
  );
  useEffect(() => {
    if (!options.pushedBy) return;
    return portico.on(options.pushedBy, (payload) => setValue(payload as BridgeResult<C>));
  }, [options.pushedBy]);
  useEffect(
    () => (options.refetchOnEvent ? portico.on(options.refetchOnEvent, load) : undefined),
    [load, options.refetchOnEvent],
  );
  useEffect(() => portico.on('session.changed', load), [load]);
  return value;
}
