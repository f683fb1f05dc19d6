import type { TFunction } from 'i18next';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { ActionOutcome, ToastView } from '../../../../shared/bridge/views.ts';
import type { DayReport, MonthReport } from '../../../../shared/domain/attendance/index.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { ClockReminders, type ClockReminder, dayContaining } from './clock-reminders.ts';

type AttendanceHandlers = Pick<BridgeHandlers, 'attendance.clock' | 'attendance.month'>;

export interface AttendanceContext {
  session(): SignedInSession | null;
  act(enqueue: (s: SignedInSession) => { actionId: string }): Promise<ActionOutcome>;
  clock: Clock;
  /** The user's language's translator and locale, for the reminder toasts. */
  text(): { t: TFunction; locale: string };
  toast(toast: ToastView): void;
}

/** The clock action queued last, if any is waiting in the outbox. */
export function queuedClock(s: SignedInSession): { kind: 'in' | 'out'; clientTime: number } | null {
  const item = s.outbox
    .all()
    .filter((i) => i.method === 'attendance.clockIn' || i.method === 'attendance.clockOut')
    .at(-1);
  return item
    ? {
        kind: item.method === 'attendance.clockIn' ? 'in' : 'out',
        clientTime: (item.params as { clientTime: number }).clientTime,
      }
    : null;
}

const monthOf = (instant: number) => new Date(instant).toISOString().slice(0, 7);
const DAY_MS = 24 * 3600_000;

/**
 * Attendance on the desktop: the clock action (through the outbox, with the click's own time, so an
 * offline clock-in keeps the minute it was made), the month view (kept for offline), and the
 * reminders that fire on the first activity of a workday and near its end.
 */
export class AttendanceAssistant {
  private readonly c: AttendanceContext;
  private readonly reminders = new ClockReminders();

  constructor(context: AttendanceContext) {
    this.c = context;
  }

  handlers(): AttendanceHandlers {
    return {
      'attendance.clock': async ({ kind, note }) =>
        this.c.act((s) =>
          s.sync.enqueue(kind === 'in' ? 'attendance.clockIn' : 'attendance.clockOut', {
            clientTime: this.c.clock.now(),
            offline: s.sync.state !== 'online',
            ...(note ? { note } : {}),
          }),
        ),
      'attendance.month': async ({ month }) => this.month(month),
    };
  }

  private async month(month: string): Promise<MonthReport | null> {
    const s = this.c.session();
    if (!s) return null;
    if (s.sync.state === 'online') {
      try {
        const report = await s.sync.request('attendance.month', { month });
        s.cache.attendance.setMonth(report);
        return report;
      } catch {
        // Fall back to the copy kept last time.
      }
    }
    return s.cache.attendance.month(month);
  }

  /** The user became active (sign-in, unlock, resume): remind to clock in when the day expects it. */
  async activity(): Promise<void> {
    const s = this.c.session();
    if (!s) return;
    const today = await this.currentDay(s);
    this.show(this.reminders.onActivity(today, queuedClock(s)?.kind ?? null, this.c.clock.now()), today);
  }

  /** Called every minute: remind to clock out when the rule's time comes. */
  tick(): void {
    const s = this.c.session();
    if (!s) return;
    this.show(
      this.reminders.onTick(s.cache.attendance.today(), queuedClock(s)?.kind ?? null, this.c.clock.now()),
      s.cache.attendance.today(),
    );
  }

  /** Today's judged day; after midnight on a PC left running, yesterday's is refreshed from the month view. */
  private async currentDay(s: SignedInSession): Promise<DayReport | null> {
    const now = this.c.clock.now();
    const kept = s.cache.attendance.today();
    if (kept && now < kept.shiftStart + DAY_MS - 4 * 3600_000) return kept;
    const report = await this.month(monthOf(now));
    const day = report ? dayContaining(report.days, now) : null;
    if (day) s.cache.attendance.setToday(day);
    return day ?? kept;
  }

  private show(reminder: ClockReminder | null, today: DayReport | null): void {
    if (!reminder || !today) return;
    const { t, locale } = this.c.text();
    const time = (at: number) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
    if (reminder.kind === 'in') {
      this.c.toast({
        id: `clock-in:${today.date}`,
        kind: 'attendance.clockIn',
        title: t(reminder.late ? 'toast.clockInLate' : 'toast.clockIn'),
        body: t(reminder.late ? 'toast.clockInLateBody' : 'toast.clockInBody', { time: time(today.shiftStart) }),
        route: 'attendance',
        taskId: null,
        actions: [{ id: 'clockIn', label: t('home.clockIn') }],
      });
    } else {
      this.c.toast({
        id: `clock-out:${today.date}`,
        kind: 'attendance.clockOut',
        title: t('toast.clockOut'),
        body: t('toast.clockOutBody', { time: time(today.expectedEnd) }),
        route: 'attendance',
        taskId: null,
        actions: [{ id: 'clockOut', label: t('home.clockOut') }],
      });
    }
  }
}
