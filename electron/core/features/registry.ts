import type { BridgeCallName, BridgeHandlers } from '../../../shared/bridge/contract.ts';
import type { ToastView } from '../../../shared/bridge/views.ts';
import type { UserEvent, UserEventKind } from '../../../shared/protocol/events.ts';
import type { Snapshot } from '../../../shared/protocol/methods.ts';
import type { ClientCache } from '../cache/client-cache.ts';
import type { Appliers } from '../cache/event-appliers.ts';
import { approvalsFeature } from './approvals/approvals-feature.ts';
import { attendanceFeature } from './attendance/attendance-feature.ts';
import { briefFeature } from './brief/brief-feature.ts';
import { chatFeature } from './chat/chat-feature.ts';
import { type AnsweredCallsOf, type AppliedKindsOf, type HandlerContext, type ToastContext, ownedTable } from './core-feature.ts';
import { kudosFeature } from './kudos/kudos-feature.ts';
import { launcherFeature } from './launcher/launcher-feature.ts';
import { noticesFeature } from './notices/notices-feature.ts';
import { presenceFeature } from './presence/presence-feature.ts';

/**
 * The one list of core's features. Adding a feature is one line here and a folder of its own; the
 * cache, the notifier and the bridge loop over this list and name no feature.
 */
export const coreFeatures = [
  noticesFeature,
  approvalsFeature,
  launcherFeature,
  chatFeature,
  attendanceFeature,
  briefFeature,
  presenceFeature,
  kudosFeature,
] as const;

type Listed = (typeof coreFeatures)[number];

/** The calls core answers itself, beneath every feature: the app, the session, the connection, Home and settings. */
export type CoreOwnCall = Extract<
  BridgeCallName,
  `app.${string}` | `session.${string}` | `connection.${string}` | `home.${string}` | `settings.${string}`
>;
/** The calls the features answer. */
export type FeatureCall = Exclude<BridgeCallName, CoreOwnCall>;

// Every event kind has an applier and every feature call a handler: one left out fails to compile here.
const everyKindApplied: [Exclude<UserEventKind, AppliedKindsOf<Listed>>] extends [never] ? true : never = true;
const everyCallAnswered: [Exclude<FeatureCall, AnsweredCallsOf<Listed>>] extends [never] ? true : never = true;
void everyKindApplied;
void everyCallAnswered;

/** Each event kind's applier over this cache; a kind two features apply stops the cache from opening. */
export function featureAppliers(cache: ClientCache): Appliers<UserEventKind> {
  return ownedTable(
    'event',
    coreFeatures.map((feature) => [feature.name, feature.appliers?.(cache) ?? {}] as const),
  ) as Appliers<UserEventKind>;
}

/** Each feature takes its part of a first sync's snapshot into the cache. */
export function applyFeatureSnapshots(cache: ClientCache, snapshot: Snapshot): void {
  for (const feature of coreFeatures) feature.snapshot?.(cache, snapshot);
}

/** The toasts a batch of applied events deserves, feature by feature. */
export function featureToasts(events: readonly UserEvent[], context: ToastContext): ToastView[] {
  return coreFeatures.flatMap((feature) => feature.toasts?.(events, context) ?? []);
}

/** Every feature's bridge calls; a call two features answer stops core at start. */
export function featureHandlers(context: HandlerContext): Pick<BridgeHandlers, FeatureCall> {
  return ownedTable(
    'bridge call',
    coreFeatures.map((feature) => [feature.name, feature.handlers?.(context) ?? {}] as const),
  ) as Pick<BridgeHandlers, FeatureCall>;
}
