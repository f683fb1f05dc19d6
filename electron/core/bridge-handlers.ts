import type { BridgeHandlers } from '../../shared/bridge/contract.ts';
import type { ActionOutcome, ConnectionCheckView, ConnectionView, HomeView, Language } from '../../shared/bridge/views.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { approvalHandlers } from './features/approvals/approval-handlers.ts';
import type { AttendanceAssistant } from './features/attendance/attendance-assistant.ts';
import type { BriefAssistant } from './features/brief/brief-assistant.ts';
import { chatHandlers } from './features/chat/chat-handlers.ts';
import { launcherHandlers } from './features/launcher/launcher-handlers.ts';
import type { LauncherShell } from './features/launcher/launcher-types.ts';
import { noticeHandlers } from './features/notices/notice-handlers.ts';
import type { PresenceAssistant } from './features/presence/presence-assistant.ts';
import type { EffectivePolicy } from './policy/resolve-policy.ts';
import type { Emit } from './session-events.ts';
import type { SessionKeeper } from './session/session-keeper.ts';
import type { SignedInSession } from './session/signed-in-session.ts';
import { settingsHandlers } from './settings/settings-handlers.ts';
import type { SettingsStore } from './settings/settings.ts';

/** Every call the window may make, each answered by the part of core that owns it. */
export function bridgeHandlers(deps: {
  app: { version: string; shell: 'electron' | 'browser-host'; platform: string };
  keeper: SessionKeeper;
  act: (enqueue: (s: SignedInSession) => { actionId: string }) => Promise<ActionOutcome>;
  clock: Clock;
  emit: Emit;
  connectionView(): ConnectionView;
  homeView(): HomeView;
  language(): Language;
  nudge(): void;
  openRoute(route: string): void;
  viewing(conversationId: string | null): void;
  settings: SettingsStore;
  policy?: EffectivePolicy;
  launcherShell: LauncherShell;
  env: Readonly<Record<string, string | undefined>>;
  support: {
    testConnection(serverUrl: string): Promise<ConnectionCheckView>;
    diagnostics(): Promise<string>;
  };
  assistants: { attendance: AttendanceAssistant; brief: BriefAssistant; presence: PresenceAssistant };
}): BridgeHandlers {
  const { keeper, emit, clock } = deps;
  const session = () => keeper.session;
  const act = deps.act;
  const changedWithHome = (feature: 'notices' | 'chat') => () => {
    emit('data.changed', { features: [feature] });
    emit('home.changed', deps.homeView());
  };
  return {
    'app.info': async () => ({ ...deps.app }),
    'app.diagnostics': async () => ({ text: await deps.support.diagnostics() }),
    'session.get': async () => keeper.view(),
    'session.testConnection': ({ serverUrl }) => deps.support.testConnection(serverUrl),
    'session.signIn': (params) => keeper.signIn(params),
    'session.signOut': async () => {
      await keeper.signOut();
      return { ok: true };
    },
    'connection.get': async () => deps.connectionView(),
    'connection.nudge': async () => {
      deps.nudge();
      return { ok: true };
    },
    'home.get': async () => deps.homeView(),
    ...noticeHandlers({ session, act, clock, changed: changedWithHome('notices'), language: deps.language }),
    ...deps.assistants.brief.handlers(),
    ...launcherHandlers({
      session,
      act,
      clock,
      shell: deps.launcherShell,
      allowedPrograms: () => deps.policy?.values.allowedPrograms ?? [],
      platform: deps.app.platform,
      env: deps.env,
      openRoute: deps.openRoute,
      changed: () => emit('data.changed', { features: ['launcher'] }),
    }),
    ...approvalHandlers({ session, act, clock }),
    ...chatHandlers({ session, act, clock, changed: changedWithHome('chat'), viewing: deps.viewing }),
    ...deps.assistants.presence.handlers(),
    ...deps.assistants.attendance.handlers(),
    ...settingsHandlers({
      settings: deps.settings,
      policy: deps.policy,
      clock,
      homeView: deps.homeView,
      emit: (home) => {
        emit('home.changed', home);
        emit('data.changed', { features: ['settings'] });
      },
    }),
  };
}
