import type { LeaderPresence, PresenceSettings, PresenceView } from '../../../../shared/domain/presence/index.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import type { Act } from '../../sync/action-outcome.ts';

/** Small groups' members are followed too; a 500-person channel's are not. */
const FOLLOW_GROUP_MAX = 50;
const RENDERER_INTEREST_MAX = 300;
const REWATCH_RETRY_MS = 2000;
const LEADERS_KEY = 'presence.leaders';
const SETTINGS_KEY = 'presence.mine';

type PresenceHandlers = Pick<
  BridgeHandlers,
  'presence.watch' | 'presence.mine' | 'presence.set' | 'presence.leaders' | 'presence.activity'
>;

export interface PresenceAssistantOptions {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
  /** Idle after this long without input (IT may set it by policy). */
  idleAfterMs: number;
  /** 'os': Electron asks the OS (idle time, lock); 'page': the browser host's page reports activity. */
  idleSource: 'os' | 'page';
  changed(presences: PresenceView[]): void;
}

/**
 * This device's side of presence: says idle or active (from the OS, or from the page in the browser
 * host), follows the people this user sees (leaders, chat partners, what the window shows), and keeps
 * their presence as last heard. On each connect it reports first and follows again, so a reconnect
 * never flips "away" back to "online".
 */
export class PresenceAssistant {
  private readonly known = new Map<string, PresenceView>();
  private interest: string[] = [];
  private idle = false;
  private lastActivity: number;
  private reported: boolean | null = null;
  private watchTimer: NodeJS.Timeout | undefined;
  private readonly options: PresenceAssistantOptions;

  constructor(options: PresenceAssistantOptions) {
    this.options = options;
    this.lastActivity = options.clock.now();
  }

  /** The socket is (back) online: report this device's state, then follow everyone again. */
  async online(): Promise<void> {
    this.reported = null;
    await this.report();
    await this.fetchLeaders();
    await this.rewatch();
  }

  offline(): void {
    this.reported = null;
    clearTimeout(this.watchTimer);
  }

  /** Electron: the OS's idle seconds and whether the screen is locked, polled by the main process. */
  system(idleSeconds: number, locked: boolean): void {
    if (this.options.idleSource !== 'os') return;
    this.setIdle(locked || idleSeconds * 1000 >= this.options.idleAfterMs);
  }

  /** Every few seconds: the browser host's page activity turns into idle after the threshold. */
  tick(): void {
    if (this.options.idleSource !== 'page') return;
    this.setIdle(this.options.clock.now() - this.lastActivity >= this.options.idleAfterMs);
  }

  /** A presence signal from the server. */
  heard(view: PresenceView): void {
    this.known.set(view.userId, view);
    this.options.changed([view]);
  }

  /** The conversations or the leaders changed: who to follow may have too. */
  followChanged(): void {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.rewatch(), 100);
  }

  mine(): PresenceView | null {
    const s = this.options.session();
    return s ? (this.known.get(s.user.id) ?? null) : null;
  }

  /** My own quiet period, from my presence (manual do-not-disturb or the schedule). */
  doNotDisturbUntil(): number | null {
    const me = this.mine();
    if (me?.state !== 'dnd') return null;
    return me.until ?? Number.MAX_SAFE_INTEGER;
  }

  handlers(): PresenceHandlers {
    return {
      'presence.watch': async ({ userIds }) => {
        this.interest = userIds.slice(0, RENDERER_INTEREST_MAX);
        this.followChanged();
        return userIds.flatMap((id) => {
          const view = this.known.get(id);
          return view ? [view] : [];
        });
      },
      'presence.mine': async () => {
        const s = this.options.session();
        if (!s) return { settings: null, presence: null };
        let settings = s.cache.state.get<PresenceSettings>(SETTINGS_KEY);
        if (s.sync.state === 'online') {
          try {
            settings = await s.sync.request('presence.mine', {});
            s.cache.state.set(SETTINGS_KEY, settings);
          } catch {
            // The kept copy stands.
          }
        }
        return { settings, presence: this.mine() };
      },
      'presence.set': async (settings) =>
        this.options.act((s) => {
          s.cache.state.set(SETTINGS_KEY, settings);
          return s.sync.enqueue('presence.set', settings);
        }),
      'presence.leaders': async () => {
        const s = this.options.session();
        // Fetched here when the connect-time fetch failed (a rate limit at sign-in): follow them too.
        if (s && !s.cache.state.get(LEADERS_KEY) && (await this.fetchLeaders())) this.followChanged();
        const kept = s?.cache.state.get<LeaderPresence[]>(LEADERS_KEY) ?? null;
        return kept?.map((leader) => ({ ...leader, presence: this.known.get(leader.id) ?? leader.presence })) ?? null;
      },
      'presence.activity': async () => {
        this.lastActivity = this.options.clock.now();
        if (this.options.idleSource === 'page') this.setIdle(false);
        return { ok: true };
      },
    };
  }

  private setIdle(idle: boolean): void {
    if (idle === this.idle) return;
    this.idle = idle;
    void this.report();
  }

  private async report(): Promise<void> {
    const s = this.options.session();
    if (!s || s.sync.state !== 'online' || this.reported === this.idle) return;
    const idle = this.idle;
    try {
      await s.sync.request('presence.report', { idle });
      this.reported = idle;
    } catch {
      // The next connect reports again.
    }
  }

  private async fetchLeaders(): Promise<boolean> {
    const s = this.options.session();
    if (!s || s.sync.state !== 'online') return false;
    try {
      const leaders = await s.sync.request('presence.leaders', {});
      s.cache.state.set(LEADERS_KEY, leaders);
      for (const leader of leaders) this.known.set(leader.id, leader.presence);
      return true;
    } catch {
      return false; // the kept copy stands
    }
  }

  private async rewatch(): Promise<void> {
    const s = this.options.session();
    if (!s || s.sync.state !== 'online') return;
    const ids = new Set<string>([s.user.id, ...this.interest]);
    for (const leader of s.cache.state.get<LeaderPresence[]>(LEADERS_KEY) ?? []) ids.add(leader.id);
    for (const item of s.cache.chat.list()) {
      const conversation = s.cache.chat.get(item.id)?.conversation;
      if (!conversation || conversation.members.length > FOLLOW_GROUP_MAX) continue;
      for (const member of conversation.members) ids.add(member.id);
    }
    try {
      const views = await s.sync.request('presence.watch', { userIds: [...ids].slice(0, 1000) });
      for (const view of views) this.known.set(view.userId, view);
      this.options.changed(views);
    } catch {
      // Refused (a rate limit while the app starts) or timed out: try again shortly while online.
      clearTimeout(this.watchTimer);
      this.watchTimer = setTimeout(() => void this.rewatch(), REWATCH_RETRY_MS).unref();
    }
  }
}
