import type { Language } from '../../shared/bridge/views.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { AttendanceAssistant } from './features/attendance/attendance-assistant.ts';
import { BriefAssistant } from './features/brief/brief-assistant.ts';
import { PresenceAssistant } from './features/presence/presence-assistant.ts';
import { translatorFor } from './i18n/core-i18n.ts';
import { Notifier } from './notify/notifier.ts';
import type { CoreOptions } from './core-options.ts';
import type { Emit } from './session-events.ts';
import type { SignedInSession } from './session/signed-in-session.ts';
import type { Act } from './sync/action-outcome.ts';

export interface Assistants {
  presence: PresenceAssistant;
  notifier: Notifier;
  attendance: AttendanceAssistant;
  brief: BriefAssistant;
  /** The user is back (unlock, resume, sign-in): remind to clock in, and bring the day's brief once. */
  activity(): Promise<void>;
  /** Once a minute: time-driven reminders (clock out, urgent notices not yet acknowledged), page idleness. */
  minute(): void;
}

/**
 * The parts of core that act on their own, not only when the window asks: presence (idle, away,
 * quiet hours), toasts, attendance reminders and the daily brief.
 */
export function createAssistants(deps: {
  session: () => SignedInSession | null;
  act: Act;
  clock: Clock;
  emit: Emit;
  language: () => Language;
  /** Quiet hours asked for here, the idle threshold, which shell (idleness from the OS or the page), OS toasts. */
  options: Pick<CoreOptions, 'settings' | 'idleAfterMs' | 'shell' | 'osToasts'>;
}): Assistants {
  const { session, act, clock, emit } = deps;
  const presence = new PresenceAssistant({
    session,
    act,
    clock,
    idleAfterMs: deps.options.idleAfterMs ?? 10 * 60_000,
    idleSource: deps.options.shell === 'electron' ? 'os' : 'page',
    changed: (presences) => emit('presence.changed', { presences }),
  });
  const notifier = new Notifier({
    now: () => clock.now(),
    // Quiet when the user asked here, or when their presence says do-not-disturb (by hand or schedule).
    doNotDisturbUntil: () => latest(deps.options.settings.get().doNotDisturbUntil, presence.doNotDisturbUntil()),
    // One decision per toast: the pages always hear it (their toast list), and the OS shows it
    // only where no page is in view, so nothing is shown twice.
    emit: (toast) => {
      emit('toast', toast);
      if (deps.options.osToasts?.wanted()) deps.options.osToasts.show(toast);
    },
  });
  const attendance = new AttendanceAssistant({
    session,
    act,
    clock,
    text: () => ({ t: translatorFor(deps.language()), locale: deps.language() }),
    toast: (toast) => notifier.show(toast),
  });
  const brief = new BriefAssistant({
    session,
    act,
    clock,
    t: () => translatorFor(deps.language()),
    toast: (toast) => notifier.show(toast),
    changed: () => emit('data.changed', { features: ['brief'] }),
  });
  return {
    presence,
    notifier,
    attendance,
    brief,
    activity: async () => {
      await attendance.activity();
      await brief.activity();
    },
    minute: () => {
      presence.tick();
      attendance.tick();
      const s = session();
      if (s) notifier.tick(s.cache.notices, translatorFor(deps.language()));
    },
  };
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
