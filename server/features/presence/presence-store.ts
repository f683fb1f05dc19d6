import { DateTime } from 'luxon';
import { PresenceSettings } from '../../../shared/domain/presence/index.ts';
import type { Db } from '../../store/database.ts';

export const DEFAULT_PRESENCE_SETTINGS: PresenceSettings = {
  manual: 'auto',
  manualUntil: null,
  statusText: null,
  schedule: null,
};

export interface OnlineDay {
  day: string;
  onlineMinutes: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** What users set by hand, and the spans they were visibly online (connected, not idle). */
export class PresenceStore {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      settings: db.prepare<[string], { settings: string }>('SELECT settings FROM presence_settings WHERE user_id = ?'),
      putSettings: db.prepare(
        `INSERT INTO presence_settings (user_id, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      ),
      openSpan: db.prepare<[string, number, number], { id: number }>(
        'INSERT INTO presence_spans (user_id, started_at, ended_at) VALUES (?, ?, ?) RETURNING id',
      ),
      extend: db.prepare('UPDATE presence_spans SET ended_at = max(ended_at, ?) WHERE id = ?'),
      spans: db.prepare<[string, number, number], { started_at: number; ended_at: number }>(
        `SELECT started_at, ended_at FROM presence_spans WHERE user_id = ? AND ended_at > ? AND started_at < ?
         ORDER BY started_at`,
      ),
    };
  }

  settings(userId: string): PresenceSettings {
    const row = this.sql.settings.get(userId);
    if (!row) return DEFAULT_PRESENCE_SETTINGS;
    const parsed = PresenceSettings.safeParse(JSON.parse(row.settings));
    return parsed.success ? parsed.data : DEFAULT_PRESENCE_SETTINGS;
  }

  putSettings(userId: string, settings: PresenceSettings, now: number): void {
    this.sql.putSettings.run(userId, JSON.stringify(settings), now);
  }

  openSpan(userId: string, now: number): number {
    return this.sql.openSpan.get(userId, now, now)!.id;
  }

  extendSpan(spanId: number, now: number): void {
    this.sql.extend.run(now, spanId);
  }

  /** Minutes visibly online per day on the site's calendar, days with none left out. */
  onlineDays(userId: string, from: string, to: string, timeZone: string): OnlineDay[] {
    const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
    const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
    const spans = this.sql.spans.all(userId, start.toMillis(), end.toMillis());
    const days: OnlineDay[] = [];
    for (let day = start; day < end; day = day.plus({ days: 1 })) {
      const dayStart = day.toMillis();
      const dayEnd = day.plus({ days: 1 }).toMillis();
      let ms = 0;
      let first = Infinity;
      let last = -Infinity;
      let coveredTo = dayStart;
      for (const span of spans) {
        // Two devices can overlap: count each moment once.
        const a = Math.max(span.started_at, dayStart, coveredTo);
        const b = Math.min(span.ended_at, dayEnd);
        if (span.ended_at > dayStart && span.started_at < dayEnd) {
          first = Math.min(first, Math.max(span.started_at, dayStart));
          last = Math.max(last, Math.min(span.ended_at, dayEnd));
        }
        if (b > a) {
          ms += b - a;
          coveredTo = b;
        }
      }
      if (ms > 0)
        days.push({ day: day.toISODate()!, onlineMinutes: Math.round(ms / 60_000), firstSeenAt: first, lastSeenAt: last });
    }
    return days;
  }
}
