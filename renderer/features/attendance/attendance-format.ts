import type { TFunction } from 'i18next';
import type { ActionOutcome, HomeView } from '../../../shared/bridge/views.ts';
import {
  type ClockOutcome,
  type DayReport,
  type DayStatus,
  nextClockKind,
  splitMinutes,
} from '../../../shared/domain/attendance/index.ts';

/** "12 min", "9 h 38 min". */
export function duration(minutes: number, t: TFunction): string {
  const { key, h, m } = splitMinutes(minutes);
  return t(`attendance.duration.${key}`, { h, m });
}

/** Times in the site's zone: someone travelling still sees the office's 09:00. */
export function siteTime(at: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** Status colour groups for the calendar and chips. */
export function statusTone(status: DayStatus): 'ok' | 'warn' | 'bad' | 'info' | 'quiet' {
  switch (status) {
    case 'on_time':
    case 'corrected':
      return 'ok';
    case 'late':
    case 'early':
    case 'late_early':
    case 'missing_in':
    case 'missing_out':
      return 'warn';
    case 'absent':
      return 'bad';
    case 'on_leave':
    case 'in_progress':
    case 'pending':
      return 'info';
    default:
      return 'quiet';
  }
}

/** "Clocked in 08:57, on time": what the server said about the click, in the user's words. */
export function verdictText(outcome: ClockOutcome, t: TFunction, language: string): string {
  const time = siteTime(outcome.record.at, language, outcome.day.timeZone);
  const kind = t(outcome.record.kind === 'in' ? 'attendance.kindIn' : 'attendance.kindOut');
  const reason = outcome.record.reviewReason ? t(`attendance.reviewReason.${outcome.record.reviewReason}`) : '';
  return t(`attendance.verdict.${outcome.verdict}`, { time, duration: duration(outcome.minutes, t), kind, reason });
}

/** The Home card's status line when there is no fresh outcome to show. */
export function todayText(home: HomeView, t: TFunction, language: string): string {
  if (home.queuedClock) {
    const kind = t(home.queuedClock.kind === 'in' ? 'attendance.kindIn' : 'attendance.kindOut');
    return t('attendance.queued', { kind, time: siteTime(home.queuedClock.clientTime, language, home.today?.timeZone) });
  }
  const today: DayReport | null = home.today;
  if (!today) return t('home.notClockedIn');
  const status = t(`attendance.status.${today.status}`);
  const time = (at: number) => siteTime(at, language, today.timeZone);
  if (today.lastOut !== null) return t('attendance.todayOut', { time: time(today.lastOut), status });
  if (today.firstIn !== null) {
    const lateness =
      today.lateMinutes > 0
        ? t('attendance.lateBy', { duration: duration(today.lateMinutes, t) })
        : t('attendance.status.on_time');
    return t('attendance.todayIn', { time: time(today.firstIn), status: lateness });
  }
  if (today.kind !== 'workday' || today.leave === 'full') return status;
  return t('attendance.startsAt', { time: time(today.shiftStart) });
}

/** The failure of a clock, with what to do about it. */
export function clockFailureText(outcome: Extract<ActionOutcome, { status: 'failed' }>, t: TFunction): string {
  const details = outcome.details ?? {};
  if (outcome.code === 'network_not_allowed')
    return t('attendance.error.network_not_allowed', { ip: details.ip, networks: details.networks });
  if (outcome.code === 'note_required') return t('attendance.error.note_required');
  return t('common.actionFailed', { message: outcome.message });
}

/** Whether the user's next click is a clock-in or a clock-out. */
export const nextKind = (home: HomeView) => nextClockKind({ queued: home.queuedClock, today: home.today, last: home.lastClock });
