import type { HomeView } from '../../shared/bridge/views.ts';
import { queuedClock } from './features/attendance/attendance-assistant.ts';
import type { SignedInSession } from './session/signed-in-session.ts';

/** Home's counters and today's state, from the cache (zeros when signed out). */
export function buildHomeView(s: SignedInSession | null, dndSetting: number | null, now: number): HomeView {
  const doNotDisturbUntil = dndSetting !== null && dndSetting > now ? dndSetting : null;
  if (!s)
    return {
      pendingApprovals: 0,
      unreadNotices: 0,
      unacknowledgedRequired: 0,
      lastClock: null,
      queuedClock: null,
      today: null,
      urgentNotices: [],
      doNotDisturbUntil,
      unreadChats: 0,
      chatMentions: 0,
    };
  const counts = s.cache.notices.counts(now);
  const chats = s.cache.chat.unreadTotals();
  return {
    urgentNotices: s.cache.notices.urgentOutstanding(now).map((n) => ({ id: n.id, title: n.title })),
    doNotDisturbUntil,
    pendingApprovals: s.cache.approvals.pendingCount(),
    unreadNotices: counts.unread,
    unacknowledgedRequired: counts.unacknowledgedRequired,
    lastClock: s.cache.attendance.last(),
    queuedClock: queuedClock(s),
    today: s.cache.attendance.today(),
    unreadChats: chats.unread,
    chatMentions: chats.mentioned,
  };
}
