import { useEffect, useState } from 'react';

/** The time for display ("until 15:00", "5 minutes ago"), refreshed every `everyMs`; render stays pure. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
