import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import { pseudoCatalog, pseudoLocalize } from './pseudo.ts';

describe('pseudo-localisation', () => {
  it('accents every letter, marks the string and makes it 40 % longer', () => {
    const out = pseudoLocalize('Clock in');
    expect(out).toBe('⟦Çļóçķ íñ····⟧');
    expect(out.length - 2).toBeGreaterThanOrEqual(Math.ceil('Clock in'.length * 1.4));
  });

  it('leaves placeholders, nesting and tags for i18next to fill', () => {
    expect(pseudoLocalize('{{count}} waiting for {{name}}')).toBe('⟦{{count}} ŵáíţíñĝ ƒóŕ {{name}}······⟧');
    expect(pseudoLocalize('See $t(common.save) <strong>now</strong>')).toContain('$t(common.save)');
    expect(pseudoLocalize('See <strong>now</strong>')).toContain('<strong>ñóŵ</strong>');
  });

  it('covers the whole English catalog with the same keys', () => {
    const pseudo = pseudoCatalog(en) as typeof en;
    expect(Object.keys(pseudo)).toEqual(Object.keys(en));
    expect(pseudo.common.save).toMatch(/^⟦.*⟧$/);
    const leaves = (node: object): string[] =>
      Object.values(node).flatMap((value: unknown) => (typeof value === 'string' ? [value] : leaves(value as object)));
    expect(leaves(pseudo).filter((text) => text !== '' && !/^⟦.*⟧$/s.test(text))).toEqual([]);
  });
});
