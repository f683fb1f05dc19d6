import { DateTime } from 'luxon';
import { z } from 'zod';

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:mm');

export const WorkCalendarConfig = z
  .object({
    /** An IANA zone: working hours are counted on the site's wall clock, across daylight-saving changes. */
    timeZone: z.string().refine((zone) => DateTime.local().setZone(zone).isValid, 'unknown IANA time zone'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: HourMinute,
    end: HourMinute,
    /** Dates (`YYYY-MM-DD`) that are not worked even on a workday. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400),
  })
  .refine((c) => c.start < c.end, 'the working day must end after it starts');
export type WorkCalendarConfig = z.infer<typeof WorkCalendarConfig>;

export const defaultWorkCalendar: WorkCalendarConfig = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  holidays: [],
};

const MAX_DAYS_SCANNED = 800;

/** Working-hour arithmetic for SLAs and digests: "8 working hours after Friday 16:00" is Monday 15:00. */
export class WorkCalendar {
  readonly config: WorkCalendarConfig;
  private readonly holidays: Set<string>;

  constructor(config: WorkCalendarConfig) {
    this.config = WorkCalendarConfig.parse(config);
    this.holidays = new Set(config.holidays);
  }

  isWorkday(instant: number): boolean {
    return this.isWorkingDate(this.local(instant));
  }

  /** The site's calendar date of an instant, `YYYY-MM-DD`. */
  localDate(instant: number): string {
    return this.local(instant).toISODate()!;
  }

  /** The instant the working day of `instant`'s date starts (whether or not that date is worked). */
  dayStart(instant: number): number {
    return this.at(this.local(instant), this.config.start).toMillis();
  }

  /** Adds working hours, skipping nights, weekends and holidays. */
  addWorkingHours(instant: number, hours: number): number {
    let remaining = Math.round(hours * 3600_000);
    let cursor = this.local(instant);
    for (let day = 0; day < MAX_DAYS_SCANNED; day += 1) {
      const start = this.at(cursor, this.config.start);
      const end = this.at(cursor, this.config.end);
      if (this.isWorkingDate(cursor) && cursor < end) {
        const from = cursor < start ? start : cursor;
        const available = end.toMillis() - from.toMillis();
        if (remaining <= available) return from.toMillis() + remaining;
        remaining -= available;
      }
      cursor = cursor.plus({ days: 1 }).startOf('day');
    }
    throw new Error(`no working time within ${MAX_DAYS_SCANNED} days: check the calendar`);
  }

  private local(instant: number): DateTime {
    return DateTime.fromMillis(instant, { zone: this.config.timeZone });
  }

  private at(day: DateTime, hourMinute: string): DateTime {
    const [hour, minute] = hourMinute.split(':').map(Number);
    return day.set({ hour, minute, second: 0, millisecond: 0 });
  }

  private isWorkingDate(day: DateTime): boolean {
    return this.config.workdays.includes(day.weekday) && !this.holidays.has(day.toISODate()!);
  }
}
