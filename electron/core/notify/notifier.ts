import type { TFunction } from 'i18next';
import type { ToastView } from '../../../shared/bridge/views.ts';
import type { UserEvent } from '../../../shared/protocol/events.ts';
import type { Language } from '../../../shared/bridge/views.ts';
import type { ClientCache } from '../cache/client-cache.ts';
import { urgentToast } from '../features/notices/notice-toasts.ts';
import { featureToasts } from '../features/registry.ts';
import { UrgentRenotifier } from '../features/notices/urgent-renotifier.ts';
import { ToastGate } from './toast-gate.ts';

/**
 * What deserves a toast, in one place: each feature plans its toasts from a batch of events, the
 * renotifier brings urgent notices back, and the gate applies do-not-disturb and drops repeats.
 */
export class Notifier {
  private readonly gate = new ToastGate();
  private readonly renotifier = new UrgentRenotifier();
  private readonly options: {
    now: () => number;
    doNotDisturbUntil: () => number | null;
    emit: (toast: ToastView) => void;
  };

  constructor(options: Notifier['options']) {
    this.options = options;
  }

  /** A batch of events is in the cache: the toasts it deserves. */
  applied(
    events: readonly UserEvent[],
    cache: ClientCache,
    me: string,
    language: Language | null,
    t: TFunction,
    viewingConversation: string | null = null,
  ): void {
    const now = this.options.now();
    const toasts = featureToasts(events, { cache, me, now, language, t, viewingConversation });
    for (const toast of toasts) this.show(toast);
  }

  /** Once a minute: urgent notices not yet acknowledged come back when their interval has passed. */
  tick(notices: ClientCache['notices'], t: TFunction): void {
    const now = this.options.now();
    for (const notice of this.renotifier.due(notices.urgentOutstanding(now), now)) this.show(urgentToast(notice, t));
  }

  /** Every toast passes here: do-not-disturb holds all but urgent ones, and repeats are dropped. */
  show(toast: ToastView): void {
    const now = this.options.now();
    if (!this.gate.admit(toast, now, this.options.doNotDisturbUntil())) return;
    if (toast.kind === 'notice.urgent') this.renotifier.shown(toast.id.slice('urgent:'.length), now);
    this.options.emit(toast);
  }
}
