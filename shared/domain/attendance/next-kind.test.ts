import { describe, expect, it } from 'vitest';
import { earlyClockOut, missingClockKind, nextClockKind, splitMinutes } from './next-kind.ts';

describe('nextClockKind', () => {
  it('is in before the first clock-in and out after it, also after a clock-out (the last one counts)', () => {
    expect(nextClockKind({ queued: null, today: { firstIn: null, lastOut: null }, last: null })).toBe('in');
    expect(nextClockKind({ queued: null, today: { firstIn: 1, lastOut: null }, last: null })).toBe('out');
    expect(nextClockKind({ queued: null, today: { firstIn: 1, lastOut: 2 }, last: { kind: 'out' } })).toBe('out');
  });

  it('follows a clock waiting in the outbox, and the last record when today is unknown', () => {
    expect(nextClockKind({ queued: { kind: 'in' }, today: { firstIn: null, lastOut: null }, last: null })).toBe('out');
    expect(nextClockKind({ queued: null, today: null, last: { kind: 'in' } })).toBe('out');
    expect(nextClockKind({ queued: null, today: null, last: null })).toBe('in');
  });

  it('splits minutes for display', () => {
    expect(splitMinutes(12)).toEqual({ key: 'min', h: 0, m: 12 });
    expect(splitMinutes(578)).toEqual({ key: 'hm', h: 9, m: 38 });
  });
});

describe('missingClockKind', () => {
  it('picks the clock that is missing, whatever the day was judged', () => {
    // A late arrival who never clocked out is judged "late"; what is missing is the clock-out.
    expect(missingClockKind({ status: 'late', firstIn: 1, lastOut: null })).toBe('out');
    expect(missingClockKind({ status: 'missing_out', firstIn: 1, lastOut: null })).toBe('out');
    expect(missingClockKind({ status: 'absent', firstIn: null, lastOut: null })).toBe('in');
    expect(missingClockKind({ status: 'missing_in', firstIn: null, lastOut: 2 })).toBe('in');
  });

  it('with both clocks there, corrects the one that was off', () => {
    expect(missingClockKind({ status: 'early', firstIn: 1, lastOut: 2 })).toBe('out');
    expect(missingClockKind({ status: 'late', firstIn: 1, lastOut: 2 })).toBe('in');
  });
});

describe('earlyClockOut', () => {
  const day = { firstIn: 9 * 3600_000, lastOut: null, expectedEnd: 18 * 3600_000 };
  it('asks before the first clock-out of a started day that comes before its expected end', () => {
    expect(earlyClockOut('out', day, 8 * 3600_000)).toEqual({ expectedEnd: day.expectedEnd, minutesEarly: 600 });
    expect(earlyClockOut('out', day, 17 * 3600_000 + 58 * 60_000)).toEqual({ expectedEnd: day.expectedEnd, minutesEarly: 2 });
  });

  it('does not ask at the end, for a clock-in, after a first clock-out, or without a day', () => {
    expect(earlyClockOut('out', day, 17 * 3600_000 + 59 * 60_000)).toBeNull();
    expect(earlyClockOut('in', day, 8 * 3600_000)).toBeNull();
    expect(earlyClockOut('out', { ...day, lastOut: 12 * 3600_000 }, 13 * 3600_000)).toBeNull();
    expect(earlyClockOut('out', { ...day, firstIn: null }, 8 * 3600_000)).toBeNull();
    expect(earlyClockOut('out', null, 8 * 3600_000)).toBeNull();
  });
});
