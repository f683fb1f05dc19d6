import type { ToastView } from '../../../shared/bridge/views.ts';

/**
 * The last word on whether a toast is shown: during do-not-disturb only urgent ones pass (an urgent
 * notice must reach people even then); the rest wait in their lists and badges. Repeats of the same
 * toast id within a short window are dropped, so a reconnect that replays a batch shows it once.
 */
export class ToastGate {
  private readonly recent = new Map<string, number>();
  private readonly dedupeMs: number;

  constructor(dedupeMs = 60_000) {
    this.dedupeMs = dedupeMs;
  }

  admit(toast: ToastView, now: number, doNotDisturbUntil: number | null): boolean {
    for (const [id, at] of this.recent) if (now - at >= this.dedupeMs) this.recent.delete(id);
    if (doNotDisturbUntil !== null && now < doNotDisturbUntil && toast.urgent !== true) return false;
    // Urgent reminders reuse their id on purpose; the renotifier already spaces them out.
    if (toast.urgent !== true && this.recent.has(toast.id)) return false;
    this.recent.set(toast.id, now);
    return true;
  }
}
