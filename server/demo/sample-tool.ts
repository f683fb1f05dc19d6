import { parseRequestTarget } from '../../shared/http/request-target.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Clock } from '../../shared/domain/clock.ts';
import type { HttpRoutes } from '../gateway/http-kit.ts';

/**
 * A web tool's side of Portico's single sign-on, as its owner would write it (see
 * docs/sso-for-tool-owners.md): take the ticket from the query or the form, verify it with jose
 * against Portico's JWKS fetched over HTTP, accept each jti once, then greet the user. The demo
 * serves it under /demo/tools/ and the end-to-end test runs it on its own port.
 */
export function sampleToolHandler(options: { issuer: string; audience: (req: IncomingMessage) => string; now?: () => number }) {
  const jwks = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
  const used = new Map<string, number>();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const ticket = await readTicket(req);
    const page = (status: number, title: string, body: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title>` +
          `<body style="font-family:system-ui,sans-serif;margin:3rem"><h1>${escape(title)}</h1>${body}</body>`,
      );
    };
    if (!ticket) return page(401, 'No ticket', '<p>Open this tool from Portico to be signed in.</p>');
    try {
      const now = options.now?.() ?? Date.now();
      const { payload } = await jwtVerify(ticket, jwks, {
        issuer: options.issuer,
        audience: options.audience(req),
        algorithms: ['ES256'],
        currentDate: new Date(now),
      });
      for (const [jti, expires] of used) if (expires < now) used.delete(jti);
      if (!payload.jti || used.has(payload.jti))
        return page(401, 'Ticket already used', '<p>Open the tool from Portico again.</p>');
      used.set(payload.jti, (payload.exp ?? 0) * 1000);
      const name = typeof payload['name'] === 'string' ? payload['name'] : String(payload.sub);
      const username = typeof payload['preferred_username'] === 'string' ? payload['preferred_username'] : '';
      return page(
        200,
        `Signed in as ${name}`,
        `<p data-testid="verified">Verified ticket for <b>${escape(username)}</b> (${escape(String(payload.sub))}), ` +
          `issued by ${escape(String(payload.iss))} for tool ${escape(String(payload['tool']))}.</p>`,
      );
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : 'invalid';
      return page(401, 'Ticket refused', `<p data-testid="refused">${escape(reason)}</p>`);
    }
  };
}

async function readTicket(req: IncomingMessage): Promise<string | null> {
  const target = parseRequestTarget(req.url, (href) => new URL(href));
  if (req.method === 'GET') return target.ok ? target.url.searchParams.get('ticket') : null;
  if (req.method !== 'POST') return null;
  let body = '';
  for await (const chunk of req) {
    body += (chunk as Buffer).toString('utf8');
    if (body.length > 16_384) return null;
  }
  return new URLSearchParams(body).get('ticket');
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The demo's web tools: a sample tool verifying Portico's tickets as any tool would, at `/demo/tools/:name`. */
export function addDemoToolRoutes(routes: HttpRoutes, issuer: () => string, clock: Clock): void {
  let sample: ReturnType<typeof sampleToolHandler> | null = null;
  const tool = (req: IncomingMessage, res: ServerResponse) => {
    // Each demo tool checks its own address as the audience, as the tool owners' guide says.
    sample ??= sampleToolHandler({
      issuer: issuer(),
      audience: (req) => {
        const target = parseRequestTarget(req.url, (href) => new URL(href));
        return `${issuer()}${target.ok ? target.url.pathname.replace(/\/+$/, '') : ''}`;
      },
      now: () => clock.now(),
    });
    return sample(req, res);
  };
  routes.add('GET', '/demo/tools/:name', tool).add('POST', '/demo/tools/:name', tool);
  // The demo's tool without single sign-on (the Staff handbook): a plain page anyone may open.
  routes.add('GET', '/demo/pages/handbook', (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(
      '<!doctype html><meta charset="utf-8"><title>Staff handbook</title>' +
        '<body style="font-family:system-ui,sans-serif;margin:3rem"><h1 data-testid="handbook">Staff handbook</h1>' +
        '<p>Working hours, leave, expenses and IT rules (demo page).</p></body>',
    );
  });
}
