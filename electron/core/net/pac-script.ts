import type { ProxyResolver } from './proxy-rules.ts';

const RELOAD_MS = 30 * 60_000;

/**
 * A PAC script run in plain Node (the browser host; the app lets Electron run it), as browsers do:
 * fetched from IT's address, compiled once into a QuickJS sandbox by pac-resolver (the script is
 * code from the network: it never runs in Node itself), fetched again every 30 minutes. While the
 * script cannot be had or fails, connections go direct, as Chromium falls back.
 */
export function pacScriptResolver(
  pacUrl: string,
  fetchText: (url: string) => Promise<string>,
  warn: (message: string) => void,
  now: () => number = Date.now,
): ProxyResolver {
  let compiled: Promise<(url: string) => Promise<string>> | null = null;
  let loadedAt = 0;
  const load = async () => {
    // Loaded on first use only: the desktop app never needs them (Electron runs PAC scripts itself).
    const [{ createPacResolver }, { QuickJS }, script] = await Promise.all([
      import('pac-resolver'),
      import('quickjs-wasi'),
      fetchText(pacUrl),
    ]);
    return createPacResolver(await QuickJS.create(), script);
  };
  return async (url) => {
    if (!compiled || now() - loadedAt > RELOAD_MS) {
      loadedAt = now();
      compiled = load();
    }
    try {
      return await (
        await compiled
      )(url);
    } catch (error) {
      warn(`the PAC script at ${pacUrl} failed (${error instanceof Error ? error.message : String(error)}); connecting directly`);
      compiled = null;
      return 'DIRECT';
    }
  };
}
