import type { DailyBrief } from '../../../../shared/domain/brief.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { queuedClock } from '../attendance/attendance-assistant.ts';

const LISTED_NOTICES = 5;

/**
 * The brief as it is now. The server's copy gives the day, its key items and the leaders; every
 * other line is read from the same cache the cards beside it read, so clocking in, acknowledging a
 * notice or deciding an approval changes the brief in the same moment it changes the card (the
 * copy fetched at the first sign-in said "not clocked in" all day).
 */
export function liveBrief(kept: DailyBrief, s: SignedInSession, now: number): DailyBrief {
  const pending = s.cache.approvals.listPending();
  const owed = s.cache.notices.owedAcknowledgements(now, LISTED_NOTICES);
  const today = s.cache.attendance.today();
  const day = today && today.date === kept.day ? today : kept.attendance;
  const queued = queuedClock(s);
  return {
    ...kept,
    pendingApprovals: {
      count: pending.length,
      oldestSubmittedAt: pending.length > 0 ? Math.min(...pending.map((task) => task.submittedAt)) : null,
    },
    requiredNotices: owed.map((notice) => ({ id: notice.id, title: notice.title, priority: notice.priority })),
    requiredNoticesTotal: s.cache.notices.counts(now).unacknowledgedRequired,
    // A clock-in waiting in the outbox is a clock-in: the card says so, and so does the brief.
    attendance: day && day.firstIn === null && queued?.kind === 'in' ? { ...day, firstIn: queued.clientTime } : day,
  };
}
