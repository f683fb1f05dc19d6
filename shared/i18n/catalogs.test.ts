import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import he from './locales/he.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };

type Catalog = { [key: string]: string | Catalog };

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

function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe('translation catalogs', () => {
  const english = keys(en as Catalog);
  for (const [name, catalog] of [
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
    ['he', he],
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
  }
});
