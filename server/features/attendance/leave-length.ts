import { leaveLength, leaveParts, leaveSpanOf, LEAVE_MAX_DATES } from '../../../shared/domain/attendance/index.ts';
import type { WorkflowHook } from '../approvals/workflow-hooks.ts';
import { DomainError } from '../domain-error.ts';
import type { AttendanceBook } from './attendance-book.ts';
import { dayKind } from './shift.ts';

export const LEAVE_TEMPLATE = 'leave';

/**
 * A leave's length is the server's to count: from its dates and halves, on the requester's own
 * attendance calendar (rest days and holidays cost nothing, a make-up workday costs a day). The
 * count is stored in `days` before the chain is resolved, so "over 3 days goes to HR" routes on
 * it; a declared length that disagrees is refused with the computed one, never silently kept.
 */
export function leaveLengthHook(deps: { book: AttendanceBook }): WorkflowHook {
  return {
    templateKey: LEAVE_TEMPLATE,
    prepare(submitterId, values) {
      const span = leaveSpanOf(values);
      if (!span) return values; // a template edited without dates: nothing to count
      const rule = deps.book.ruleFor(submitterId);
      const parts = leaveParts(span, (date) => dayKind(rule, date) === 'workday');
      if (parts === null) {
        throw new DomainError('invalid_params', `a leave spans at most ${LEAVE_MAX_DATES} days`, undefined, [
          { field: 'end', code: 'too_long_span', limit: LEAVE_MAX_DATES },
        ]);
      }
      const days = leaveLength(parts);
      if (days === 0) {
        throw new DomainError(
          'invalid_params',
          `${span.start} to ${span.end} holds no working time on your calendar`,
          undefined,
          [{ field: 'end', code: 'no_workdays' }],
        );
      }
      const declared = values.days;
      if (declared !== undefined && declared !== days) {
        throw new DomainError(
          'invalid_params',
          `${span.start} to ${span.end} is ${days} working days on your calendar, not ${String(declared)}`,
          { computed: days },
          [{ field: 'days', code: 'not_computed', limit: days }],
        );
      }
      return { ...values, days };
    },
  };
}
