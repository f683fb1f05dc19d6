import SwaggerParser from '@apidevtools/swagger-parser';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CreatedIntegration, DecisionCallback } from '../../shared/protocol/integration-api.ts';
import { login, rawSocket, startTestServer, tempDir, waitFor } from './harness.ts';
import { freePort, spawnServer } from './server-process.ts';

/** What a receiving system would write: verify `t=…,v1=…` over "<t>.<raw body>" with its secret. */
function verifySignature(secret: string, header: string | undefined, rawBody: string, nowSeconds: number): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  if (Math.abs(nowSeconds - Number(match[1])) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

interface Received {
  body: DecisionCallback;
  raw: string;
  signature: string | undefined;
  delivery: string | undefined;
}

function startReceiver(port: number, received: Received[]): Promise<Server> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({
        body: DecisionCallback.parse(JSON.parse(raw)),
        raw,
        signature: req.headers['portico-signature'] as string | undefined,
        delivery: req.headers['portico-delivery'] as string | undefined,
      });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const api = (base: string, token: string) => ({
  post: (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  get: (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }),
  delete: (path: string) => fetch(`${base}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }),
});

async function createIntegration(base: string, scopes = ['tasks:write']): Promise<CreatedIntegration> {
  const admin = await login(base, 'huang.min');
  const res = await api(base, admin.accessToken).post('/api/admin/integrations', { name: 'Legacy OA', scopes });
  expect(res.status).toBe(201);
  return CreatedIntegration.parse(await res.json());
}

async function decideOverSocket(base: string, username: string, requestId: string, decision: 'approve' | 'reject', comment = '') {
  const user = await login(base, username);
  const socket = await rawSocket(`${base.replace(/^http/, 'ws')}/ws`, { authorization: `Bearer ${user.accessToken}` });
  socket.ws.send(JSON.stringify({ type: 'request', id: 's', method: 'sync.snapshot', params: {} }));
  const snapshot = (await socket.next('response')) as { result: { pendingApprovals: { id: string; requestId: string }[] } };
  const task = snapshot.result.pendingApprovals.find((t) => t.requestId === requestId);
  if (!task) throw new Error(`${username} has no task for ${requestId}`);
  socket.ws.send(
    JSON.stringify({
      type: 'request',
      id: 'd',
      method: 'approvals.decide',
      actionId: randomUUID(),
      params: { taskId: task.id, decision, comment },
    }),
  );
  const answer = await socket.next('response');
  socket.ws.close();
  return answer;
}

describe('other systems in the same inbox', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('delivers signed decisions, retries while the receiver is down, and survives a server restart', async () => {
    const data = tempDir('callbacks');
    cleanups.push(data.remove);
    const [port, receiverPort] = [await freePort(), await freePort()];
    const env = { PORTICO_CALLBACK_RETRY_MS: '200' };
    let server = await spawnServer(port, data.dir, env);
    cleanups.push(() => server.child.kill('SIGKILL'));
    const integration = await createIntegration(server.url);
    const received: Received[] = [];
    let receiver = await startReceiver(receiverPort, received);
    cleanups.push(() => receiver.close());
    const callbackUrl = `http://127.0.0.1:${receiverPort}/portico/decisions`;
    const oa = api(server.url, integration.token);
    const task = {
      externalId: 'OA-2026-0042',
      title: 'Purchase order PO-7781: 12 laptops',
      approvers: ['wang.fang'],
      requestedBy: 'zhang.wei',
      fields: [
        { label: 'Amount', value: '¥ 86,400' },
        { label: 'Supplier', value: 'Lenovo Beijing' },
      ],
      link: 'https://oa.example.com/po/7781',
      callbackUrl,
    };

    const created = await oa.post('/api/integrations/v1/tasks', task);
    expect(created.status).toBe(201);
    const state = (await created.json()) as { requestId: string };
    const repeat = await oa.post('/api/integrations/v1/tasks', { ...task, title: 'changed' });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ requestId: state.requestId, created: false, status: 'pending' });

    expect(await decideOverSocket(server.url, 'wang.fang', state.requestId, 'approve')).toMatchObject({
      ok: true,
      result: { status: 'approved' },
    });
    await waitFor(() => received.length === 1, 5000, 'the first callback');
    const first = received[0]!;
    expect(verifySignature(integration.signingSecret, first.signature, first.raw, Date.now() / 1000)).toBe(true);
    expect(verifySignature('pws_wrong', first.signature, first.raw, Date.now() / 1000)).toBe(false);
    expect(
      verifySignature(integration.signingSecret, first.signature, first.raw.replace('approved', 'rejected'), Date.now() / 1000),
    ).toBe(false);
    expect(first.body).toMatchObject({ externalId: 'OA-2026-0042', status: 'approved', decidedBy: { username: 'wang.fang' } });
    expect(first.delivery).toBe(first.body.deliveryId);

    // The receiver goes down; a second decision is made and retried in vain; then the server is killed.
    await new Promise((resolve) => receiver.close(resolve));
    const second = (await (await oa.post('/api/integrations/v1/tasks', { ...task, externalId: 'OA-2026-0043' })).json()) as {
      requestId: string;
    };
    await decideOverSocket(server.url, 'wang.fang', second.requestId, 'reject', 'Over the quarterly budget');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    expect(received).toHaveLength(1);

    server = await spawnServer(port, data.dir, env);
    receiver = await startReceiver(receiverPort, received);
    await waitFor(() => received.length === 2, 15_000, 'the retried callback after the restart');
    const late = received[1]!;
    expect(late.body).toMatchObject({ externalId: 'OA-2026-0043', status: 'rejected', comment: 'Over the quarterly budget' });
    expect(verifySignature(integration.signingSecret, late.signature, late.raw, Date.now() / 1000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(received).toHaveLength(2);
  }, 40_000);

  it('checks tokens, scopes and bodies, cancels what is pending and publishes a valid OpenAPI document', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const writer = await createIntegration(server.url);
    const reader = await createIntegration(server.url, ['tasks:read']);
    const oa = api(server.url, writer.token);
    const base = { externalId: 'HR-1', title: 'Contract renewal: Sun Li', approvers: ['zhao.lei'] };

    expect((await fetch(`${server.url}/api/integrations/v1/tasks`, { method: 'POST' })).status).toBe(401);
    expect((await api(server.url, 'pit_forged').post('/api/integrations/v1/tasks', base)).status).toBe(401);
    expect((await api(server.url, reader.token).post('/api/integrations/v1/tasks', base)).status).toBe(403);
    expect((await oa.post('/api/integrations/v1/tasks', { ...base, approvers: [] })).status).toBe(400);
    expect((await oa.post('/api/integrations/v1/tasks', { ...base, callbackUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await oa.post('/api/integrations/v1/tasks', { ...base, externalId: 'has space' })).status).toBe(400);
    const unknown = await oa.post('/api/integrations/v1/tasks', { ...base, approvers: ['nobody.here'] });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { message: expect.stringMatching(/nobody\.here/) } });
    const employee = await login(server.url, 'zhang.wei');
    expect(
      (await api(server.url, employee.accessToken).post('/api/admin/integrations', { name: 'x', scopes: ['tasks:write'] }))
        .status,
    ).toBe(403);

    expect((await oa.post('/api/integrations/v1/tasks', base)).status).toBe(201);
    expect(
      server.services.approvals.tasks.pendingFor('u_zhao_lei').some((t) => t.title === base.title && t.source === 'external'),
    ).toBe(true);
    expect(await (await oa.get('/api/integrations/v1/tasks/HR-1')).json()).toMatchObject({ status: 'pending' });
    // Each integration sees only its own tasks.
    expect((await api(server.url, reader.token).get('/api/integrations/v1/tasks/HR-1')).status).toBe(404);
    expect((await oa.delete('/api/integrations/v1/tasks/HR-1')).status).toBe(200);
    expect(server.services.approvals.tasks.pendingFor('u_zhao_lei').some((t) => t.title === base.title)).toBe(false);
    expect((await oa.delete('/api/integrations/v1/tasks/HR-404')).status).toBe(404);

    const admin = await login(server.url, 'huang.min');
    expect((await api(server.url, admin.accessToken).post(`/api/admin/integrations/${writer.id}/revoke`, {})).status).toBe(200);
    expect((await oa.post('/api/integrations/v1/tasks', { ...base, externalId: 'HR-2' })).status).toBe(401);

    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Parameters<
      typeof SwaggerParser.validate
    >[0];
    const validated = await SwaggerParser.validate(document);
    expect(Object.keys(validated.paths ?? {})).toEqual(
      expect.arrayContaining(['/api/integrations/v1/tasks', '/api/integrations/v1/tasks/{externalId}']),
    );
  });
});
