import { DateTime } from 'luxon';
import {
  type DndSchedule,
  type PresenceSettings,
  type PresenceState,
  STATUS_TEXT_MAX,
} from '../../../shared/domain/presence/index.ts';

export interface PresenceInputs {
  /** At least one device connected (or one dropped less than the grace period ago). */
  connected: boolean;
  /** Every connected device reports idle or locked. */
  allIdle: boolean;
  settings: PresenceSettings;
  outOfOffice: { from: number; until: number; proxy: { id: string; name: string }; note: string | null } | null;
  now: number;
  timeZone: string;
}

export interface EffectivePresence {
  state: PresenceState;
  until: number | null;
  proxy: { id: string; name: string } | null;
  /** The words shown beside the state: the out-of-office note while away, else the user's own status text. */
  statusText: string | null;
}

/**
 * What others see, from what the user set, their devices and the clock. Out of office first (the
 * proxy is what colleagues need), then offline (a quiet schedule on a PC that is off is just off),
 * then do-not-disturb, meeting and busy, then away when every device is idle, else online.
 */
export function effectivePresence(i: PresenceInputs): EffectivePresence {
  const ooo = i.outOfOffice;
  if (ooo && ooo.from <= i.now && i.now < ooo.until) {
    // A meeting's words ("Budget review") under "Out of office" would say she is in the building.
    return { state: 'ooo', until: ooo.until, proxy: ooo.proxy, statusText: ooo.note?.slice(0, STATUS_TEXT_MAX) ?? null };
  }
  const own = { proxy: null, statusText: i.settings.statusText };
  if (!i.connected) return { state: 'offline', until: null, ...own };
  const manualLive = i.settings.manual !== 'auto' && (i.settings.manualUntil === null || i.now < i.settings.manualUntil);
  if (manualLive && i.settings.manual === 'dnd') return { state: 'dnd', until: i.settings.manualUntil, ...own };
  const quietUntil = i.settings.schedule ? scheduleEnd(i.settings.schedule, i.now, i.timeZone) : null;
  if (quietUntil !== null) return { state: 'dnd', until: quietUntil, ...own };
  if (manualLive) return { state: i.settings.manual as 'busy' | 'meeting', until: i.settings.manualUntil, ...own };
  return { state: i.allIdle ? 'away' : 'online', until: null, ...own };
}

/** When a quiet period in force at `now` ends; null when none is in force. Windows may cross midnight. */
export function scheduleEnd(schedule: DndSchedule, now: number, timeZone: string): number | null {
  const local = DateTime.fromMillis(now, { zone: timeZone });
  const minutes = local.hour * 60 + local.minute;
  const from = toMinutes(schedule.from);
  const to = toMinutes(schedule.to);
  if (from === to) return null;
  const on = (day: DateTime) => schedule.days.includes(day.weekday);
  if (from < to) {
    if (on(local) && minutes >= from && minutes < to) return at(local, to);
    return null;
  }
  // Crosses midnight: the evening part belongs to today's weekday, the morning part to yesterday's.
  if (on(local) && minutes >= from) return at(local.plus({ days: 1 }), to);
  if (on(local.minus({ days: 1 })) && minutes < to) return at(local, to);
  return null;
}

function toMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

function at(day: DateTime, minutes: number): number {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
}
