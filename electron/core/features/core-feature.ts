import type { TFunction } from 'i18next';
import type { BridgeCallName, BridgeHandlers } from '../../../shared/bridge/contract.ts';
import type { Language, ToastView } from '../../../shared/bridge/views.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { UserEvent, UserEventKind } from '../../../shared/protocol/events.ts';
import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { ClientCache } from '../cache/client-cache.ts';
import type { Appliers, Feature } from '../cache/event-appliers.ts';
import type { AttendanceAssistant } from './attendance/attendance-assistant.ts';
import type { BriefAssistant } from './brief/brief-assistant.ts';
import type { LauncherShell } from './launcher/launcher-types.ts';
import type { PresenceAssistant } from './presence/presence-assistant.ts';
import type { SignedInSession } from '../session/signed-in-session.ts';
import type { Act } from '../sync/action-outcome.ts';

/** What a feature's toasts are planned with: the cache the batch was just applied to, and who is looking. */
export interface ToastContext {
  cache: ClientCache;
  me: string;
  now: number;
  language: Language | null;
  t: TFunction;
  /** The conversation on screen (its messages raise no toast). */
  viewingConversation: string | null;
}

/** What a feature's bridge calls are answered with. */
export interface HandlerContext {
  session(): SignedInSession | null;
  /** Sends an action through the outbox and waits briefly for the server's answer. */
  act: Act;
  clock: Clock;
  /** This feature's views changed here; `withHome` when Home and the tray show it too. */
  changed(feature: Feature, options?: { withHome?: boolean }): void;
  language(): Language;
  openRoute(route: string): void;
  /** The conversation on screen, so its messages raise no toast. */
  viewing(conversationId: string | null): void;
  launcher: {
    shell: LauncherShell;
    allowedPrograms(): readonly string[];
    platform: string;
    env: Readonly<Record<string, string | undefined>>;
  };
  /** The features that act on their own (reminders, the daily brief, presence) answer their calls too. */
  assistants: { attendance: AttendanceAssistant; brief: BriefAssistant; presence: PresenceAssistant };
}

/**
 * What a feature adds to core, declared in one place (its `*-feature.ts`): how the cache takes its
 * event kinds, the toasts a batch of events deserves, and the bridge calls it answers. Core's
 * central parts (the cache, the notifier, the bridge) loop over the registry (`registry.ts`).
 */
export interface CoreFeature<K extends UserEventKind = never, C extends BridgeCallName = never> {
  readonly name: string;
  appliers?(cache: ClientCache): Appliers<K>;
  /** Replaces this feature's cached state with its part of a first sync's snapshot (inside the cache's transaction). */
  snapshot?(cache: ClientCache, snapshot: Snapshot): void;
  toasts?(events: readonly UserEvent[], context: ToastContext): ToastView[];
  handlers?(context: HandlerContext): Pick<BridgeHandlers, C>;
}

/** A feature with its event kinds and calls kept in its type, so the registry can prove each has one owner. */
export const defineCoreFeature = <const K extends UserEventKind = never, const C extends BridgeCallName = never>(
  feature: CoreFeature<K, C>,
): CoreFeature<K, C> => feature;

/** The event kinds a feature applies. */
export type AppliedKindsOf<F> = F extends { appliers?(cache: ClientCache): Appliers<infer K> } ? K : never;
/** The bridge calls a feature answers. */
export type AnsweredCallsOf<F> = F extends { handlers?(context: HandlerContext): Pick<BridgeHandlers, infer C> } ? C : never;

/**
 * Merges the features' tables (appliers by event kind, handlers by call) into one, refusing at
 * start a key two features claim, with both names.
 */
export function ownedTable(what: string, parts: readonly (readonly [string, object])[]): Record<string, unknown> {
  const owners = new Map<string, string>();
  const table: Record<string, unknown> = {};
  for (const [feature, entries] of parts) {
    for (const [key, value] of Object.entries(entries)) {
      const owner = owners.get(key);
      if (owner) throw new Error(`${what} ${key} is claimed by both ${owner} and ${feature}`);
      owners.set(key, feature);
      table[key] = value;
    }
  }
  return table;
}
