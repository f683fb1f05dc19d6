import { describe, expect, it } from 'vitest';
import { CONTENT_LANGUAGES, FALLBACK, contentLanguageOf, pickLocalized } from './localized-text.ts';

describe('server-provided names in every UI language', () => {
  const name = { en: 'Leave', 'zh-CN': '请假', he: 'חופשה' };

  it('reads a name in the UI language, else along the fallback order', () => {
    expect(pickLocalized(name, 'he')).toBe('חופשה');
    expect(pickLocalized(name, 'zh-CN')).toBe('请假');
    expect(pickLocalized(name, 'zh-TW')).toBe('请假'); // Traditional falls back to Simplified before English
    expect(pickLocalized(name, 'ru')).toBe('Leave');
    expect(pickLocalized({ ...name, 'zh-TW': '請假' }, 'zh-Hant-TW')).toBe('請假');
    expect(pickLocalized({ en: 'Leave', 'zh-CN': '请假' }, 'he')).toBe('Leave');
  });

  it('maps browser languages onto content languages, and every language has a fallback ending in a required one', () => {
    expect(['zh-HK', 'zh-Hant', 'zh', 'iw', 'no', 'nn', 'en-GB', 'fr'].map(contentLanguageOf)).toEqual([
      'zh-TW',
      'zh-TW',
      'zh-CN',
      'he',
      'nb',
      'nb',
      'en',
      'en',
    ]);
    for (const language of CONTENT_LANGUAGES) {
      expect(FALLBACK[language][0]).toBe(language);
      expect(FALLBACK[language].some((l) => l === 'en' || l === 'zh-CN')).toBe(true);
    }
  });
});
