import { matchSorter, rankings } from 'match-sorter';
import type { PaletteItem } from './palette-items.ts';

export const PALETTE_LIMIT = 40;

/**
 * Fuzzy search as launchers do it (match-sorter's ranking): exact, then starts-with, word-starts,
 * contains, acronym ("ec" → Expense claims), then letters in order ("expns clm"). Equal ranks go
 * to favourites and often-used tools first.
 */
export function searchPalette(items: readonly PaletteItem[], query: string, limit = PALETTE_LIMIT): PaletteItem[] {
  const q = query.trim();
  if (q === '') return [];
  const ranked = matchSorter(items, q, {
    keys: [
      { key: (item: PaletteItem) => item.title },
      { key: (item: PaletteItem) => item.aliases, maxRanking: rankings.STARTS_WITH },
      { key: (item: PaletteItem) => item.subtitle, threshold: rankings.WORD_STARTS_WITH, maxRanking: rankings.CONTAINS },
    ],
    baseSort: (a, b) => b.item.boost - a.item.boost || a.index - b.index,
  });
  // Latin letters may be pinyin: people whose name's pinyin or initials start with them come first.
  if (!/^[a-z]+$/i.test(q)) return ranked.slice(0, limit);
  const lower = q.toLowerCase();
  const phonetic = items.filter((item) => item.phonetic?.some((p) => p.startsWith(lower)));
  const seen = new Set(phonetic);
  return [...phonetic, ...ranked.filter((item) => !seen.has(item))].slice(0, limit);
}

/** With nothing typed: the recent picks, then favourite and most used tools, then the everyday actions. */
export function suggestions(items: readonly PaletteItem[], recentIds: readonly string[], limit = 12): PaletteItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const recent = recentIds.map((id) => byId.get(id)).filter((item): item is PaletteItem => item !== undefined);
  const tools = items.filter((i) => i.kind === 'tool' && i.boost > 0).sort((a, b) => b.boost - a.boost);
  const everyday = items.filter((i) => i.id === 'action:clock' || i.kind === 'approval');
  const seen = new Set<string>();
  return [...recent, ...tools, ...everyday].filter((item) => !seen.has(item.id) && seen.add(item.id)).slice(0, limit);
}

/**
 * The row Enter picks before the user moves: the first one that is safe to run by reflex. Right
 * after clocking in, "Clock out" was the top suggestion, and Ctrl+K, Enter clocked a general
 * manager out ten hours early. -1 when every row is destructive: the user must choose one.
 */
export function defaultSelection(results: readonly Pick<PaletteItem, 'destructive'>[]): number {
  return results.findIndex((item) => !item.destructive);
}
