import { useCallback, useEffect, useState } from 'react';
import type { MonthReport } from '../../../shared/domain/attendance/index.ts';
import { portico } from '../../bridge/portico.ts';

/** A month's report from core, fetched again whenever attendance data changes (a clock, a correction). */
export function useMonth(month: string): { report: MonthReport | null; loading: boolean } {
  const [state, setState] = useState<{ month: string; report: MonthReport | null } | null>(null);
  const load = useCallback(() => {
    void portico.call('attendance.month', { month }).then((report) => setState({ month, report }));
  }, [month]);
  useEffect(load, [load]);
  useEffect(
    () =>
      portico.on('data.changed', ({ features }) => {
        if (features.includes('attendance')) load();
      }),
    [load],
  );
  const current = state?.month === month ? state.report : null;
  return { report: current, loading: state?.month !== month };
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
