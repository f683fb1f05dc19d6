import { createRemoteJWKSet, customFetch, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LauncherWorld, launcherWorld } from './launcher-world.ts';

/** The expenses tool's audience: its address (origin and path), which is the default. */
const EXPENSES = 'https://expenses.example.com/sso';

/**
 * A tool's side, written as a tool's owner would with the `jose` library: the JWKS fetched over
 * HTTP, issuer, audience and ES256 checked, and each jti accepted once while it could still be valid.
 */
function toolVerifier(w: LauncherWorld, audience: string) {
  let fetches = 0;
  const jwks = createRemoteJWKSet(w.jwksUrl, {
    [customFetch]: (...args: Parameters<typeof fetch>) => {
      fetches += 1;
      return fetch(...args);
    },
  });
  const seen = new Set<string>();
  return {
    fetches: () => fetches,
    async verify(ticket: string) {
      const { payload } = await jwtVerify(ticket, jwks, {
        issuer: w.server.url,
        audience,
        algorithms: ['ES256'],
        currentDate: new Date(w.clock.now()),
      });
      if (!payload.jti || seen.has(payload.jti)) throw new Error('replayed ticket');
      seen.add(payload.jti);
      return payload;
    },
  };
}

describe('single sign-on tickets for web tools', () => {
  let w: LauncherWorld;
  let expenses: string;
  beforeEach(async () => {
    w = await launcherWorld();
    expenses = await w.defineTool({ target: { kind: 'web', url: EXPENSES, sso: { mode: 'query' } } });
  });
  afterEach(() => w.close());

  const ticket = async (username = 'li.na', toolId = expenses) => {
    const issued = await w.ticketFor(username, toolId);
    expect(issued.status).toBe(201);
    return issued.body['ticket'] as string;
  };

  it('verifies with jose against the JWKS fetched over HTTP, and says who the user is', async () => {
    const tool = toolVerifier(w, EXPENSES);
    const raw = await ticket();
    const claims = await tool.verify(raw);
    expect(claims).toMatchObject({
      iss: w.server.url,
      sub: 'u_li_na',
      aud: EXPENSES,
      preferred_username: 'li.na',
      name: '李娜',
      department: 'Finance',
      tool: expenses,
    });
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(decodeProtectedHeader(raw)).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const jwks = (await (await fetch(w.jwksUrl)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(raw).kid);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('refuses an expired ticket, a ticket for another tool, and a replayed one', async () => {
    const tool = toolVerifier(w, EXPENSES);
    const late = await ticket();
    w.clock.advance(61_000);
    await expect(tool.verify(late)).rejects.toBeInstanceOf(errors.JWTExpired);

    const wiki = await w.defineTool({ target: { kind: 'web', url: 'https://wiki.example.com/', sso: { mode: 'query' } } });
    const forWiki = await ticket('li.na', wiki);
    await expect(tool.verify(forWiki)).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' });
    await expect(toolVerifier(w, 'https://wiki.example.com').verify(forWiki)).resolves.toMatchObject({ tool: wiki });

    const once = await ticket();
    await tool.verify(once);
    await expect(tool.verify(once)).rejects.toThrow('replayed ticket');

    const forged = `${once.slice(0, -6)}AAAAAA`;
    await expect(toolVerifier(w, EXPENSES).verify(forged)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it('gives every tool its own audience: a wiki ticket fails at payroll on the same host, at the tool and at redeem', async () => {
    const wiki = await w.defineTool({ target: { kind: 'web', url: 'https://intranet.example/wiki', sso: { mode: 'query' } } });
    const payroll = await w.defineTool({
      target: { kind: 'web', url: 'https://intranet.example/payroll', sso: { mode: 'query' } },
    });
    const forWiki = await ticket('li.na', wiki);
    await expect(toolVerifier(w, 'https://intranet.example/payroll').verify(forWiki)).rejects.toMatchObject({ claim: 'aud' });
    expect(
      await w.http('POST', '/api/sso/redeem', null, { ticket: forWiki, audience: 'https://intranet.example/payroll' }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'ticket_wrong_audience' } },
    });
    await expect(toolVerifier(w, 'https://intranet.example/wiki').verify(forWiki)).resolves.toMatchObject({ tool: wiki });
    expect(payroll).not.toBe(wiki);
    // A second tool at the wiki's address would share its tickets: refused unless IT names one audience on purpose.
    const clash = await w.http('POST', '/api/admin/tools', 'huang.min', {
      name: { en: 'Wiki (copy)', 'zh-CN': '维基（副本）' },
      category: { en: 'Company', 'zh-CN': '公司' },
      icon: 'W',
      target: { kind: 'web', url: 'https://intranet.example/wiki/', sso: { mode: 'query' } },
    });
    expect(clash, JSON.stringify(clash.body)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('redeems a ticket once for tools that keep no state, and says why it refuses', async () => {
    const redeem = (t: string, audience = EXPENSES) => w.http('POST', '/api/sso/redeem', null, { ticket: t, audience });
    const raw = await ticket();
    expect(await redeem(raw)).toMatchObject({ status: 200, body: { sub: 'u_li_na', tool: expenses } });
    expect(await redeem(raw)).toMatchObject({ status: 409, body: { error: { code: 'ticket_replayed' } } });
    expect(await redeem(await ticket(), 'https://other.example.com')).toMatchObject({
      status: 401,
      body: { error: { code: 'ticket_wrong_audience' } },
    });
    const late = await ticket();
    w.clock.advance(61_000);
    expect(await redeem(late)).toMatchObject({ status: 401, body: { error: { code: 'ticket_expired' } } });
    expect(await redeem('not.a.ticket')).toMatchObject({ status: 401, body: { error: { code: 'ticket_invalid' } } });
  });

  it('rotates keys without breaking tickets in flight or a tool’s cached JWKS', async () => {
    const tool = toolVerifier(w, EXPENSES);
    const before = await ticket();
    await tool.verify(before);
    expect(tool.fetches()).toBe(1);

    const rotated = await w.http('POST', '/api/admin/sso/rotate', 'huang.min', {});
    expect(rotated).toMatchObject({ status: 200, body: { rotated: true } });
    const after = await ticket();
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    // The new signing key was published as "next" before it signed anything: no refetch needed.
    await expect(tool.verify(after)).resolves.toMatchObject({ sub: 'u_li_na' });
    expect(tool.fetches()).toBe(1);
    // A ticket signed just before the rotation still verifies for a tool that fetches the JWKS now.
    const inFlight = await ticket();
    const newcomer = toolVerifier(w, EXPENSES);
    await expect(newcomer.verify(after)).resolves.toBeTruthy();
    await w.http('POST', '/api/admin/sso/rotate', 'huang.min', {});
    await expect(newcomer.verify(inFlight)).resolves.toBeTruthy();

    // Once every ticket the old key signed has expired, the key leaves the JWKS.
    const oldKid = decodeProtectedHeader(before).kid;
    const kids = async () => ((await (await fetch(w.jwksUrl)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(await kids()).toContain(oldKid);
    w.clock.advance(3 * 60_000);
    expect(await kids()).not.toContain(oldKid);
    // What is left: the active key and the next one.
    expect(await kids()).toHaveLength(2);
  });

  it('revoking a leaked key stops its tickets at once', async () => {
    const leaked = await ticket();
    await w.http('POST', '/api/admin/sso/rotate', 'huang.min', { revoke: true });
    await expect(toolVerifier(w, EXPENSES).verify(leaked)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(await w.http('POST', '/api/sso/redeem', null, { ticket: leaked, audience: EXPENSES })).toMatchObject({ status: 401 });
    await expect(toolVerifier(w, EXPENSES).verify(await ticket())).resolves.toBeTruthy();
  });

  it('rotates by itself when the key is older than the rotation period', async () => {
    const first = decodeProtectedHeader(await ticket()).kid;
    await w.server.services.launcher.tick();
    expect(decodeProtectedHeader(await ticket()).kid).toBe(first);
    w.clock.advance(30 * 24 * 3600_000);
    w.forgetTokens();
    await w.server.services.launcher.tick();
    expect(decodeProtectedHeader(await ticket()).kid).not.toBe(first);
  });

  it('issues tickets only for a tool the user may see and that takes them', async () => {
    const financeOnly = await w.defineTool({
      target: { kind: 'web', url: 'https://ledger.example.com/', sso: { mode: 'post' } },
      audience: { departmentIds: ['d_finance'] },
    });
    expect((await w.ticketFor('zhang.wei', financeOnly)).status).toBe(404);
    expect((await w.ticketFor('wu.hao', financeOnly)).status).toBe(201);
    const plain = await w.defineTool({ target: { kind: 'web', url: 'https://news.example.com/' } });
    expect(await w.ticketFor('li.na', plain)).toMatchObject({ status: 400, body: { error: { code: 'invalid_params' } } });
    expect((await w.http('POST', `/api/launcher/tools/${expenses}/ticket`, null)).status).toBe(401);
    expect((await w.ticketFor('li.na', 'tool_nope')).status).toBe(404);
  });
});

describe('defining tools', () => {
  let w: LauncherWorld;
  beforeEach(async () => {
    w = await launcherWorld();
  });
  afterEach(() => w.close());

  const define = (username: string, target: object, extra: object = {}) =>
    w.http('POST', '/api/admin/tools', username, {
      name: { en: 'X', 'zh-CN': 'X' },
      category: { en: 'X', 'zh-CN': 'X' },
      icon: 'X',
      target,
      ...extra,
    });

  it('is for admins only', async () => {
    expect((await define('li.na', { kind: 'web', url: 'https://x.example.com/' })).status).toBe(403);
    expect((await define('huang.min', { kind: 'web', url: 'https://x.example.com/' })).status).toBe(201);
  });

  it.each([
    [{ kind: 'web', url: 'javascript:alert(1)' }, 'Invalid URL'],
    [{ kind: 'web', url: 'file:///C:/Windows/System32/cmd.exe' }, 'Invalid URL'],
    [{ kind: 'web', url: 'https://user:pw@x.example.com/' }, 'no credentials'],
    [{ kind: 'web', url: 'http://intranet.example.com/', sso: { mode: 'query' } }, 'only over https'],
    [{ kind: 'web', url: 'https://x.example.com/', sso: { mode: 'post' }, openIn: 'browser' }, 'needs the app window'],
    [{ kind: 'program', paths: { win32: '"C:\\x.exe"' } }, 'no quotes'],
    [{ kind: 'program', paths: {} }, 'at least one platform'],
    [{ kind: 'deeplink', link: 'portico://settings/../../etc' }, 'a portico:// link'],
  ])('refuses %j with a reason', async (target, reason) => {
    const refused = await define('huang.min', target);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(reason);
  });

  it('refuses an audience naming a department or person that does not exist, and creates nothing', async () => {
    const before = (await w.http('GET', '/api/admin/tools', 'huang.min')).body;
    const refused = await define(
      'huang.min',
      { kind: 'web', url: 'https://x.example.com/' },
      { audience: { departmentIds: ['d_nope'] } },
    );
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_params' } } });
    expect((await w.http('GET', '/api/admin/tools', 'huang.min')).body).toEqual(before);
  });
});
