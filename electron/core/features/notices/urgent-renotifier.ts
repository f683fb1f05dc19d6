import { DEFAULT_RENOTIFY_MINUTES, type NoticeSummary } from '../../../../shared/domain/notices/index.ts';

/**
 * When an unacknowledged urgent notice comes back: every `renotifyMinutes` (the publisher's choice)
 * after it was last shown, until acknowledged. After a restart each one is shown once at once, since
 * nobody can tell whether it was seen.
 */
export class UrgentRenotifier {
  private readonly lastShown = new Map<string, number>();

  /** A toast for it was just shown (on arrival or as a reminder). */
  shown(noticeId: string, at: number): void {
    this.lastShown.set(noticeId, at);
  }

  /** The notices due again; `outstanding` is every unacknowledged, unexpired urgent notice. */
  due(outstanding: readonly NoticeSummary[], now: number): NoticeSummary[] {
    const open = new Set(outstanding.map((n) => n.id));
    for (const id of this.lastShown.keys()) if (!open.has(id)) this.lastShown.delete(id);
    return outstanding.filter((notice) => {
      const last = this.lastShown.get(notice.id);
      const everyMs = (notice.renotifyMinutes ?? DEFAULT_RENOTIFY_MINUTES) * 60_000;
      return last === undefined || now - last >= everyMs;
    });
  }
}
