import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { WorkCalendar, defaultWorkCalendar } from './work-calendar.ts';

const shanghai = new WorkCalendar(defaultWorkCalendar);
const at = (iso: string, zone = 'Asia/Shanghai') => DateTime.fromISO(iso, { zone }).toMillis();
const show = (ms: number, zone = 'Asia/Shanghai') => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd'T'HH:mm");

describe('WorkCalendar', () => {
  it('adds hours within one working day', () => {
    expect(show(shanghai.addWorkingHours(at('2026-11-23T10:00'), 4))).toBe('Mon 2026-11-23T14:00');
  });

  it('carries the rest over the night and the weekend', () => {
    // Friday 16:00 + 8 h: 2 h on Friday, 6 h on Monday from 09:00.
    expect(show(shanghai.addWorkingHours(at('2026-11-27T16:00'), 8))).toBe('Mon 2026-11-30T15:00');
  });

  it('starts counting at the start of work when submitted at night or on a weekend', () => {
    expect(show(shanghai.addWorkingHours(at('2026-11-28T23:30'), 1))).toBe('Mon 2026-11-30T10:00');
    expect(show(shanghai.addWorkingHours(at('2026-11-24T06:00'), 2))).toBe('Tue 2026-11-24T11:00');
  });

  it('skips holidays', () => {
    const calendar = new WorkCalendar({ ...defaultWorkCalendar, holidays: ['2026-12-31', '2027-01-01'] });
    expect(show(calendar.addWorkingHours(at('2026-12-30T17:00'), 2))).toBe('Mon 2027-01-04T10:00');
  });

  it('counts wall-clock hours across a daylight-saving change', () => {
    const berlin = new WorkCalendar({ ...defaultWorkCalendar, timeZone: 'Europe/Berlin' });
    // Clocks go back on Sunday 25 Oct 2026; Friday 17:00 + 2 h is Monday 10:00 local, not 09:00 or 11:00.
    expect(show(berlin.addWorkingHours(at('2026-10-23T17:00', 'Europe/Berlin'), 2), 'Europe/Berlin')).toBe(
      'Mon 2026-10-26T10:00',
    );
  });

  it('knows the local date and workdays', () => {
    expect(shanghai.localDate(at('2026-11-23T23:30'))).toBe('2026-11-23');
    expect(shanghai.isWorkday(at('2026-11-28T10:00'))).toBe(false);
    expect(show(shanghai.dayStart(at('2026-11-23T15:00')))).toBe('Mon 2026-11-23T09:00');
  });

  it('rejects a calendar that cannot be right', () => {
    expect(() => new WorkCalendar({ ...defaultWorkCalendar, timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => new WorkCalendar({ ...defaultWorkCalendar, start: '18:00', end: '09:00' })).toThrow(/end after/);
  });
});
