import type { Clock } from '../../../shared/domain/clock.ts';
import type { PresenceSettings, PresenceView } from '../../../shared/domain/presence/index.ts';
import { type PresenceInputs, effectivePresence } from './presence-rules.ts';
import type { PresenceStore } from './presence-store.ts';

export interface PresenceTrackerDeps {
  store: PresenceStore;
  clock: Clock;
  timeZone: string;
  outOfOffice: (userId: string) => PresenceInputs['outOfOffice'];
  /** A user's visible presence changed: tell whoever watches them. */
  changed: (view: PresenceView) => void;
  /** A socket that dropped keeps its user's state this long, so a reconnect does not flicker. */
  graceMs: number;
}

interface UserDevices {
  devices: Map<string, boolean>;
  /** The last idle report, kept across a reconnect (a new socket starts as the old one ended). */
  lastIdle: boolean;
  droppedAt: number | null;
  spanId: number | null;
}

/**
 * Presence on this node, from its sockets: each device says idle or active, the user's settings and
 * out-of-office say the rest. Changes are published only when what others see changes.
 */
export class PresenceTracker {
  private readonly users = new Map<string, UserDevices>();
  private readonly views = new Map<string, PresenceView>();
  private readonly lastSeen = new Map<string, number>();
  private readonly settingsCache = new Map<string, PresenceSettings>();
  /** Leave as last read: the tick recomputes 10,000 people every few seconds without 10,000 queries. */
  private readonly leaveCache = new Map<string, PresenceInputs['outOfOffice']>();
  private readonly deps: PresenceTrackerDeps;

  constructor(deps: PresenceTrackerDeps) {
    this.deps = deps;
  }

  connected(userId: string, connectionId: string): void {
    const user = this.users.get(userId) ?? { devices: new Map(), lastIdle: false, droppedAt: null, spanId: null };
    this.users.set(userId, user);
    user.devices.set(connectionId, user.lastIdle);
    user.droppedAt = null;
    this.refresh(userId);
  }

  disconnected(userId: string, connectionId: string): void {
    const user = this.users.get(userId);
    if (!user?.devices.delete(connectionId)) return;
    if (user.devices.size === 0) user.droppedAt = this.deps.clock.now();
    this.refresh(userId);
  }

  report(userId: string, connectionId: string, idle: boolean): void {
    const user = this.users.get(userId);
    if (!user?.devices.has(connectionId)) return;
    user.devices.set(connectionId, idle);
    user.lastIdle = idle;
    this.refresh(userId);
  }

  settingsChanged(userId: string, settings: PresenceSettings): void {
    this.settingsCache.set(userId, settings);
    this.refresh(userId);
  }

  /** The user's out-of-office period was set or cleared: read it again. */
  outOfOfficeChanged(userId: string): void {
    this.leaveCache.delete(userId);
    this.refresh(userId);
  }

  settings(userId: string): PresenceSettings {
    let settings = this.settingsCache.get(userId);
    if (!settings) this.settingsCache.set(userId, (settings = this.deps.store.settings(userId)));
    return settings;
  }

  /** What others see of `userId` now (computed for anyone, connected or not). */
  view(userId: string): PresenceView {
    return this.views.get(userId) ?? this.compute(userId, null);
  }

  isOnline(userId: string): boolean {
    const state = this.view(userId).state;
    return state !== 'offline' && (state !== 'ooo' || (this.users.get(userId)?.devices.size ?? 0) > 0);
  }

  /**
   * Time-driven changes: a dropped socket's grace ends, a quiet schedule or meeting starts or ends,
   * leave begins or ends. Also moves open online spans forward.
   */
  tick(watched: (userId: string) => boolean): void {
    const now = this.deps.clock.now();
    for (const [userId, user] of this.users) {
      if (user.droppedAt !== null && now - user.droppedAt >= this.deps.graceMs) {
        this.users.delete(userId);
        this.lastSeen.set(userId, user.droppedAt);
        this.closeSpan(user, user.droppedAt);
      } else if (user.spanId !== null) {
        this.deps.store.extendSpan(user.spanId, now);
      }
    }
    for (const userId of [...this.views.keys()]) {
      if (!this.users.has(userId) && !watched(userId)) {
        this.views.delete(userId);
        this.leaveCache.delete(userId);
        continue;
      }
      this.refresh(userId);
    }
  }

  /** Recomputes one user and publishes when what others see changed. */
  refresh(userId: string): void {
    const before = this.views.get(userId) ?? null;
    const after = this.compute(userId, before);
    this.trackSpan(userId);
    if (before && sameView(before, after)) return;
    this.views.set(userId, after);
    if (before || after.state !== 'offline') this.deps.changed(after);
  }

  private compute(userId: string, before: PresenceView | null): PresenceView {
    const user = this.users.get(userId);
    const settings = this.settings(userId);
    const now = this.deps.clock.now();
    const devices = user ? [...user.devices.values()] : [];
    const effective = effectivePresence({
      connected: user !== undefined,
      allIdle: devices.length > 0 ? devices.every(Boolean) : (user?.lastIdle ?? false),
      settings,
      outOfOffice: this.leave(userId),
      now,
      timeZone: this.deps.timeZone,
    });
    const sameState = before !== null && before.state === effective.state;
    return {
      userId,
      state: effective.state,
      statusText: effective.statusText,
      until: effective.until,
      proxy: effective.proxy,
      since: sameState ? before.since : now,
      lastSeenAt: user ? null : (this.lastSeen.get(userId) ?? null),
    };
  }

  private leave(userId: string): PresenceInputs['outOfOffice'] {
    let leave = this.leaveCache.get(userId);
    if (leave === undefined) this.leaveCache.set(userId, (leave = this.deps.outOfOffice(userId)));
    return leave;
  }

  /** Visibly online: connected with at least one active device. Spans feed leaders' daily hours. */
  private trackSpan(userId: string): void {
    const user = this.users.get(userId);
    if (!user) return;
    const visible = user.droppedAt === null && [...user.devices.values()].some((idle) => !idle);
    const now = this.deps.clock.now();
    if (visible && user.spanId === null) user.spanId = this.deps.store.openSpan(userId, now);
    if (!visible && user.spanId !== null) this.closeSpan(user, user.droppedAt ?? now);
  }

  private closeSpan(user: UserDevices, at: number): void {
    if (user.spanId === null) return;
    this.deps.store.extendSpan(user.spanId, at);
    user.spanId = null;
  }
}

function sameView(a: PresenceView, b: PresenceView): boolean {
  return (
    a.state === b.state &&
    a.statusText === b.statusText &&
    a.until === b.until &&
    a.proxy?.id === b.proxy?.id &&
    a.lastSeenAt === b.lastSeenAt
  );
}
