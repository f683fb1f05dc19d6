import { type LeavePart, leaveParts, leaveSpanOf } from '../../../shared/domain/attendance/index.ts';
import type { Db } from '../../store/database.ts';

/** Approved leave, read from the approvals workflow: the dates each user is away, and which part of each. */
export class LeaveSource {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<
      [string, string, string],
      { submitter_id: string; start: string; end: string; start_half: string | null; end_half: string | null }
    >(
      `SELECT submitter_id, json_extract(form_values, '$.start') AS start, json_extract(form_values, '$.end') AS end,
              json_extract(form_values, '$.startHalf') AS start_half, json_extract(form_values, '$.endHalf') AS end_half
       FROM approval_requests
       WHERE template_key = 'leave' AND status = 'approved'
         AND submitter_id IN (SELECT value FROM json_each(?))
         AND json_extract(form_values, '$.start') <= ? AND json_extract(form_values, '$.end') >= ?`,
    );
  }

  /** For each user, the `YYYY-MM-DD` dates in [from, to] covered by approved leave: the whole day, the morning or the afternoon. */
  leaveDates(userIds: readonly string[], from: string, to: string): Map<string, Map<string, LeavePart>> {
    const result = new Map<string, Map<string, LeavePart>>();
    for (const row of this.stmt.all(JSON.stringify(userIds), to, from)) {
      const span = leaveSpanOf({ start: row.start, end: row.end, startHalf: row.start_half, endHalf: row.end_half });
      const parts = span ? leaveParts(span, () => true) : null;
      if (!parts) continue;
      const dates = result.get(row.submitter_id) ?? new Map<string, LeavePart>();
      for (const { date, part } of parts) {
        if (date < from || date > to) continue;
        const earlier = dates.get(date);
        // Two approved halves of one date (a morning and an afternoon request) make the whole day.
        dates.set(date, earlier && earlier !== part ? 'full' : part);
      }
      result.set(row.submitter_id, dates);
    }
    return result;
  }
}
