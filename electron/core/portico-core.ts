import { EventEmitter } from 'node:events';
import { type BridgeEventName, type BridgeEventPayload, type BridgeHandlers } from '../../shared/bridge/contract.ts';
import type {
  ActionOutcome,
  ConnectionView,
  HomeView,
  Language,
  SessionView,
  SignInErrorView,
} from '../../shared/bridge/views.ts';
import { type Clock, systemClock } from '../../shared/domain/clock.ts';
import { actOnServer } from './sync/action-outcome.ts';
import type { LoginResponse } from '../../shared/protocol/http-api.ts';
import { approvalHandlers } from './features/approvals/approval-handlers.ts';
import { AttendanceAssistant } from './features/attendance/attendance-assistant.ts';
import { buildHomeView } from './home-view.ts';
import { effectiveLanguage } from './settings/effective-language.ts';
import { settingsHandlers } from './settings/settings-handlers.ts';
import { BriefAssistant } from './features/brief/brief-assistant.ts';
import { noticeHandlers } from './features/notices/notice-handlers.ts';
import { launcherHandlers } from './features/launcher/launcher-handlers.ts';
import { chatHandlers } from './features/chat/chat-handlers.ts';
import { PresenceAssistant } from './features/presence/presence-assistant.ts';
import type { LauncherShell } from './features/launcher/launcher-types.ts';
import { Notifier } from './notify/notifier.ts';
import { translatorFor } from './i18n/core-i18n.ts';
import { type TrayModel, buildTrayModel } from './tray/tray-model.ts';
import { type EffectivePolicy, lockedKeys } from './policy/resolve-policy.ts';
import { refresh, signIn, signOut } from './session/auth-client.ts';
import { normalizeServerUrl } from './session/server-address.ts';
import { SignedInSession } from './session/signed-in-session.ts';
import type { TokenVault } from './secrets/token-vault.ts';
import type { SettingsStore } from './settings/settings.ts';

export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  vault: TokenVault;
  shell: 'electron' | 'browser-host';
  version: string;
  platform: string;
  deviceName: string;
  /** Used when the user has not chosen a server yet and no policy names one. */
  defaultServerUrl: string;
  /** Machine, user and file policy, resolved (see electron/core/policy). */
  policy?: EffectivePolicy;
  /** The OS's language (Electron's `app.getLocale()`); the process's own locale when absent. */
  systemLocale?: string;
  clock?: Clock;
  /** Opens web tools (an app window in Electron, a hand-off page in the browser host). */
  launcherShell: LauncherShell;
  /** For `%ProgramFiles%` in allow-list paths; defaults to this process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Away after this long without input (default 10 minutes). */
  idleAfterMs?: number;
}

type BridgeEventMap = { [E in BridgeEventName]: [BridgeEventPayload<E>] };

const SETTLE_WAIT_MS = 5000;

/**
 * The client's brain, in plain Node: session, sync, cache and the bridge handlers. Electron's main
 * process and the browser host wrap it; neither adds behaviour of its own.
 */
export class PorticoCore {
  readonly events = new EventEmitter<BridgeEventMap>();
  readonly handlers: BridgeHandlers;
  private session: SignedInSession | null = null;
  private lastError: SignInErrorView | null = null;
  private readonly o: CoreOptions;
  private readonly clock: Clock;
  private readonly attendance: AttendanceAssistant;
  private readonly brief: BriefAssistant;
  private readonly notifier: Notifier;
  private readonly presence: PresenceAssistant;
  private viewingConversation: string | null = null;

  constructor(options: CoreOptions) {
    this.o = options;
    this.clock = options.clock ?? systemClock;
    this.presence = new PresenceAssistant({
      session: () => this.session,
      act: (enqueue) => this.act(enqueue),
      clock: this.clock,
      idleAfterMs: options.idleAfterMs ?? 10 * 60_000,
      idleSource: options.shell === 'electron' ? 'os' : 'page',
      changed: (presences) => this.events.emit('presence.changed', { presences }),
    });
    this.notifier = new Notifier({
      now: () => this.clock.now(),
      // Quiet when the user asked here, or when their presence says do-not-disturb (by hand or schedule).
      doNotDisturbUntil: () => latest(this.o.settings.get().doNotDisturbUntil, this.presence.doNotDisturbUntil()),
      emit: (toast) => this.events.emit('toast', toast),
    });
    this.attendance = new AttendanceAssistant({
      session: () => this.session,
      act: (enqueue) => this.act(enqueue),
      clock: this.clock,
      text: () => ({ t: translatorFor(this.language()), locale: this.language() }),
      toast: (toast) => this.notifier.show(toast),
    });
    this.brief = new BriefAssistant({
      session: () => this.session,
      act: (enqueue) => this.act(enqueue),
      clock: this.clock,
      t: () => translatorFor(this.language()),
      toast: (toast) => this.notifier.show(toast),
      changed: () => this.events.emit('data.changed', { features: ['brief'] }),
    });
    this.handlers = this.createHandlers();
  }

  /** Restores the last session from the vault, if its refresh token is still good. */
  async start(): Promise<void> {
    const saved = this.o.vault.read();
    const address = saved ? normalizeServerUrl(saved.serverUrl) : null;
    if (!saved || !address) return;
    if (this.serverLocked() && address.httpUrl !== normalizeServerUrl(this.serverUrl())?.httpUrl) {
      // IT moved everyone to another server: the old session does not come along.
      this.o.vault.clear();
      return;
    }
    const outcome = await refresh(address.httpUrl, saved.refreshToken);
    if (!outcome.ok) {
      if (outcome.reason === 'rejected') {
        this.o.vault.clear();
        this.lastError = { code: 'session_expired' };
      } else {
        this.lastError = { code: 'server_unreachable', url: address.httpUrl };
      }
      return this.emitSession();
    }
    this.open(address, outcome.response);
  }

  stop(): void {
    this.session?.close();
    this.session = null;
  }

  /**
   * A quit that loses nothing: while connected, gives queued actions up to `timeoutMs` to reach the
   * server, then closes the cache cleanly. Whatever is left stays in the SQLite outbox for next time.
   */
  async shutdown(timeoutMs: number): Promise<{ leftInOutbox: number }> {
    const s = this.session;
    if (s && s.sync.state === 'online' && s.outbox.size() > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          s!.sync.off('outboxChanged', onChange);
          resolve();
        }
        const onChange = (size: number) => size === 0 && done();
        s.sync.on('outboxChanged', onChange);
      });
    }
    const leftInOutbox = s ? s.outbox.size() : 0;
    this.stop();
    return { leftInOutbox };
  }

  /** The tray menu in the user's language, built from the cache. */
  trayModel(): TrayModel {
    const language = this.language();
    const pending = this.session?.cache.approvals.listPending() ?? [];
    const tools = this.session?.cache.launcher.catalog() ?? [];
    return buildTrayModel(this.homeView(), this.connectionView(), pending, language, translatorFor(language), tools);
  }

  /** Shows a screen of the app (from a toast, the tray or a deep link). */
  openRoute(route: string): void {
    this.events.emit('navigate', { route });
  }

  /** The global shortcut (or the tray) asks for the command palette. */
  openPalette(): void {
    this.events.emit('palette.open', {});
  }

  /** The OS reports a network change: try to reconnect now. */
  nudge(): void {
    this.session?.sync.nudge();
  }

  /** The user is back (unlock, resume): reconnect, remind to clock in, and bring the day's brief once. */
  async userActive(): Promise<void> {
    this.nudge();
    await this.attendance.activity();
    await this.brief.activity();
  }

  /** Electron's main process polls the OS: seconds since the last input, and whether the screen is locked. */
  systemIdle(idleSeconds: number, locked: boolean): void {
    this.presence.system(idleSeconds, locked);
  }

  /** Once a minute: time-driven reminders (clock out, urgent notices not yet acknowledged), page idleness. */
  minuteTick(): void {
    this.presence.tick();
    this.attendance.tick();
    if (this.session) this.notifier.tick(this.session.cache.notices, translatorFor(this.language()));
  }

  /** The language toasts and the tray speak (electron/core/settings/effective-language.ts). */
  private language(): Language {
    return effectiveLanguage(
      this.o.settings.get().language,
      this.o.policy,
      this.o.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    );
  }

  /** The server to use: fixed by policy when IT locked it, else the user's choice, else the policy's, else the default. */
  serverUrl(): string {
    const policy = this.o.policy?.values;
    if (this.serverLocked() && policy?.serverUrl) return policy.serverUrl;
    return this.o.settings.get().serverUrl ?? policy?.serverUrl ?? this.o.defaultServerUrl;
  }

  serverLocked(): boolean {
    return this.o.policy ? lockedKeys(this.o.policy).includes('serverUrl') : false;
  }

  sessionView(): SessionView {
    const serverUrl = this.serverUrl();
    return this.session
      ? { status: 'signedIn', serverUrl, user: this.session.user }
      : { status: 'signedOut', serverUrl, serverLocked: this.serverLocked(), lastError: this.lastError };
  }

  connectionView(): ConnectionView {
    const s = this.session;
    return {
      state: s ? s.sync.state : 'offline',
      nextRetryAt: s ? s.sync.nextRetryAt : null,
      queuedActions: s ? s.outbox.size() : 0,
    };
  }

  homeView(): HomeView {
    return buildHomeView(this.session, this.o.settings.get().doNotDisturbUntil, this.clock.now());
  }

  private open(address: { httpUrl: string; wsUrl: string }, login: LoginResponse): void {
    this.session?.close();
    const session = new SignedInSession({
      dataDir: this.o.dataDir,
      httpUrl: address.httpUrl,
      wsUrl: address.wsUrl,
      user: login.user,
      tokens: { accessToken: login.accessToken, accessExpiresAt: login.accessExpiresAt, refreshToken: login.refreshToken },
      clock: this.clock,
      onTokens: (tokens) => this.o.vault.write({ serverUrl: address.httpUrl, refreshToken: tokens.refreshToken }),
    });
    this.o.vault.write({ serverUrl: address.httpUrl, refreshToken: login.refreshToken });
    this.session = session;
    this.lastError = null;
    let greeted = false;
    session.sync.on('state', (state) => {
      this.events.emit('connection.changed', this.connectionView());
      // Views that fetched from the server while the socket was down got the kept copy (or
      // nothing): now the catalog, templates and people can be fetched.
      if (state === 'online') {
        this.events.emit('data.changed', { features: ['launcher', 'approvals', 'chat'] });
        void this.presence.online().then(() => this.events.emit('data.changed', { features: ['presence'] }));
      } else this.presence.offline();
      // Signing in (or starting the app) is the day's first activity, like an unlock.
      if (state === 'online' && !greeted) {
        greeted = true;
        void this.attendance.activity().then(() => this.brief.activity());
      }
    });
    session.sync.on('outboxChanged', () => {
      this.events.emit('connection.changed', this.connectionView());
      this.events.emit('home.changed', this.homeView());
    });
    session.sync.on('applied', ({ features, events }) => {
      this.events.emit('data.changed', { features: [...features] });
      this.events.emit('home.changed', this.homeView());
      if (features.has('chat')) this.presence.followChanged();
      const language = this.language();
      this.notifier.applied(events, session.cache, session.user.id, language, translatorFor(language), this.viewingConversation);
    });
    session.sync.on('signal', (signal) => {
      if (signal.kind === 'presence') this.presence.heard(signal.presence);
      else if (signal.userId !== session.user.id) {
        this.events.emit('chat.typing', { conversationId: signal.conversationId, userId: signal.userId, name: signal.name });
      }
    });
    session.sync.on('actionSettled', ({ actionId, ok, error }) => {
      // A message the server refused for good stays visible, marked, until the user discards it.
      if (ok) return;
      session.cache.chat.failPending(actionId, { code: error?.code ?? 'internal', message: error?.message ?? '' });
      this.events.emit('data.changed', { features: ['chat'] });
    });
    session.sync.on('resynced', () => {
      session.cache.launcher.markStale();
      this.events.emit('data.changed', { features: ['notices', 'noticeStats', 'approvals', 'attendance', 'launcher', 'chat'] });
      this.events.emit('home.changed', this.homeView());
    });
    session.sync.on('sessionEnded', () => {
      this.o.vault.clear();
      this.session?.close();
      this.session = null;
      this.lastError = { code: 'session_expired' };
      this.emitSession();
    });
    session.sync.start();
    this.emitSession();
  }

  private emitSession(): void {
    this.events.emit('session.changed', this.sessionView());
    this.events.emit('home.changed', this.homeView());
  }

  /** Queues an action and reports whether the server took it within a few seconds or it waits in the outbox. */
  private act(enqueue: (s: SignedInSession) => { actionId: string }): Promise<ActionOutcome> {
    return actOnServer(this.session, enqueue, SETTLE_WAIT_MS);
  }

  private createHandlers(): BridgeHandlers {
    return {
      'app.info': async () => ({ version: this.o.version, shell: this.o.shell, platform: this.o.platform }),
      'session.get': async () => this.sessionView(),
      'session.signIn': async ({ serverUrl, username, password }) => {
        // A locked server is enforced here, not only greyed out in the UI.
        if (this.serverLocked() && normalizeServerUrl(serverUrl)?.httpUrl !== normalizeServerUrl(this.serverUrl())?.httpUrl) {
          return { ok: false, error: { code: 'server_locked', url: this.serverUrl() } };
        }
        const address = normalizeServerUrl(serverUrl);
        if (!address) return { ok: false, error: { code: 'invalid_server_url', url: serverUrl } };
        const outcome = await signIn(address.httpUrl, username, password, this.o.deviceName);
        if (!outcome.ok) {
          this.lastError = outcome.error;
          return { ok: false, error: outcome.error };
        }
        this.o.settings.update({ serverUrl: address.httpUrl, lastUsername: username });
        this.open(address, outcome.response);
        return { ok: true };
      },
      'session.signOut': async () => {
        const s = this.session;
        this.session = null;
        this.o.vault.clear();
        if (s) {
          s.close();
          await signOut(s.httpUrl, s.refreshToken);
        }
        this.lastError = null;
        this.emitSession();
        return { ok: true };
      },
      'connection.get': async () => this.connectionView(),
      'connection.nudge': async () => {
        this.nudge();
        return { ok: true };
      },
      'home.get': async () => this.homeView(),
      ...noticeHandlers({
        session: () => this.session,
        act: (enqueue) => this.act(enqueue),
        clock: this.clock,
        changed: () => {
          this.events.emit('data.changed', { features: ['notices'] });
          this.events.emit('home.changed', this.homeView());
        },
        language: () => this.language(),
      }),
      ...this.brief.handlers(),
      ...launcherHandlers({
        session: () => this.session,
        act: (enqueue) => this.act(enqueue),
        clock: this.clock,
        shell: this.o.launcherShell,
        allowedPrograms: () => this.o.policy?.values.allowedPrograms ?? [],
        platform: this.o.platform,
        env: this.o.env ?? process.env,
        openRoute: (route) => this.openRoute(route),
        changed: () => this.events.emit('data.changed', { features: ['launcher'] }),
      }),
      ...approvalHandlers({ session: () => this.session, act: (enqueue) => this.act(enqueue), clock: this.clock }),
      ...chatHandlers({
        session: () => this.session,
        act: (enqueue) => this.act(enqueue),
        clock: this.clock,
        changed: () => {
          this.events.emit('data.changed', { features: ['chat'] });
          this.events.emit('home.changed', this.homeView());
        },
        viewing: (conversationId) => {
          this.viewingConversation = conversationId;
        },
      }),
      ...this.presence.handlers(),
      ...this.attendance.handlers(),
      ...settingsHandlers({
        settings: this.o.settings,
        policy: this.o.policy,
        clock: this.clock,
        homeView: () => this.homeView(),
        emit: (home) => {
          this.events.emit('home.changed', home);
          this.events.emit('data.changed', { features: ['settings'] });
        },
      }),
    };
  }
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
