import { describe, expect, it } from 'vitest';
import { formatList } from './format.ts';

describe('lists of names', () => {
  const names = ['王芳', '李娜', '赵磊'];
  it('are joined as each language joins them', () => {
    expect(['en', 'zh-CN', 'zh-TW', 'ru', 'nb'].map((language) => formatList(names, language))).toEqual([
      '王芳, 李娜, and 赵磊',
      '王芳、李娜和赵磊',
      '王芳、李娜和赵磊',
      '王芳, 李娜 и 赵磊',
      '王芳, 李娜 og 赵磊',
    ]);
  });

  it('say "or" when any one of them will do', () => {
    expect(formatList(names.slice(0, 2), 'ru', 'or')).toBe('王芳 или 李娜');
    expect(formatList(names.slice(0, 2), 'zh-CN', 'or')).toBe('王芳或李娜');
    expect(formatList(['王芳'], 'en', 'or')).toBe('王芳');
  });
});
