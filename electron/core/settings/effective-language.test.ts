import { describe, expect, it } from 'vitest';
import type { EffectivePolicy } from '../policy/resolve-policy.ts';
import { effectiveLanguage, lockedLanguage } from './effective-language.ts';

const policy = (values: EffectivePolicy['values']): EffectivePolicy => ({ values, sourceOf: {} }) as EffectivePolicy;

describe('the language core speaks', () => {
  it('follows the system until the person or IT says otherwise', () => {
    expect(effectiveLanguage(null, undefined, 'ru-RU')).toBe('ru');
    expect(effectiveLanguage(null, undefined, 'zh-TW')).toBe('zh-TW');
    expect(effectiveLanguage(null, undefined, 'nn-NO')).toBe('nb');
    expect(effectiveLanguage(null, undefined, 'de-DE')).toBe('en');
  });

  it('takes IT’s default over the system, the person’s choice over IT’s default', () => {
    expect(effectiveLanguage(null, policy({ defaultLanguage: 'he' }), 'ru-RU')).toBe('he');
    expect(effectiveLanguage('nb', policy({ defaultLanguage: 'he' }), 'ru-RU')).toBe('nb');
  });

  it('takes IT’s language over everything when IT locked it, and only with a language to lock', () => {
    expect(effectiveLanguage('nb', policy({ defaultLanguage: 'zh-CN', lockLanguage: true }), 'ru-RU')).toBe('zh-CN');
    expect(lockedLanguage(policy({ lockLanguage: true }))).toBeNull();
    expect(effectiveLanguage('nb', policy({ lockLanguage: true }), 'ru-RU')).toBe('nb');
  });
});
