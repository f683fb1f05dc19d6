import type { TFunction } from 'i18next';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { ActionOutcome, ToastView } from '../../../../shared/bridge/views.ts';
import {
  type ClockKind,
  type DayReport,
  type MonthReport,
  earlyClockOut,
  nextClockKind,
  splitMinutes,
} from '../../../../shared/domain/attendance/index.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { ClockReminders, type ClockReminder, dayContaining } from './clock-reminders.ts';
import { type Act, describeResult } from '../../sync/action-outcome.ts';

type AttendanceHandlers = Pick<BridgeHandlers, 'attendance.clock' | 'attendance.clockNext' | 'attendance.month'>;

export interface AttendanceContext {
  session(): SignedInSession | null;
  act: Act;
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
  private readonly context: AttendanceContext;
  private readonly reminders = new ClockReminders();

  constructor(context: AttendanceContext) {
    this.context = context;
  }

  handlers(): AttendanceHandlers {
    return {
      'attendance.clock': async ({ kind, note }) => this.clock(kind, note),
      'attendance.clockNext': async () => {
        const s = this.context.session();
        if (!s) return { status: 'failed', code: 'signed_out', message: 'sign in first' };
        const kind = nextClockKind({
          queued: queuedClock(s),
          today: s.cache.attendance.today(),
          last: s.cache.attendance.last(),
        });
        // A shortcut, the tray or the palette never clocks out early unasked: the toast asks instead.
        const early = earlyClockOut(kind, s.cache.attendance.today(), this.context.clock.now());
        if (early) {
          this.context.toast(earlyClockOutToast(early, s.cache.attendance.today()!.timeZone, this.context.text()));
          return { status: 'failed', code: 'early_clock_out', message: 'a clock-out before the day ends needs a confirmation' };
        }
        const outcome = await this.clock(kind, undefined);
        this.context.toast(outcomeToast(outcome, kind, this.context.text(), this.context.clock.now()));
        return outcome;
      },
      'attendance.month': async ({ month }) => this.month(month),
    };
  }

  private clock(kind: ClockKind, note: string | undefined): Promise<ActionOutcome> {
    const method = kind === 'in' ? 'attendance.clockIn' : 'attendance.clockOut';
    return this.context.act(
      (s) =>
        s.sync.enqueue(method, {
          clientTime: this.context.clock.now(),
          offline: s.sync.state !== 'online',
          ...(note ? { note } : {}),
        }),
      describeResult(method, (clock) => ({ clock })),
    );
  }

  private async month(month: string): Promise<MonthReport | null> {
    const s = this.context.session();
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
    const s = this.context.session();
    if (!s) return;
    const today = await this.currentDay(s);
    this.show(this.reminders.onActivity(today, queuedClock(s)?.kind ?? null, this.context.clock.now()), today);
  }

  /** Called every minute: remind to clock out when the rule's time comes. */
  tick(): void {
    const s = this.context.session();
    if (!s) return;
    this.show(
      this.reminders.onTick(s.cache.attendance.today(), queuedClock(s)?.kind ?? null, this.context.clock.now()),
      s.cache.attendance.today(),
    );
  }

  /** Today's judged day; after midnight on a PC left running, yesterday's is refreshed from the month view. */
  private async currentDay(s: SignedInSession): Promise<DayReport | null> {
    const now = this.context.clock.now();
    const kept = s.cache.attendance.today();
    if (kept && now < kept.shiftStart + DAY_MS - 4 * 3600_000) return kept;
    const report = await this.month(monthOf(now));
    const day = report ? dayContaining(report.days, now) : null;
    if (day) s.cache.attendance.setToday(day);
    return day ?? kept;
  }

  private show(reminder: ClockReminder | null, today: DayReport | null): void {
    if (!reminder || !today) return;
    const { t, locale } = this.context.text();
    const time = (at: number) =>
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: today.timeZone }).format(at);
    if (reminder.kind === 'in') {
      this.context.toast({
        id: `clock-in:${today.date}`,
        kind: 'attendance.clockIn',
        title: t(reminder.late ? 'toast.clockInLate' : 'toast.clockIn'),
        body: t(reminder.late ? 'toast.clockInLateBody' : 'toast.clockInBody', { time: time(today.shiftStart) }),
        route: 'attendance',
        taskId: null,
        actions: [{ id: 'clockIn', label: t('home.clockIn') }],
      });
    } else {
      this.context.toast({
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

/** The toast that answers the shortcut or the tray: the verdict, "saved offline", or why it failed. */
export function outcomeToast(
  outcome: ActionOutcome,
  kind: ClockKind,
  { t, locale }: { t: TFunction; locale: string },
  now: number,
): ToastView {
  const zone = outcome.status === 'done' && outcome.clock ? { timeZone: outcome.clock.day.timeZone } : {};
  const time = (at: number) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone }).format(at);
  const kindText = t(kind === 'in' ? 'attendance.kindIn' : 'attendance.kindOut');
  const title =
    outcome.status === 'done' && outcome.clock
      ? t(`attendance.verdict.${outcome.clock.verdict}`, {
          time: time(outcome.clock.record.at),
          duration: t(`attendance.duration.${splitMinutes(outcome.clock.minutes).key}`, splitMinutes(outcome.clock.minutes)),
          kind: kindText,
          reason: outcome.clock.record.reviewReason ? t(`attendance.reviewReason.${outcome.clock.record.reviewReason}`) : '',
        })
      : outcome.status === 'failed'
        ? outcome.code === 'network_not_allowed'
          ? t('attendance.error.network_not_allowed', { ip: outcome.details?.ip, networks: outcome.details?.networks })
          : outcome.code === 'note_required'
            ? t('attendance.error.note_required')
            : t('common.actionFailed', { message: outcome.message })
        : t('attendance.queued', { kind: kindText, time: time(now) });
  return {
    id: `clocked:${kind}:${now}`,
    kind: kind === 'in' ? 'attendance.clockIn' : 'attendance.clockOut',
    title,
    body: '',
    route: 'attendance',
    taskId: null,
    actions: [],
  };
}

/** "Clock out before 18:00?": the question a shortcut's early clock-out asks, answered by its button. */
export function earlyClockOutToast(
  early: { expectedEnd: number; minutesEarly: number },
  timeZone: string,
  { t, locale }: { t: TFunction; locale: string },
): ToastView {
  const end = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(early.expectedEnd);
  const left = splitMinutes(early.minutesEarly);
  return {
    id: `clock-out-early:${early.expectedEnd}`,
    kind: 'attendance.clockOut',
    title: t('attendance.early.title', { time: end }),
    body: t('attendance.early.body', { time: end, left: t(`attendance.duration.${left.key}`, left) }),
    route: 'attendance',
    taskId: null,
    actions: [{ id: 'clockOut', label: t('attendance.early.confirm') }],
  };
}
