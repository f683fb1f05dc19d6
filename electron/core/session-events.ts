import type { EventEmitter } from 'node:events';
import type { BridgeEventName, BridgeEventPayload } from '../../shared/bridge/contract.ts';
import type { AttendanceAssistant } from './features/attendance/attendance-assistant.ts';
import type { BriefAssistant } from './features/brief/brief-assistant.ts';
import type { PresenceAssistant } from './features/presence/presence-assistant.ts';
import type { CoreViews } from './core-views.ts';
import { translatorFor } from './i18n/core-i18n.ts';
import type { Notifier } from './notify/notifier.ts';
import type { SignedInSession } from './session/signed-in-session.ts';

/** The bridge's events, as core's emitter carries them. */
export type BridgeEventMap = { [E in BridgeEventName]: [BridgeEventPayload<E>] };
export type Emit = EventEmitter<BridgeEventMap>['emit'];

/**
 * What a signed-in session's sync tells the rest of core and the window: the connection's state,
 * applied events (views refresh, toasts), signals (presence, typing), refused actions, a resync
 * and the end of the session.
 */
export function listenToSession(
  session: SignedInSession,
  deps: {
    emit: Emit;
    views: Pick<CoreViews, 'connection' | 'home' | 'language'>;
    presence: PresenceAssistant;
    attendance: AttendanceAssistant;
    brief: BriefAssistant;
    notifier: Notifier;
    viewingConversation(): string | null;
    ended(): void;
  },
): void {
  const { emit } = deps;
  let greeted = false;
  session.sync.on('state', (state) => {
    emit('connection.changed', deps.views.connection());
    // Views that fetched from the server while the socket was down got the kept copy (or
    // nothing): now the catalog, templates and people can be fetched.
    if (state === 'online') {
      emit('data.changed', { features: ['launcher', 'approvals', 'chat'] });
      void deps.presence.online().then(() => emit('data.changed', { features: ['presence'] }));
    } else deps.presence.offline();
    // Signing in (or starting the app) is the day's first activity, like an unlock.
    if (state === 'online' && !greeted) {
      greeted = true;
      void deps.attendance.activity().then(() => deps.brief.activity());
    }
  });
  session.sync.on('outboxChanged', () => {
    emit('connection.changed', deps.views.connection());
    emit('home.changed', deps.views.home());
  });
  session.sync.on('applied', ({ features, events }) => {
    emit('data.changed', { features: [...features] });
    emit('home.changed', deps.views.home());
    if (features.has('chat')) deps.presence.followChanged();
    const language = deps.views.language();
    deps.notifier.applied(events, session.cache, session.user.id, language, translatorFor(language), deps.viewingConversation());
  });
  session.sync.on('signal', (signal) => {
    if (signal.kind === 'presence') deps.presence.heard(signal.presence);
    else if (signal.userId !== session.user.id) {
      emit('chat.typing', { conversationId: signal.conversationId, userId: signal.userId, name: signal.name });
    }
  });
  session.sync.on('actionSettled', ({ actionId, ok, error }) => {
    // A message the server refused for good stays visible, marked, until the user discards it.
    if (ok) return;
    session.cache.chat.failPending(actionId, { code: error?.code ?? 'internal', message: error?.message ?? '' });
    emit('data.changed', { features: ['chat'] });
  });
  session.sync.on('resynced', () => {
    session.cache.launcher.markStale();
    emit('data.changed', { features: ['notices', 'noticeStats', 'approvals', 'attendance', 'launcher', 'chat'] });
    emit('home.changed', deps.views.home());
  });
  session.sync.on('sessionEnded', () => deps.ended());
}
