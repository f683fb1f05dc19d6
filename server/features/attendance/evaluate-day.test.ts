import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type AttendanceRule,
  type ClockKind,
  type ClockRecord,
  defaultAttendanceRule,
} from '../../../shared/domain/attendance/index.ts';
import { type Absence, evaluateDay } from './evaluate-day.ts';
import { attendanceDateOf, shiftOn } from './shift.ts';

const SHANGHAI = defaultAttendanceRule('Asia/Shanghai');
const at = (iso: string, zone = 'Asia/Shanghai') => DateTime.fromISO(iso, { zone }).toMillis();

let seq = 0;
function rec(kind: ClockKind, instant: number, extra: Partial<ClockRecord> = {}): ClockRecord {
  seq += 1;
  return {
    id: `c_${seq}`,
    kind,
    at: instant,
    clientTime: instant,
    offline: false,
    source: 'online',
    status: 'accepted',
    reviewReason: null,
    note: null,
    receivedAt: instant,
    ...extra,
  };
}

function judge(
  date: string,
  records: ClockRecord[],
  options: { rule?: AttendanceRule; absences?: Absence[]; now?: number } = {},
) {
  const rule = options.rule ?? SHANGHAI;
  return evaluateDay({
    rule,
    date,
    records,
    absences: options.absences ?? [],
    now: options.now ?? at('2026-12-31T23:00', rule.timeZone),
  });
}

describe('rules engine: a day shift in Shanghai, 09:00–18:00', () => {
  it('is on time at 08:57 and through 09:00:59; late from 09:01', () => {
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T08:57')), rec('out', at('2026-11-23T18:02'))]).status).toBe('on_time');
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T09:00:59')), rec('out', at('2026-11-23T18:00'))]).status).toBe(
      'on_time',
    );
    const late = judge('2026-11-23', [rec('in', at('2026-11-23T09:12')), rec('out', at('2026-11-23T18:00'))]);
    // 09:12–18:00 less the 12:00–13:00 lunch break.
    expect(late).toMatchObject({ status: 'late', lateMinutes: 12, earlyMinutes: 0, workedMinutes: 468 });
  });

  it('is early when leaving before the end, and both late and early when both', () => {
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T08:50')), rec('out', at('2026-11-23T17:30'))])).toMatchObject({
      status: 'early',
      earlyMinutes: 30,
    });
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T09:05')), rec('out', at('2026-11-23T17:59'))])).toMatchObject({
      status: 'late_early',
      lateMinutes: 5,
      earlyMinutes: 1,
    });
  });

  it('is absent with no clock at all once the shift is over, pending before, upcoming before the start', () => {
    expect(judge('2026-11-23', []).status).toBe('absent');
    expect(judge('2026-11-23', [], { now: at('2026-11-23T10:00') }).status).toBe('pending');
    expect(judge('2026-11-23', [], { now: at('2026-11-23T07:00') }).status).toBe('upcoming');
  });

  it('counts a clock-in more than absentAfterMinutes past the threshold as absent', () => {
    const rule = { ...SHANGHAI, absentAfterMinutes: 120 };
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T11:00')), rec('out', at('2026-11-23T18:00'))], { rule }).status).toBe(
      'late',
    );
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T11:01')), rec('out', at('2026-11-23T18:00'))], { rule }).status).toBe(
      'absent',
    );
  });

  it('keeps the first of two clock-ins and the last clock-out', () => {
    const day = judge('2026-11-23', [
      rec('in', at('2026-11-23T08:55')),
      rec('in', at('2026-11-23T09:30')),
      rec('out', at('2026-11-23T17:00')),
      rec('out', at('2026-11-23T18:10')),
    ]);
    expect(day).toMatchObject({
      status: 'on_time',
      firstIn: at('2026-11-23T08:55'),
      lastOut: at('2026-11-23T18:10'),
      extraIns: 1,
    });
  });

  it('calls a clock-out without a clock-in missing_in, and a clock-in without a clock-out missing_out once the day is over', () => {
    expect(judge('2026-11-23', [rec('out', at('2026-11-23T18:05'))]).status).toBe('missing_in');
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T08:55'))]).status).toBe('missing_out');
    // Still at work after 18:00: in progress until the attendance day ends (05:00 next morning).
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T08:55'))], { now: at('2026-11-23T20:00') }).status).toBe('in_progress');
  });

  it('ignores rejected records and flags records under review', () => {
    const day = judge('2026-11-23', [
      rec('in', at('2026-11-23T08:40'), { status: 'rejected' }),
      rec('in', at('2026-11-23T09:20'), { status: 'review', reviewReason: 'late_sync' }),
      rec('out', at('2026-11-23T18:00')),
    ]);
    expect(day).toMatchObject({ status: 'late', lateMinutes: 20, review: true });
  });

  it('marks a day made whole by an approved make-up clock as corrected', () => {
    const day = judge('2026-11-23', [
      rec('in', at('2026-11-23T08:58'), { source: 'correction' }),
      rec('out', at('2026-11-23T18:00')),
    ]);
    expect(day).toMatchObject({ status: 'corrected', corrected: true });
  });
});

describe('rules engine: flexible time', () => {
  const rule = { ...SHANGHAI, flexMinutes: 30 };

  it('lets people arrive within the flexible minutes and moves their end by as much', () => {
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T09:20')), rec('out', at('2026-11-23T18:20'))], { rule });
    expect(day).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T18:20') });
    expect(judge('2026-11-23', [rec('in', at('2026-11-23T09:20')), rec('out', at('2026-11-23T18:05'))], { rule })).toMatchObject({
      status: 'early',
      earlyMinutes: 15,
    });
  });

  it('is late past the flexible minutes, and then not also early for the same minutes: the end stays', () => {
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T09:31')), rec('out', at('2026-11-23T18:00'))], { rule });
    expect(day).toMatchObject({ status: 'late', lateMinutes: 31, earlyMinutes: 0, expectedEnd: at('2026-11-23T18:00') });
  });

  it('as a grace period, is late only after the minutes and never moves the end', () => {
    const grace = { ...rule, flexMode: 'grace' as const };
    const within = judge('2026-11-23', [rec('in', at('2026-11-23T09:20')), rec('out', at('2026-11-23T18:00'))], { rule: grace });
    expect(within).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T18:00') });
    const beyond = judge('2026-11-23', [rec('in', at('2026-11-23T09:40')), rec('out', at('2026-11-23T18:00'))], { rule: grace });
    expect(beyond).toMatchObject({ status: 'late', lateMinutes: 40, earlyMinutes: 0 });
  });

  it('does not move the end for an early arrival', () => {
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T08:30')), rec('out', at('2026-11-23T18:00'))], { rule });
    expect(day).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T18:00') });
  });
});

describe('rules engine: calendars', () => {
  it('expects nothing on weekends and holidays, and counts make-up workdays', () => {
    const rule = { ...SHANGHAI, holidays: ['2026-10-01'], extraWorkdays: ['2026-09-27'] };
    expect(judge('2026-11-28', [], { rule }).status).toBe('rest'); // Saturday
    expect(judge('2026-10-01', [], { rule }).status).toBe('holiday'); // Thursday, National Day
    expect(judge('2026-09-27', [], { rule }).status).toBe('absent'); // Sunday, worked in exchange
    const worked = judge('2026-10-01', [rec('in', at('2026-10-01T10:00')), rec('out', at('2026-10-01T12:00'))], { rule });
    expect(worked).toMatchObject({ status: 'holiday', workedMinutes: 120 });
  });

  it('counts a day covered by approved leave as on leave, and adjusts start or end for leave in part of it', () => {
    const fullDay = { start: at('2026-11-23T00:00'), end: at('2026-11-24T00:00') };
    expect(judge('2026-11-23', [], { absences: [fullDay] })).toMatchObject({ status: 'on_leave', leave: 'full' });
    const morning = { start: at('2026-11-23T09:00'), end: at('2026-11-23T13:00') };
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T12:55')), rec('out', at('2026-11-23T18:00'))], { absences: [morning] }),
    ).toMatchObject({ status: 'on_time', leave: 'partial', lateAfter: at('2026-11-23T13:00') });
    const afternoon = { start: at('2026-11-23T14:00'), end: at('2026-11-23T18:00') };
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T09:00')), rec('out', at('2026-11-23T14:00'))], { absences: [afternoon] }),
    ).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T14:00') });
  });
});

describe('rules engine: breaks and half days', () => {
  it('does not count the lunch break as worked', () => {
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T09:00')), rec('out', at('2026-11-23T18:00'))]);
    expect(day.workedMinutes).toBe(8 * 60);
    const noBreak = { ...SHANGHAI, breaks: [] };
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T09:00')), rec('out', at('2026-11-23T18:00'))], { rule: noBreak })
        .workedMinutes,
    ).toBe(9 * 60);
  });

  it('a morning off ends at lunch: arriving at 13:00 is on time; an afternoon off ends the day at 12:00', () => {
    const morning = { start: at('2026-11-23T09:00'), end: at('2026-11-23T12:00') };
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T13:00')), rec('out', at('2026-11-23T18:00'))], { absences: [morning] }),
    ).toMatchObject({ status: 'on_time', leave: 'partial', lateAfter: at('2026-11-23T13:00'), workedMinutes: 300 });
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T13:10')), rec('out', at('2026-11-23T18:00'))], { absences: [morning] }),
    ).toMatchObject({ status: 'late', lateMinutes: 10 });
    const afternoon = { start: at('2026-11-23T13:00'), end: at('2026-11-23T18:00') };
    expect(
      judge('2026-11-23', [rec('in', at('2026-11-23T09:00')), rec('out', at('2026-11-23T12:00'))], { absences: [afternoon] }),
    ).toMatchObject({ status: 'on_time', expectedEnd: at('2026-11-23T12:00') });
  });
});

describe('rules engine: night shifts that cross midnight', () => {
  const night = { ...SHANGHAI, start: '22:00', end: '06:00' };

  it('ends the shift the next morning and attributes the morning clock-out to the evening before', () => {
    const shift = shiftOn(night, '2026-11-23');
    expect(shift.end - shift.start).toBe(8 * 3600_000);
    expect(attendanceDateOf(night, at('2026-11-24T06:05'))).toBe('2026-11-23');
    expect(attendanceDateOf(night, at('2026-11-24T21:50'))).toBe('2026-11-24');
    expect(attendanceDateOf(night, at('2026-11-23T17:59'))).toBe('2026-11-22');
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T21:55')), rec('out', at('2026-11-24T06:05'))], { rule: night });
    expect(day).toMatchObject({ status: 'on_time', workedMinutes: 490 });
  });

  it('judges the night by the weekday it starts on', () => {
    // Friday night's shift runs into Saturday and is a workday; Sunday night's is not.
    expect(shiftOn(night, '2026-11-27').kind).toBe('workday');
    expect(shiftOn(night, '2026-11-29').kind).toBe('rest');
  });

  it('is early when leaving the night shift before 06:00', () => {
    const day = judge('2026-11-23', [rec('in', at('2026-11-23T22:00')), rec('out', at('2026-11-24T05:00'))], { rule: night });
    expect(day).toMatchObject({ status: 'early', earlyMinutes: 60 });
  });

  it('attributes a day shift overtime clock-out after midnight to the day', () => {
    expect(attendanceDateOf(SHANGHAI, at('2026-11-24T01:30'))).toBe('2026-11-23');
    expect(attendanceDateOf(SHANGHAI, at('2026-11-24T05:00'))).toBe('2026-11-24');
  });
});

describe('rules engine: time zones and daylight saving', () => {
  it('reads the shift on the site wall clock, not the server clock', () => {
    const london = { ...SHANGHAI, timeZone: 'Europe/London' };
    expect(shiftOn(london, '2026-11-23').start).toBe(Date.UTC(2026, 10, 23, 9, 0));
    expect(shiftOn(SHANGHAI, '2026-11-23').start).toBe(Date.UTC(2026, 10, 23, 1, 0));
  });

  it('keeps 09:00 at 09:00 on the days after spring-forward and fall-back in New York', () => {
    const ny = { ...SHANGHAI, timeZone: 'America/New_York' };
    expect(shiftOn(ny, '2026-03-06').start).toBe(Date.UTC(2026, 2, 6, 14, 0)); // EST, UTC-5
    expect(shiftOn(ny, '2026-03-09').start).toBe(Date.UTC(2026, 2, 9, 13, 0)); // EDT, UTC-4
    expect(shiftOn(ny, '2026-11-02').start).toBe(Date.UTC(2026, 10, 2, 14, 0));
  });

  it('pays a night shift the hours the clock really ran across a DST change', () => {
    const berlinNight = { ...SHANGHAI, timeZone: 'Europe/Berlin', start: '22:00', end: '06:00', workdays: [1, 2, 3, 4, 5, 6, 7] };
    const spring = shiftOn(berlinNight, '2026-03-28'); // clocks jump 02:00 → 03:00
    const autumn = shiftOn(berlinNight, '2026-10-24'); // clocks fall back 03:00 → 02:00
    expect((spring.end - spring.start) / 3600_000).toBe(7);
    expect((autumn.end - autumn.start) / 3600_000).toBe(9);
    const day = judge(
      '2026-10-24',
      [rec('in', at('2026-10-24T21:58', 'Europe/Berlin')), rec('out', at('2026-10-25T06:00', 'Europe/Berlin'))],
      { rule: berlinNight },
    );
    expect(day).toMatchObject({ status: 'on_time', workedMinutes: 9 * 60 + 2 });
  });

  it('moves a shift that starts inside a DST gap to the first real minute', () => {
    const gap = { ...SHANGHAI, timeZone: 'Europe/Berlin', start: '02:30', end: '10:00', workdays: [7] };
    const shift = shiftOn(gap, '2026-03-29');
    expect(DateTime.fromMillis(shift.start, { zone: 'Europe/Berlin' }).toFormat('HH:mm')).toBe('03:30');
  });
});
