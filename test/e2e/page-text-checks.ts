/**
 * What a reader would see go wrong with the window's text, measured in the page: words that never
 * went through i18n, text in another language than the window's, a page wider than the window,
 * labels cut off, and text drawn over text.
 */
import type { Page } from '@playwright/test';
import { type Catalog, catalogLeaves as leaves } from '../../shared/i18n/catalogs.ts';

/** Words in text nodes outside ⟦ ⟧, leaving out what people wrote (bdi, dir="auto") and Intl's English dates. */
export async function unmarkedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const intlWords = new Set<string>(['AM', 'PM', 'and', 'or']); // Intl's times and lists
    for (let month = 0; month < 12; month += 1) {
      const at = new Date(Date.UTC(2026, month, 3));
      for (const style of ['short', 'long'] as const) {
        intlWords.add(at.toLocaleString('en', { month: style, timeZone: 'UTC' }));
        intlWords.add(at.toLocaleString('en', { weekday: style, timeZone: 'UTC' }));
      }
    }
    const names = new Set(['Portico', 'Ctrl', 'Alt', 'Shift', 'Cmd', 'Esc', 'Enter']); // product and key names stay as they are
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Toasts are written by core in the person's saved language; the pseudo-language is this window's alone.
      if (!parent || parent.closest('bdi, [dir="auto"], script, style, svg, [translate="no"], option, .toast-stack')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue; // not rendered
      const words = (node.textContent ?? '').replace(/⟦[^⟧]*⟧/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
      const stray = words.filter((word) => !intlWords.has(word) && !names.has(word));
      if (stray.length > 0)
        found.push(`"${(node.textContent ?? '').trim().slice(0, 80)}" in <${parent.tagName.toLowerCase()}.${parent.className}>`);
    }
    return found;
  });
}

/** A page wider than the window, or text cut off without an ellipsis. */
export async function layoutBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.children.length > 0 || !el.textContent?.trim() || el.getClientRects().length === 0) continue;
      if (el.clientWidth <= 1) continue; // visually hidden on purpose: read by screen readers only
      const style = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(style.overflowX);
      if (hides && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        out.push(`<${el.tagName.toLowerCase()}.${el.className}> cut: "${el.textContent.trim().slice(0, 60)}"`);
      }
    }
    // A row of tabs that does not fit: it scrolls, but nothing says so, and the last tab reads cut.
    for (const tabs of document.querySelectorAll<HTMLElement>('[role="tablist"]')) {
      if (tabs.getClientRects().length > 0 && tabs.scrollWidth > tabs.clientWidth + 1)
        out.push(`tabs cut: "${tabs.textContent?.trim().slice(0, 60)}" (${tabs.scrollWidth} > ${tabs.clientWidth})`);
    }
    // Text on text: the glyph boxes of two text nodes cross (a badge over its neighbour, a heading under a tab).
    const runs: { text: string; rect: DOMRect; floating: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('option, script, style') || parent.clientWidth <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const floating = parent.closest('.toast-stack, dialog, [popover]') !== null;
      // What the reader sees of it: cut to every ancestor that hides or scrolls its overflow (an
      // ellipsis, a strip of tabs that scrolls), so text scrolled out of view is not "under" its neighbour.
      const clips: DOMRect[] = [];
      for (let el: HTMLElement | null = parent; el; el = el.parentElement) {
        if (getComputedStyle(el).overflowX !== 'visible') clips.push(el.getBoundingClientRect());
      }
      for (const glyphs of range.getClientRects()) {
        const left = Math.max(glyphs.left, ...clips.map((c) => c.left));
        const right = Math.min(glyphs.right, ...clips.map((c) => c.right));
        const top = Math.max(glyphs.top, ...clips.map((c) => c.top));
        const bottom = Math.min(glyphs.bottom, ...clips.map((c) => c.bottom));
        if (right - left > 0 && bottom - top > 0)
          runs.push({ text, rect: new DOMRect(left, top, right - left, bottom - top), floating });
      }
    }
    for (let i = 0; i < runs.length; i += 1) {
      for (let j = i + 1; j < runs.length; j += 1) {
        const [a, b] = [runs[i]!, runs[j]!];
        if (a.text === b.text || a.floating !== b.floating) continue;
        const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (overlapX > 2 && overlapY > 2) out.push(`"${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`);
      }
    }
    return out;
  });
}

/** What marks a string as foreign in a window showing `catalog`: English it translates, and Latin words it never uses. */
export function foreignMarkers(english: Catalog, catalog: Catalog): { englishOnly: string[]; ownLatin: string[] } {
  const own = leaves(catalog);
  const englishOnly = [...leaves(english)]
    .filter(([key, text]) => !text.includes('{{') && /[A-Za-z]{2}/.test(text) && own.get(key) !== text)
    .map(([, text]) => text.trim());
  const ownLatin = [...new Set([...own.values()].flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []))];
  return { englishOnly, ownLatin };
}

/**
 * Visible interface text in another language than the window's: a string English translates
 * (a key that fell back, or text written in code), or, in a language not written in Latin letters,
 * a Latin word its own catalog never uses. What people wrote (bdi, dir="auto") is left out; toasts
 * are not: one shown before a language switch must not stay in the old language.
 */
export async function foreignText(
  page: Page,
  markers: { englishOnly: string[]; ownLatin: string[] },
  latinScript: boolean,
): Promise<string[]> {
  return page.evaluate(
    ({ englishOnly, ownLatin, latinScript }) => {
      const english = new Set(englishOnly);
      const allowed = new Set([...ownLatin, 'Portico', 'Ctrl', 'Alt', 'Shift', 'Cmd', 'Esc', 'Enter']);
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('bdi, [dir="auto"], script, style, svg, [translate="no"], option')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getClientRects().length === 0) continue;
        const text = (node.textContent ?? '').trim();
        if (!text) continue;
        const where = `"${text.slice(0, 80)}" in <${parent.tagName.toLowerCase()}.${parent.className}>`;
        if (english.has(text)) found.push(`English ${where}`);
        else if (!latinScript && (text.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !allowed.has(word)))
          found.push(`Latin letters ${where}`);
      }
      return found;
    },
    { ...markers, latinScript },
  );
}
