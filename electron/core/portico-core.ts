import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BridgeHandlers } from '../../shared/bridge/contract.ts';
import { type ToastActivation, pressToast } from '../../shared/bridge/toast-actions.ts';
import type { ConnectionView, HomeView, SessionView } from '../../shared/bridge/views.ts';
import { type Clock, systemClock } from '../../shared/domain/clock.ts';
import type { CoreOptions } from './core-options.ts';
import { type Assistants, createAssistants } from './assistants.ts';
import { bridgeHandlers } from './bridge-handlers.ts';
import { type BridgeEventMap, type Emit, listenToSession } from './session-events.ts';
import { drainOutbox } from './session/drain-outbox.ts';
import { SessionKeeper } from './session/session-keeper.ts';
import { type Act, actOnServer } from './sync/action-outcome.ts';
import type { TrayModel } from './tray/tray-model.ts';
import { CoreViews } from './core-views.ts';
import { supportCalls } from './support/support-calls.ts';
import { type CoreLog, type FileLog, fileLog } from './log/core-log.ts';
import { coreNetwork } from './net/core-network.ts';
import type { NetworkAccess } from './net/network-access.ts';

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
  private readonly views: CoreViews;

  constructor(options: CoreOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.files = options.log ?? fileLog(path.join(options.dataDir, 'logs'));
    this.log = this.files.log;
    const network = coreNetwork(options.policy, options.network, options.env ?? process.env, (m) => this.log.warn(m));
    this.net = network.access;
    const emit: Emit = this.events.emit.bind(this.events);
    const app = { version: options.version, shell: options.shell, platform: options.platform };
    this.views = new CoreViews({ keeper: () => this.keeper, options, clock: this.clock });
    const session = () => this.keeper.session;
    const act: Act = (enqueue, describe) => actOnServer(session(), enqueue, SETTLE_WAIT_MS, describe);
    const assistants = createAssistants({
      session,
      act,
      clock: this.clock,
      emit,
      language: () => this.views.language(),
      options,
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
          views: this.views,
          ...assistants,
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
      app,
      keeper: this.keeper,
      act,
      clock: this.clock,
      emit,
      views: this.views,
      nudge: () => this.nudge(),
      openRoute: (route) => this.openRoute(route),
      viewing: (conversationId) => {
        this.viewingConversation = conversationId;
      },
      env: options.env ?? process.env,
      assistants,
      support: supportCalls({
        app,
        clock: this.clock,
        net: this.net,
        trust: network.trust,
        files: this.files,
        policy: options.policy,
        views: this.views,
        serverUrl: () => this.serverUrl(),
      }),
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
    return this.views.tray();
  }

  /** A toast pressed outside the window: the window's own table decides (shared/bridge/toast-actions.ts). */
  pressToast(activation: ToastActivation): Promise<{ open: boolean }> {
    return pressToast(activation, this.handlers, (route) => this.openRoute(route));
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
    await this.assistants.activity();
  }

  /** Electron's main process polls the OS: seconds since the last input, and whether the screen is locked. */
  systemIdle(idleSeconds: number, locked: boolean): void {
    this.assistants.presence.system(idleSeconds, locked);
  }

  /** Once a minute: time-driven reminders and page idleness. */
  minuteTick(): void {
    this.assistants.minute();
  }

  /** The server to use: fixed by policy when IT locked it, else the user's choice, else the policy's, else the default. */
  serverUrl(): string {
    return this.keeper.serverUrl();
  }

  serverLocked(): boolean {
    return this.keeper.serverLocked();
  }

  sessionView(): SessionView {
    return this.views.session();
  }

  connectionView(): ConnectionView {
    return this.views.connection();
  }

  homeView(): HomeView {
    return this.views.home();
  }
}

export type { CoreOptions } from './core-options.ts';
