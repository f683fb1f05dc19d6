/** Accepts what a user types ("oa.example.com:8787", "https://oa.example.com") and gives http(s) and ws(s) URLs. */
export function normalizeServerUrl(input: string): { httpUrl: string; wsUrl: string } | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol === 'ws:' || url.protocol === 'wss:') url = new URL(`http${url.href.slice(2)}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  const httpUrl = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return { httpUrl, wsUrl: `${httpUrl.replace(/^http/, 'ws')}/ws` };
}
