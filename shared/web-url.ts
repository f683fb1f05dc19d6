/**
 * WHATWG URL parsing for shared code. `URL` exists wherever shared code runs (Node, Chromium,
 * Electron), but shared/ compiles without DOM or Node typings, so it is reached through this
 * narrow, typed door instead of a global declaration that would clash with theirs.
 */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly searchParams: {
    get(name: string): string | null;
    getAll(name: string): string[];
    keys(): Iterable<string>;
  };
}

const UrlConstructor = (globalThis as unknown as { URL: new (input: string, base?: string) => ParsedUrl }).URL;

/** The parsed URL, or null when `raw` is not an absolute URL. */
export function parseUrl(raw: string): ParsedUrl | null {
  try {
    return new UrlConstructor(raw);
  } catch {
    return null;
  }
}
