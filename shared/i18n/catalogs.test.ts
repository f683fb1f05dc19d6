import { describe, expect, it } from 'vitest';
import { type Catalog, catalogLeaves as leaves, catalogs } from './catalogs.ts';

const { en, he, nb, ru } = catalogs;
const zhCN = catalogs['zh-CN'];
const zhTW = catalogs['zh-TW'];

/** Keys with plural suffixes folded, so "hoursAgo_one/_other" in English matches "_one/_two/_other" in Hebrew. */
function keys(catalog: Catalog, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') out.add(path);
    else for (const nested of keys(value, `${path}.`)) out.add(nested);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogs', () => {
  const english = keys(en as Catalog);
  /** The keys English counts with: it writes both "one" and "other" for them. */
  const englishPlurals = new Set(
    [...pluralForms(en as Catalog)].filter(([, forms]) => forms.has('one') && forms.has('other')).map(([base]) => base),
  );
  for (const [name, catalog] of [
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
    ['he', he],
    ['ru', ru],
    ['nb', nb],
  ] as const) {
    it(`${name} has every English key and no stale ones`, () => {
      const other = keys(catalog as Catalog);
      expect([...english].filter((k) => !other.has(k))).toEqual([]);
      expect([...other].filter((k) => !english.has(k))).toEqual([]);
    });

    it(`${name} uses only placeholders the English text defines`, () => {
      const english = leaves(en as Catalog);
      const mismatched: string[] = [];
      for (const [key, text] of leaves(catalog as Catalog)) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '_other');
        const source = english.get(base) ?? english.get(key);
        if (!source) continue;
        const allowed = new Set([...placeholders(source), 'count']);
        if (placeholders(text).some((p) => !allowed.has(p!))) mismatched.push(key);
      }
      expect(mismatched).toEqual([]);
    });

    it(`${name} writes each plural in the forms ${name} counts with, and all of them`, () => {
      // Intl's plural rules are the ones i18next picks a form by: a form the language lacks is
      // never shown, and a missing one falls back to "other" (wrong for Russian's 5 or 21).
      // Hebrew may leave out "two", whose "other" reads right ("2 שעות").
      const categories = new Intl.PluralRules(name).resolvedOptions().pluralCategories as string[];
      const optional = name === 'he' ? ['two'] : [];
      const wrong: string[] = [];
      for (const [base, forms] of pluralForms(catalog as Catalog)) {
        if (!englishPlurals.has(base)) continue; // a key that merely ends like one ("decided_by_other")
        const missing = categories.filter((c) => !forms.has(c) && !optional.includes(c));
        const extra = [...forms].filter((f) => !categories.includes(f));
        if (missing.length || extra.length) wrong.push(`${base}: missing ${missing.join('/')} extra ${extra.join('/')}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  /**
   * A control whose spoken name (aria-label) differs from its visible text must contain that text,
   * so a person using voice control can say what they see (WCAG 2.5.3, axe's label-content-name-mismatch).
   */
  const labelledControls = [['kudos.thank', 'kudos.thankName']] as const;
  it('every language’s spoken name of a control contains its visible label', () => {
    const mismatched: string[] = [];
    for (const [language, catalog] of Object.entries(catalogs)) {
      const text = leaves(catalog);
      for (const [visible, spoken] of labelledControls) {
        if (!text.get(spoken)!.includes(text.get(visible)!))
          mismatched.push(`${language}: ${spoken} lacks "${text.get(visible)}"`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('Russian counts 1, 3, 5, 21 and 1.5 with the right form', () => {
    const rules = new Intl.PluralRules('ru');
    const form = (n: number) =>
      (ru.common as Record<string, string>)[`daysAgo_${rules.select(n)}`]!.replace('{{count}}', String(n));
    expect([1, 3, 5, 21, 1.5].map(form)).toEqual([
      '1 день назад',
      '3 дня назад',
      '5 дней назад',
      '21 день назад',
      '1.5 дня назад',
    ]);
  });
});

/** Each plural key's base and the forms the catalog writes for it. */
function pluralForms(catalog: Catalog, prefix = ''): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value !== 'string') {
      for (const [k, v] of pluralForms(value, `${prefix}${key}.`)) out.set(k, v);
      continue;
    }
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (!match) continue;
    const base = `${prefix}${match[1]}`;
    out.set(base, (out.get(base) ?? new Set()).add(match[2]!));
  }
  return out;
}
