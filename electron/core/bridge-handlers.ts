import type { BridgeHandlers } from '../../shared/bridge/contract.ts';
import type { CoreViews } from './core-views.ts';
import type { ConnectionCheckView } from '../../shared/bridge/views.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import type { AttendanceAssistant } from './features/attendance/attendance-assistant.ts';
import type { BriefAssistant } from './features/brief/brief-assistant.ts';
import type { LauncherShell } from './features/launcher/launcher-types.ts';
import type { PresenceAssistant } from './features/presence/presence-assistant.ts';
import type { EffectivePolicy } from './policy/resolve-policy.ts';
import type { Emit } from './session-events.ts';
import type { SessionKeeper } from './session/session-keeper.ts';
import { settingsHandlers } from './settings/settings-handlers.ts';
import type { SettingsStore } from './settings/settings.ts';
import type { HandlerContext } from './features/core-feature.ts';
import { type CoreOwnCall, featureHandlers } from './features/registry.ts';
import type { Act } from './sync/action-outcome.ts';

/**
 * Every call the window may make: core's own (the app, the session, the connection, Home, settings)
 * here, and each feature's from the registry (`features/registry.ts`).
 */
export function bridgeHandlers(deps: {
  app: { version: string; shell: 'electron' | 'browser-host'; platform: string };
  keeper: SessionKeeper;
  act: Act;
  clock: Clock;
  emit: Emit;
  views: Pick<CoreViews, 'connection' | 'home' | 'language'>;
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
  const changed: HandlerContext['changed'] = (feature, options) => {
    emit('data.changed', { features: [feature] });
    if (options?.withHome) emit('home.changed', deps.views.home());
  };
  const own: Pick<BridgeHandlers, CoreOwnCall> = {
    'app.info': async () => ({ ...deps.app }),
    'app.diagnostics': async () => ({ text: await deps.support.diagnostics() }),
    'session.get': async () => keeper.view(),
    'session.testConnection': ({ serverUrl }) => deps.support.testConnection(serverUrl),
    'session.signIn': (params) => keeper.signIn(params),
    'session.signOut': async () => {
      await keeper.signOut();
      return { ok: true };
    },
    'connection.get': async () => deps.views.connection(),
    'connection.nudge': async () => {
      deps.nudge();
      return { ok: true };
    },
    'home.get': async () => deps.views.home(),
    ...settingsHandlers({
      settings: deps.settings,
      policy: deps.policy,
      clock,
      homeView: () => deps.views.home(),
      emit: (home) => {
        emit('home.changed', home);
        emit('data.changed', { features: ['settings'] });
      },
    }),
  };
  const features = featureHandlers({
    session: () => keeper.session,
    act: deps.act,
    clock,
    changed,
    language: () => deps.views.language(),
    openRoute: deps.openRoute,
    viewing: deps.viewing,
    launcher: {
      shell: deps.launcherShell,
      allowedPrograms: () => deps.policy?.values.allowedPrograms ?? [],
      platform: deps.app.platform,
      env: deps.env,
    },
    assistants: deps.assistants,
  });
  return { ...own, ...features };
}
