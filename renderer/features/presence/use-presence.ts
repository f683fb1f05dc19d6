import { useEffect, useState } from 'react';
import type { PresenceView } from '../../../shared/domain/presence/index.ts';
import { portico } from '../../bridge/portico.ts';

/**
 * One store for the whole window: every component says whose presence it shows; the union is sent
 * to core (debounced), and changes pushed by core reach every component showing that person.
 */
const known = new Map<string, PresenceView>();
const interest = new Map<symbol, readonly string[]>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let subscribed = false;

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  portico.on('presence.changed', ({ presences }) => {
    for (const p of presences) known.set(p.userId, p);
    notify();
  });
}

function sendInterest(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const ids = [...new Set([...interest.values()].flat())].slice(0, 300);
    void portico.call('presence.watch', { userIds: ids }).then((views) => {
      for (const p of views) known.set(p.userId, p);
      notify();
    });
  }, 50);
}

/** The presence of these people, live; `undefined` until core has heard. */
export function usePresence(userIds: readonly string[]): ReadonlyMap<string, PresenceView> {
  const [, setVersion] = useState(0);
  const key = userIds.join(',');
  useEffect(() => {
    subscribe();
    const token = Symbol('presence');
    interest.set(token, key ? key.split(',') : []);
    sendInterest();
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => {
      interest.delete(token);
      listeners.delete(listener);
      sendInterest();
    };
  }, [key]);
  return known;
}
