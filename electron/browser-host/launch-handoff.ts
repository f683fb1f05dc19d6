import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebLaunch } from '../../shared/domain/launcher/index.ts';
import type { LauncherShell } from '../core/features/launcher/launcher-types.ts';

const HANDOFF_TTL_MS = 60_000;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The browser host cannot open windows: the page opens `/launch/<one-time id>` on loopback instead,
 * which sends the browser on to the tool (a redirect, or an auto-submitted form for a POST ticket).
 * Each id works once, for a minute, so a ticket never waits in a URL the page keeps.
 */
export class LaunchHandoff implements LauncherShell {
  private readonly pending = new Map<string, { launch: WebLaunch; expiresAt: number }>();
  private readonly baseUrl: () => string;

  constructor(baseUrl: () => string) {
    this.baseUrl = baseUrl;
  }

  async openWeb(launch: WebLaunch): Promise<{ openUrl: string }> {
    const now = Date.now();
    for (const [id, entry] of this.pending) if (entry.expiresAt < now) this.pending.delete(id);
    const id = randomBytes(18).toString('base64url');
    this.pending.set(id, { launch, expiresAt: now + HANDOFF_TTL_MS });
    return { openUrl: `${this.baseUrl()}/launch/${id}` };
  }

  /** Answers `GET /launch/<id>`; false when the path is not a hand-off. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const match = /^\/launch\/([A-Za-z0-9_-]{24})$/.exec(pathname);
    if (!pathname.startsWith('/launch/')) return false;
    const entry = match ? this.pending.get(match[1]!) : undefined;
    if (match) this.pending.delete(match[1]!);
    const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
    if (req.method !== 'GET' || !entry || entry.expiresAt < Date.now()) {
      res
        .writeHead(410, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end('This launch link was used or has expired.');
      return true;
    }
    const { launch } = entry;
    if (launch.method === 'GET') {
      res.writeHead(303, { ...headers, location: launch.url }).end();
      return true;
    }
    const nonce = randomBytes(16).toString('base64');
    const inputs = Object.entries(launch.fields)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    res
      .writeHead(200, {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${launch.origin}; base-uri 'none'; frame-ancestors 'none'`,
      })
      .end(
        `<!doctype html><meta charset="utf-8"><title>Portico</title>` +
          `<form id="f" method="post" action="${escapeHtml(launch.url)}">${inputs}<noscript><button>Continue</button></noscript></form>` +
          `<script nonce="${nonce}">document.getElementById('f').submit()</script>`,
      );
    return true;
  }
}
