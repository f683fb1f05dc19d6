import type { UserEvent, UserEventKind } from '../../../shared/protocol/events.ts';

/** What a change touched, so the window refreshes only those views. */
export type Feature = 'notices' | 'noticeStats' | 'approvals' | 'attendance' | 'launcher' | 'chat' | 'brief' | 'kudos';

export type EventOf<K extends UserEventKind> = Extract<UserEvent, { kind: K }>;

/** How a feature's cache takes each of its event kinds; answers which view changed. */
export type Appliers<K extends UserEventKind> = { [E in K]: (event: EventOf<E>) => Feature };

/** A feature's event kinds, by their prefix (`notice.published` is notices'). */
export type KindsOf<Prefix extends string> = Extract<UserEventKind, `${Prefix}.${string}`>;

/** The kinds some features' appliers take, together (keys of each, not only those all share). */
export type AppliedKinds<T> = T extends unknown ? keyof T : never;

/**
 * One table of every event kind's applier, from each feature's own. A kind two features take, or
 * one nobody takes, stops the cache from opening, with its name (ClientCache's type says the same
 * at compile time).
 */
export function applierTable(parts: readonly (readonly [string, object])[]): Appliers<UserEventKind> {
  const owners = new Map<string, string>();
  const table: Record<string, unknown> = {};
  for (const [feature, appliers] of parts) {
    for (const [kind, apply] of Object.entries(appliers)) {
      const owner = owners.get(kind);
      if (owner) throw new Error(`event ${kind} is applied by both ${owner} and ${feature}`);
      owners.set(kind, feature);
      table[kind] = apply;
    }
  }
  return table as Appliers<UserEventKind>;
}
