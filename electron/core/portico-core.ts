import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BridgeHandlers } from '../../shared/bridge/contract.ts';
import { type ToastActivation, dispatchToastCall, toastEffect } from '../../shared/bridge/toast-actions.ts';
import type { ConnectionView, HomeView, Language, SessionView } from '../../shared/bridge/views.ts';
import { type Clock, systemClock } from '../../shared/domain/clock.ts';
import type { CoreOptions } from './core-options.ts';
import { type Assistants, createAssistants } from './assistants.ts';
import { bridgeHandlers } from './bridge-handlers.ts';
import { buildHomeView } from './home-view.ts';
import { translatorFor } from './i18n/core-i18n.ts';
import { type BridgeEventMap, type Emit, listenToSession } from './session-events.ts';
import { drainOutbox } from './session/drain-outbox.ts';
import { SessionKeeper } from './session/session-keeper.ts';
import type { SignedInSession } from './session/signed-in-session.ts';
import { effectiveLanguage } from './settings/effective-language.ts';
import { actOnServer } from './sync/action-outcome.ts';
import { type TrayModel, buildTrayModel } from './tray/tray-model.ts';
import { type CoreLog, type FileLog, fileLog } from './log/core-log.ts';
import { checkConnection } from './net/connection-check.ts';
import { coreNetwork } from './net/core-network.ts';
import type { NetworkAccess } from './net/network-access.ts';
import { diagnosticsText } from './support/diagnostics.ts';

const SETTLE_WAIT_MS = 5000;

/**
 * The client's brain, in plain Node: the session, the assistants that act on their own (presence,
 * attendance reminders, the daily brief, toasts) and the bridge's handlers. A composition root:
 * Electron's main process and the browser host wrap it, and neither adds behaviour of its own.
 */
export class PorticoCore {
  readonly events = new EventEmitter<BridgeEventMap>();
  readonly handlers: BridgeHandlers;
  private readonly options: CoreOptions;
  private readonly clock: Clock;
  private readonly keeper: SessionKeeper;
  private readonly assistants: Assistants;
  private viewingConversation: string | null = null;
  /** Core's file log (logs/ under the data folder); the shell logs through it too. */
  readonly log: CoreLog;
  private readonly files: FileLog;
  private readonly net: NetworkAccess;

  constructor(options: CoreOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.files = options.log ?? fileLog(path.join(options.dataDir, 'logs'));
    this.log = this.files.log;
    const network = coreNetwork(options.policy, options.network, options.env ?? process.env, (m) => this.log.warn(m));
    this.net = network.access;
    const emit: Emit = this.events.emit.bind(this.events);
    const session = () => this.keeper.session;
    const act = (enqueue: (s: SignedInSession) => { actionId: string }) => actOnServer(session(), enqueue, SETTLE_WAIT_MS);
    const assistants = createAssistants({
      session,
      act,
      clock: this.clock,
      emit,
      language: () => this.language(),
      doNotDisturbUntil: () => options.settings.get().doNotDisturbUntil,
      idleAfterMs: options.idleAfterMs ?? 10 * 60_000,
      idleSource: options.shell === 'electron' ? 'os' : 'page',
      ...(options.osToasts ? { osToasts: options.osToasts } : {}),
    });
    this.assistants = assistants;
    this.keeper = new SessionKeeper({
      ...options,
      clock: this.clock,
      net: this.net,
      log: this.log,
      opened: (opened) =>
        listenToSession(opened, {
          emit,
          connectionView: () => this.connectionView(),
          homeView: () => this.homeView(),
          ...assistants,
          language: () => this.language(),
          viewingConversation: () => this.viewingConversation,
          ended: () => this.keeper.ended(),
        }),
      changed: () => {
        emit('session.changed', this.sessionView());
        emit('home.changed', this.homeView());
      },
    });
    this.handlers = bridgeHandlers({
      ...options,
      app: { version: options.version, shell: options.shell, platform: options.platform },
      keeper: this.keeper,
      act,
      clock: this.clock,
      emit,
      connectionView: () => this.connectionView(),
      homeView: () => this.homeView(),
      language: () => this.language(),
      nudge: () => this.nudge(),
      openRoute: (route) => this.openRoute(route),
      viewing: (conversationId) => {
        this.viewingConversation = conversationId;
      },
      env: options.env ?? process.env,
      assistants,
      support: {
        testConnection: (serverUrl) => checkConnection(serverUrl, this.net),
        diagnostics: async () =>
          diagnosticsText({
            app: { version: options.version, shell: options.shell, platform: options.platform },
            at: this.clock.now(),
            session: this.sessionView(),
            connection: this.connectionView(),
            policy: options.policy,
            route: await this.net.route(this.serverUrl()),
            trust: network.trust(),
            logLines: this.files.tail(200),
          }),
      },
    });
  }

  /** Restores the last session from the vault, if its refresh token is still good. */
  async start(): Promise<void> {
    const { version, shell, platform } = this.options;
    this.log.info({ version, shell, platform, policySources: this.options.policy?.sourceOf ?? {} }, 'core started');
    await this.keeper.restore();
  }

  stop(): void {
    this.keeper.close();
    void this.net.close();
    // A log core opened itself is closed with it; a shell's log is the shell's to close.
    if (!this.options.log) void this.files.close();
  }

  /**
   * A quit that loses nothing: while connected, gives queued actions up to `timeoutMs` to reach the
   * server, then closes the cache cleanly. Whatever is left stays in the SQLite outbox for next time.
   */
  async shutdown(timeoutMs: number): Promise<{ leftInOutbox: number }> {
    const leftInOutbox = await drainOutbox(this.keeper.session, timeoutMs);
    this.stop();
    return { leftInOutbox };
  }

  /** The tray menu in the user's language, built from the cache. */
  trayModel(): TrayModel {
    const language = this.language();
    const pending = this.keeper.session?.cache.approvals.listPending() ?? [];
    const tools = this.keeper.session?.cache.launcher.catalog() ?? [];
    return buildTrayModel(this.homeView(), this.connectionView(), pending, language, translatorFor(language), tools);
  }

  /**
   * A toast was pressed outside the window (Electron's notification, a Windows toast's activation
   * arguments, also after a restart): the same table as the window's toast buttons decides what
   * happens. Says whether the item should now be shown, so the shell brings the window forward.
   */
  async pressToast(activation: ToastActivation): Promise<{ open: boolean }> {
    const effect = toastEffect(activation.action, activation.taskId);
    if (effect.call) await dispatchToastCall(effect.call, this.handlers);
    if (effect.open) this.openRoute(activation.route);
    return { open: effect.open };
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
    this.keeper.session?.sync.nudge();
  }

  /** The user is back (unlock, resume): reconnect, remind to clock in, and bring the day's brief once. */
  async userActive(): Promise<void> {
    this.nudge();
    await this.assistants.attendance.activity();
    await this.assistants.brief.activity();
  }

  /** Electron's main process polls the OS: seconds since the last input, and whether the screen is locked. */
  systemIdle(idleSeconds: number, locked: boolean): void {
    this.assistants.presence.system(idleSeconds, locked);
  }

  /** Once a minute: time-driven reminders (clock out, urgent notices not yet acknowledged), page idleness. */
  minuteTick(): void {
    this.assistants.presence.tick();
    this.assistants.attendance.tick();
    const session = this.keeper.session;
    if (session) this.assistants.notifier.tick(session.cache.notices, translatorFor(this.language()));
  }

  /** The server to use: fixed by policy when IT locked it, else the user's choice, else the policy's, else the default. */
  serverUrl(): string {
    return this.keeper.serverUrl();
  }

  serverLocked(): boolean {
    return this.keeper.serverLocked();
  }

  sessionView(): SessionView {
    return this.keeper.view();
  }

  connectionView(): ConnectionView {
    const s = this.keeper.session;
    return {
      state: s ? s.sync.state : 'offline',
      nextRetryAt: s ? s.sync.nextRetryAt : null,
      queuedActions: s ? s.outbox.size() : 0,
    };
  }

  homeView(): HomeView {
    return buildHomeView(this.keeper.session, this.options.settings.get().doNotDisturbUntil, this.clock.now());
  }

  /** The language toasts and the tray speak (electron/core/settings/effective-language.ts). */
  private language(): Language {
    return effectiveLanguage(
      this.options.settings.get().language,
      this.options.policy,
      this.options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    );
  }
}

export type { CoreOptions } from './core-options.ts';
