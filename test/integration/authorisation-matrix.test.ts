import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MethodName, methodNames } from '../../shared/protocol/methods.ts';
import type { LoginResponse } from '../../shared/protocol/http-api.ts';
import { login, rawSocket, startTestServer, upgradeStatus } from './harness.ts';

/**
 * Who may call what, for every HTTP route and socket method the server has. The tables are checked
 * against the server's own route and method tables: an endpoint added without a rule here fails.
 */
type Principal = 'staff' | 'leader' | 'otherLeader' | 'hr' | 'admin' | 'disabled' | 'revoked';
/** otherCredential: a credential that is not a person's token (an integration key, a tool's ticket). */
type Rule = 'public' | 'signedIn' | 'otherCredential' | readonly Principal[];

const PUBLISHERS = ['hr', 'admin'] as const; // chen.jing is HR and publisher; huang.min is admin
const HR = ['hr', 'admin'] as const;
const ADMIN = ['admin'] as const;

export const httpRules: Record<string, Rule> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/version': 'public',
  'GET /metrics': 'public', // loopback scrapers (this test is on loopback) or the metrics token
  'GET /api/openapi.json': 'public',
  'GET /.well-known/jwks.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/sso/redeem': 'public', // the ticket itself is the credential
  'GET /demo/tools/:name': 'otherCredential', // the demo's sample tool: a Portico ticket, not a token
  'POST /demo/tools/:name': 'otherCredential',
  'GET /demo/pages/handbook': 'public', // the demo's intranet page without single sign-on
  'POST /api/notices': PUBLISHERS,
  'GET /api/notices': PUBLISHERS,
  'PUT /api/notices/:id': PUBLISHERS,
  'DELETE /api/notices/:id': PUBLISHERS,
  'GET /api/notices/:id/stats': PUBLISHERS,
  'GET /api/notices/:id/stragglers': PUBLISHERS,
  'POST /api/notices/:id/remind': PUBLISHERS,
  'GET /api/notices/:id/recipients.csv': PUBLISHERS,
  'GET /api/admin/notices/onboarding': ADMIN,
  'PUT /api/admin/notices/onboarding': ADMIN,
  'GET /api/admin/departments': HR,
  'POST /api/admin/users': HR,
  'PATCH /api/admin/users/:id': HR,
  'GET /api/admin/users/:id/audit': ADMIN,
  'GET /api/admin/users/:id/export': ADMIN,
  'GET /api/admin/approval-templates': ADMIN,
  'PUT /api/admin/approval-templates/:key': ADMIN,
  'GET /api/admin/languages': ADMIN,
  'GET /api/admin/log-level': ADMIN,
  'PUT /api/admin/log-level': ADMIN,
  'POST /api/attachments': 'signedIn',
  'GET /api/attachments/:id': 'signedIn', // then only the uploader or someone who may see what it is attached to
  'GET /api/admin/integrations': ADMIN,
  'POST /api/admin/integrations': ADMIN,
  'POST /api/admin/integrations/:id/revoke': ADMIN,
  'POST /api/integrations/v1/tasks': 'otherCredential',
  'GET /api/integrations/v1/tasks/:externalId': 'otherCredential',
  'DELETE /api/integrations/v1/tasks/:externalId': 'otherCredential',
  'GET /api/admin/chat/policy': ADMIN,
  'PUT /api/admin/chat/policy': ADMIN,
  'GET /api/admin/presence/leaders': HR,
  'GET /api/admin/attendance/rules': HR,
  'PUT /api/admin/attendance/rules': HR,
  'DELETE /api/admin/attendance/rules/:departmentId': HR,
  'GET /api/admin/attendance/report': HR,
  'POST /api/admin/attendance/records/:id/review': HR,
  'GET /api/admin/attendance/audit/:userId': HR,
  'POST /api/launcher/tools/:id/ticket': 'signedIn',
  'GET /api/admin/tools': ADMIN,
  'POST /api/admin/tools': ADMIN,
  'PUT /api/admin/tools/:id': ADMIN,
  'DELETE /api/admin/tools/:id': ADMIN,
  'POST /api/admin/sso/rotate': ADMIN,
  'GET /api/admin/launcher/usage': ADMIN,
  'POST /api/crash-reports': 'public', // Crashpad has no session: minidumps only, a few per address
  'GET /api/admin/crash-reports': ADMIN,
  'GET /api/admin/crash-reports/:id/minidump': ADMIN,
};

/** Socket methods: every one needs a live session; these check a role too, given params that reach the check. */
const socketRoleRules: Partial<Record<MethodName, { roles: readonly Principal[]; params: object }>> = {
  'notices.publish': { roles: PUBLISHERS, params: { title: 'Matrix', audience: { everyone: true } } },
  'notices.published': { roles: PUBLISHERS, params: {} },
  'notices.stats': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent' } },
  'notices.stragglers': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent' } },
  'notices.reach': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent' } },
  'notices.remind': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent' } },
  'notices.withdraw': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent' } },
  'notices.exportCsv': { roles: PUBLISHERS, params: { noticeId: 'n_nonexistent', language: 'en' } },
  'brief.addItem': { roles: ['leader', 'otherLeader'], params: { text: 'Matrix item' } },
};

const people: Record<Principal, string> = {
  staff: 'zhang.wei',
  leader: 'wang.fang',
  otherLeader: 'li.na',
  hr: 'chen.jing',
  admin: 'huang.min',
  disabled: 'ma.lin',
  revoked: 'xu.tao',
};
const active = ['staff', 'leader', 'otherLeader', 'hr', 'admin'] as const;

describe('authorisation matrix: every route and method × every kind of person', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const tokens = new Map<Principal, LoginResponse>();
  beforeAll(async () => {
    server = await startTestServer();
    for (const principal of Object.keys(people) as Principal[]) tokens.set(principal, await login(server.url, people[principal]));
    const admin = tokens.get('admin')!;
    await fetch(`${server.url}/api/admin/users/${tokens.get('disabled')!.user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ disabled: true }),
    });
    await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.get('revoked')!.refreshToken }),
    });
  });
  afterAll(() => server.close());

  it('has a rule for every HTTP route and every socket method the server has, and none for one it lacks', () => {
    const live = server.routes.map((r) => `${r.method} ${r.path}`);
    expect(live.filter((route) => !(route in httpRules))).toEqual([]);
    expect(Object.keys(httpRules).filter((route) => !live.includes(route))).toEqual([]);
    expect(Object.keys(socketRoleRules).filter((m) => !methodNames.includes(m as MethodName))).toEqual([]);
  });

  it('answers each HTTP route as its rule says for each person', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(httpRules)) {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = pattern.replace(/:[a-zA-Z]+/g, 'x_matrix');
      for (const principal of Object.keys(people) as Principal[]) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${tokens.get(principal)!.accessToken}`,
            ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
        });
        await res.arrayBuffer();
        const refused = res.status === 401 || res.status === 403;
        const shouldRefuse =
          rule === 'public'
            ? false
            : rule === 'otherCredential'
              ? true
              : principal === 'disabled' || principal === 'revoked'
                ? true
                : rule === 'signedIn'
                  ? false
                  : !rule.includes(principal);
        if (refused !== shouldRefuse || res.status >= 500) wrong.push(`${route} as ${principal}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets only a live session open a socket', async () => {
    for (const principal of ['disabled', 'revoked'] as const)
      expect(await upgradeStatus(server.wsUrl, { authorization: `Bearer ${tokens.get(principal)!.accessToken}` })).toBe(401);
  });

  it('answers each socket method as its rule says for each active person', async () => {
    const wrong: string[] = [];
    for (const principal of active) {
      const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${tokens.get(principal)!.accessToken}` });
      for (const method of methodNames) {
        const rule = socketRoleRules[method];
        const id = `${method}-${principal}`;
        socket.ws.send(JSON.stringify({ type: 'request', id, method, actionId: randomUUID(), params: rule?.params ?? {} }));
        let answer;
        for (;;) {
          answer = await socket.next('response');
          if (answer.type === 'response' && answer.id === id) break;
        }
        const refused = answer.type === 'response' && !answer.ok && answer.error.code === 'forbidden';
        const shouldRefuse = rule ? !rule.roles.includes(principal) : false;
        if (refused !== shouldRefuse) wrong.push(`${method} as ${principal}: ${JSON.stringify(answer).slice(0, 160)}`);
        await new Promise((r) => setTimeout(r, 20)); // below the per-socket rate
      }
      socket.ws.close();
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
