import type { Db } from '../../store/database.ts';
import { addDays } from './shift.ts';

/** Approved leave, read from the approvals workflow: the dates each user is away. */
export class LeaveSource {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<[string, string, string], { submitter_id: string; start: string; end: string }>(
      `SELECT submitter_id, json_extract(form_values, '$.start') AS start, json_extract(form_values, '$.end') AS end
       FROM approval_requests
       WHERE template_key = 'leave' AND status = 'approved'
         AND submitter_id IN (SELECT value FROM json_each(?))
         AND json_extract(form_values, '$.start') <= ? AND json_extract(form_values, '$.end') >= ?`,
    );
  }

  /** For each user, the set of `YYYY-MM-DD` dates in [from, to] covered by approved leave. */
  leaveDates(userIds: readonly string[], from: string, to: string): Map<string, Set<string>> {
    const result = new Map<string, Set<string>>();
    for (const row of this.stmt.all(JSON.stringify(userIds), to, from)) {
      const dates = result.get(row.submitter_id) ?? new Set<string>();
      for (let date = row.start < from ? from : row.start; date <= row.end && date <= to; date = addDays(date, 1))
        dates.add(date);
      result.set(row.submitter_id, dates);
    }
    return result;
  }
}
