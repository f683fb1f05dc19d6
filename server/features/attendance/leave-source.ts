import { type LeavePart, leaveParts, leaveSpanOf } from '../../../shared/domain/attendance/index.ts';
import type { RequestStore } from '../approvals/request-store.ts';

/** Approved leave, read from the approvals workflow: the dates each user is away, and which part of each. */
export class LeaveSource {
  private readonly requests: Pick<RequestStore, 'approvedLeave'>;

  constructor(requests: Pick<RequestStore, 'approvedLeave'>) {
    this.requests = requests;
  }

  /** For each user, the `YYYY-MM-DD` dates in [from, to] covered by approved leave: the whole day, the morning or the afternoon. */
  leaveDates(userIds: readonly string[], from: string, to: string): Map<string, Map<string, LeavePart>> {
    const result = new Map<string, Map<string, LeavePart>>();
    for (const row of this.requests.approvedLeave(userIds, from, to)) {
      const span = leaveSpanOf({ start: row.start, end: row.end, startHalf: row.startHalf, endHalf: row.endHalf });
      const parts = span ? leaveParts(span, () => true) : null;
      if (!parts) continue;
      const dates = result.get(row.submitterId) ?? new Map<string, LeavePart>();
      for (const { date, part } of parts) {
        if (date < from || date > to) continue;
        const earlier = dates.get(date);
        // Two approved halves of one date (a morning and an afternoon request) make the whole day.
        dates.set(date, earlier && earlier !== part ? 'full' : part);
      }
      result.set(row.submitterId, dates);
    }
    return result;
  }
}
