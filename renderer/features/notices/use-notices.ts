import { useCallback, useEffect, useState } from 'react';
import type { BridgeCallName, BridgeParams, BridgeResult } from '../../../shared/bridge/contract.ts';
import { portico } from '../../bridge/portico.ts';

/** A core call with parameters, fetched again when they change or when core says `feature` changed. */
export function useCall<C extends BridgeCallName>(
  call: C,
  params: BridgeParams<C>,
  feature: string | readonly string[],
): { value: BridgeResult<C> | undefined; reload: () => void } {
  const [value, setValue] = useState<BridgeResult<C>>();
  const key = JSON.stringify(params);
  const features = JSON.stringify(typeof feature === 'string' ? [feature] : feature);
  const reload = useCallback(() => {
    void portico.call(call, JSON.parse(key) as BridgeParams<C>).then(setValue);
  }, [call, key]);
  useEffect(reload, [reload]);
  useEffect(
    () =>
      portico.on('data.changed', ({ features: changed }) => {
        const watched = JSON.parse(features) as string[];
        if (changed.some((f) => watched.includes(f))) reload();
      }),
    [reload, features],
  );
  return { value, reload };
}
