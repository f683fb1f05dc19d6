import { parseUrl } from '../web-url.ts';

/**
 * `portico://` links from other programs, the browser or a toast, turned into an app route. Only
 * the shapes below are accepted; anything else is refused with a reason and opens nothing.
 *
 *   portico://home | approvals | notices | attendance | chat | people | launcher
 *   portico://approvals/<requestId>          portico://notices/<noticeId>
 *   portico://chat/<conversationId>
 *   portico://approvals/new?template=<key>
 */
export type DeepLink = { ok: true; route: string } | { ok: false; reason: string };

/**
 * The window's pages, in the sidebar's order: one list for the window's navigation, deep links and
 * toast routes alike (People was once missing here, so a toast could not open it).
 */
export const APP_PAGES = ['home', 'approvals', 'notices', 'attendance', 'chat', 'people', 'launcher'] as const;
export type AppPage = (typeof APP_PAGES)[number];

const MAX_LENGTH = 2048;
const PAGES = new Set<string>(APP_PAGES);
const ITEM_PAGES = new Set(['approvals', 'notices', 'chat']);
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const TEMPLATE = /^[a-z][a-z0-9_]{0,31}$/;

export function parseDeepLink(raw: string): DeepLink {
  const refuse = (reason: string): DeepLink => ({ ok: false, reason });
  if (raw.length > MAX_LENGTH) return refuse('too long');
  // Control characters, spaces and backslashes have no place in these links (and hide tricks).
  if ([...raw].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f || ch === '\\')) {
    return refuse('control characters, spaces or backslashes');
  }
  // Dot segments and encoded characters are refused in the text as given: the URL parser would resolve
  // "approvals/x/../y" and "%2e%2e" before any check could see them.
  if (/\/\.{1,2}(?=[/?#]|$)/.test(raw) || /%2e|%2f|%5c|%00/i.test(raw)) return refuse('dot segments or encoded path characters');
  const url = parseUrl(raw);
  if (!url) return refuse('not a URL');
  if (url.protocol !== 'portico:') return refuse(`scheme ${url.protocol} is not portico:`);
  if (url.username || url.password || url.port) return refuse('credentials or a port');
  if (url.hash) return refuse('fragments are not used');
  const page = url.hostname.toLowerCase();
  if (!PAGES.has(page)) return refuse(`unknown page "${page}"`);
  // Reject encoded separators and dot segments before anything is decoded.
  if (/%2f|%5c|%2e|%00/i.test(url.pathname)) return refuse('encoded path characters');
  const segments = url.pathname.split('/').filter((s: string) => s !== '');
  const params = [...url.searchParams.keys()];
  if (segments.length === 0) {
    return params.length === 0 ? { ok: true, route: page } : refuse('unexpected query parameters');
  }
  if (segments.length > 1 || !ITEM_PAGES.has(page)) return refuse(`no such place under ${page}`);
  const [item] = segments as [string];
  if (page === 'approvals' && item === 'new') {
    const template = url.searchParams.get('template');
    if (params.some((p) => p !== 'template') || url.searchParams.getAll('template').length > 1)
      return refuse('unexpected query parameters');
    if (template === null) return { ok: true, route: 'approvals/new' };
    return TEMPLATE.test(template) ? { ok: true, route: `approvals/new?template=${template}` } : refuse('malformed template key');
  }
  if (params.length > 0) return refuse('unexpected query parameters');
  return ID.test(item) ? { ok: true, route: `${page}/${item}` } : refuse('malformed id');
}

/** The first `portico://` argument of a command line (Windows and Linux pass links as arguments). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith('portico://')) ?? null;
}
