import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ClockKind } from '../../../shared/domain/attendance/index.ts';
import type { WorkflowHook } from '../approvals/workflow-hooks.ts';
import { DomainError } from '../domain-error.ts';
import type { AttendanceBook } from './attendance-book.ts';
import type { AttendanceService } from './attendance-service.ts';
import type { ClockStore, NewClock } from './clock-store.ts';

/** How far back a missed clock may be made up. */
export const MAKEUP_MAX_DAYS = 31;
export const MAKEUP_TEMPLATE = 'makeup_clock';

/** The instant of a make-up form's local `YYYY-MM-DDTHH:mm`, on the wall clock of the user's site. */
function makeupInstant(book: AttendanceBook, userId: string, local: unknown): number | null {
  if (typeof local !== 'string') return null;
  const parsed = DateTime.fromISO(local, { zone: book.ruleFor(userId).timeZone });
  return parsed.isValid ? parsed.toMillis() : null;
}

/**
 * The make-up clock-in (补卡) as a workflow hook: submitting checks the time is a past one within
 * the window; approval writes a `correction` record and an audit entry with the day before and after.
 * Nothing is overwritten: the original records stay, and the first clock-in / last clock-out rule
 * decides which one counts.
 */
export function makeupHook(deps: { book: AttendanceBook; clocks: ClockStore; service: AttendanceService }): WorkflowHook {
  const { book, clocks, service } = deps;
  return {
    templateKey: MAKEUP_TEMPLATE,
    prepare(submitterId, values, now) {
      const at = makeupInstant(book, submitterId, values.at);
      if (at === null)
        throw new DomainError('invalid_params', 'the time is not valid', undefined, [{ field: 'at', code: 'invalid_date' }]);
      if (at > now)
        throw new DomainError('invalid_params', 'a make-up clock cannot be in the future', undefined, [
          { field: 'at', code: 'in_future' },
        ]);
      if (now - at > MAKEUP_MAX_DAYS * 24 * 3600_000) {
        throw new DomainError('invalid_params', `make-up clocks reach back ${MAKEUP_MAX_DAYS} days`, undefined, [
          { field: 'at', code: 'too_old', limit: MAKEUP_MAX_DAYS },
        ]);
      }
      return values;
    },
    finished(tx, request, status, now, by) {
      if (status !== 'approved' || request.submitterId === null) return;
      const userId = request.submitterId;
      const at = makeupInstant(book, userId, request.values.at);
      const kind = ClockKind.safeParse(request.values.kind);
      if (at === null || !kind.success) return;
      const date = book.dateOf(userId, at);
      const before = book.day(userId, date, now);
      const record: NewClock = {
        id: `c_${randomUUID()}`,
        userId,
        kind: kind.data,
        at,
        clientTime: at,
        offline: false,
        source: 'correction',
        status: 'accepted',
        reviewReason: null,
        note: request.title,
        ip: null,
        requestId: request.id,
        receivedAt: now,
      };
      clocks.insert(record);
      const after = service.publish(tx, userId, record, now);
      const summary = (d: typeof before) => ({
        status: d.status,
        firstIn: d.firstIn,
        lastOut: d.lastOut,
        lateMinutes: d.lateMinutes,
      });
      clocks.audit({
        userId,
        date,
        action: 'corrected',
        recordId: record.id,
        before: summary(before),
        after: summary(after),
        actorId: by,
        requestId: request.id,
        at: now,
      });
    },
  };
}
