import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, isoWeekday, leadingBlanks, weekOrder } from './week-start.ts';

describe('the first day of the week', () => {
  it('follows each UI language’s own region', () => {
    const first = (language: string) => firstDayOfWeek(language);
    expect(['en', 'zh-CN', 'zh-TW', 'he', 'ru', 'nb'].map(first)).toEqual([7, 1, 7, 7, 1, 1]);
  });

  it('takes the system’s region when the system speaks the UI language, and only then', () => {
    expect(firstDayOfWeek('en', 'en-GB')).toBe(1);
    expect(firstDayOfWeek('en', 'en-US')).toBe(7);
    expect(firstDayOfWeek('en', 'zh-CN')).toBe(7); // a Chinese PC with an English UI: English's week
    expect(firstDayOfWeek('zh-CN', 'zh-CN')).toBe(1);
    expect(firstDayOfWeek('zh-TW', 'zh-HK')).toBe(7);
  });

  it('falls back to ISO weeks for a tag Intl cannot read', () => {
    expect(firstDayOfWeek('not a tag')).toBe(1);
  });

  it('lays out November 2026 (it starts on a Sunday) for either kind of week', () => {
    expect(isoWeekday('2026-11-01')).toBe(7);
    expect(leadingBlanks('2026-11-01', 1)).toBe(6);
    expect(leadingBlanks('2026-11-01', 7)).toBe(0);
    expect(leadingBlanks('2026-12-01', 7)).toBe(2); // a Tuesday
    expect(weekOrder(7)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
