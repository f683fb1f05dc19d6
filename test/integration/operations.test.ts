import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOP_DELAY_BUCKETS } from '../../server/ops/metrics.ts';
import { login, publishNotice, rawSocket, startTestServer } from './harness.ts';
import { type Family, histogramOf, histogramQuantile, parseMetrics, valueOf } from './prometheus-text.ts';

describe('operations endpoints', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const scrape = async () => parseMetrics(await (await fetch(`${server.url}/metrics`)).text());

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('serves Prometheus text that a text-format parser reads, with the process’s and the delivery’s series', async () => {
    const staff = await login(server.url, 'zhang.wei');
    const hr = await login(server.url, 'chen.jing');
    // The demo's own notices were fanned out at start: this test counts what it adds.
    const fanoutsBefore = histogramOf(await scrape(), 'portico_notice_fanout_duration_seconds')?.count ?? 0;
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${staff.accessToken}` });
    const welcome = await socket.next('welcome');
    const epoch = welcome.type === 'welcome' ? welcome.epoch : '';
    // A client that says it holds three actions offline, then a wrong epoch (a resync).
    socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch, outbox: 3 }));
    await socket.next('resumed');
    socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch: 'another-server', outbox: 3 }));
    await socket.next('resync');
    // A method that works, and one refused for its parameters.
    socket.ws.send(JSON.stringify({ type: 'request', id: 'r1', method: 'directory.people', params: {} }));
    socket.ws.send(JSON.stringify({ type: 'request', id: 'r2', method: 'presence.report', params: { idle: 'no' } }));
    await socket.next('response');
    await socket.next('response');
    // A notice to everyone: fanned out, delivered live to the open socket.
    socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch }));
    await socket.next('resumed');
    const published = await publishNotice(server.url, hr.accessToken, {
      title: 'Fire drill at 15:00',
      body: 'Leave by the east stairs.',
      requiresAck: true,
      audience: { everyone: true },
    });
    expect(published.status).toBe(201);
    await socket.next('event');
    expect((await fetch(`${server.url}/api/no-such-thing`)).status).toBe(404);
    // Block the loop for 300 ms: the delay histogram must show it.
    const until = performance.now() + 300;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 60));

    const families = await scrape();
    const expectFamily = (name: string, type: Family['type']) => {
      expect(families.get(name)?.type, name).toBe(type);
    };
    // prom-client's process and Node series.
    expectFamily('process_cpu_user_seconds_total', 'counter');
    expectFamily('process_resident_memory_bytes', 'gauge');
    expectFamily('nodejs_heap_size_used_bytes', 'gauge');
    expectFamily('nodejs_gc_duration_seconds', 'histogram');
    expect(valueOf(families, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 2 ** 20);
    // Ours: histograms (combinable across nodes), counters and gauges.
    for (const name of [
      'portico_http_request_duration_seconds',
      'portico_method_duration_seconds',
      'portico_notice_fanout_duration_seconds',
      'portico_event_loop_delay_seconds',
    ])
      expectFamily(name, 'histogram');
    for (const name of [
      'portico_events_delivered_total',
      'portico_refusals_total',
      'portico_rate_limited_total',
      'portico_resyncs_total',
      'portico_callbacks_failed_total',
      'portico_sockets_cut_slow_total',
      'portico_sockets_refused_total',
    ])
      expectFamily(name, 'counter');
    for (const name of [
      'portico_sockets',
      'portico_socket_buffered_bytes',
      'portico_data_free_bytes',
      'portico_client_outbox_actions',
    ])
      expectFamily(name, 'gauge');

    expect(valueOf(families, 'portico_sockets')).toBe(1);
    expect(valueOf(families, 'portico_client_outbox_actions')).toBe(0); // the last resume said 0
    expect(valueOf(families, 'portico_resyncs_total', { reason: 'epoch' })).toBe(1);
    expect(valueOf(families, 'portico_refusals_total', { via: 'socket', code: 'invalid_params' })).toBe(1);
    expect(valueOf(families, 'portico_refusals_total', { via: 'http', code: 'not_found' })).toBe(1);
    expect(valueOf(families, 'portico_events_delivered_total', { mode: 'live' })).toBeGreaterThanOrEqual(1);
    const people = families.get('portico_method_duration_seconds');
    expect(people?.type === 'histogram' && people.samples.find((s) => s.labels.method === 'directory.people')?.count).toBe(1);
    const routes = families.get('portico_http_request_duration_seconds');
    // Labelled by the route's pattern, not the raw path: a scanner cannot grow the series.
    expect(routes?.type === 'histogram' && routes.samples.map((s) => s.labels.route)).toContain('/api/notices');
    expect(routes?.type === 'histogram' && routes.samples.some((s) => s.labels.route === '/api/no-such-thing')).toBe(false);
    expect(histogramOf(families, 'portico_notice_fanout_duration_seconds')!.count - fanoutsBefore).toBe(1);
    const delay = histogramOf(families, 'portico_event_loop_delay_seconds')!;
    const beyond = delay.count - (delay.buckets.get(0.2) ?? 0);
    expect(beyond, 'a timer at least 200 ms late').toBeGreaterThanOrEqual(1);
    expect(LOOP_DELAY_BUCKETS).toContain(0.2);
    expect(histogramQuantile(1, delay)).toBeGreaterThan(0.2);
    socket.ws.close();
  });

  it('counts what the client says it holds offline while its socket is open', async () => {
    const staff = await login(server.url, 'liu.yang');
    const socket = await rawSocket(server.wsUrl, { authorization: `Bearer ${staff.accessToken}` });
    const welcome = await socket.next('welcome');
    const epoch = welcome.type === 'welcome' ? welcome.epoch : '';
    socket.ws.send(JSON.stringify({ type: 'resume', since: 0, epoch, outbox: 7 }));
    await socket.next('resumed');
    expect(valueOf(await scrape(), 'portico_client_outbox_actions')).toBe(7);
    socket.ws.close();
    await socket.closed;
    // The server learns of the close a moment after the client: poll the scrape for up to 2 s.
    let after = valueOf(await scrape(), 'portico_client_outbox_actions');
    for (const deadline = Date.now() + 2000; after !== 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = valueOf(await scrape(), 'portico_client_outbox_actions');
    }
    expect(after).toBe(0);
  });
});
