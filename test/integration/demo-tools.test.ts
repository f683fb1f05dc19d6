/**
 * Every web tool the demo seeds, opened the way Portico opens it (a ticket in the query or a form
 * post when the tool signs in with one, the plain address when it does not), greets the person.
 * The Staff handbook used to answer "No ticket": it was seeded without single sign-on at an address
 * that demands a ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IssuedTicket, ToolDefinition } from '../../shared/domain/launcher/index.ts';
import { login, startTestServer } from './harness.ts';

describe("the demo's web tools open as Portico opens them", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('every one answers 200 with its page, never "No ticket"', async () => {
    const user = await login(server.url, 'zhang.wei');
    const admin = await login(server.url, 'huang.min');
    const listed = await fetch(`${server.url}/api/admin/tools`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    const tools = z
      .array(z.object({ id: z.string(), definition: ToolDefinition }))
      .parse(await listed.json())
      .filter((t) => t.definition.target.kind === 'web');
    expect(tools.length).toBeGreaterThanOrEqual(3);
    for (const { id, definition } of tools) {
      const target = definition.target;
      if (target.kind !== 'web') continue;
      let res: Response;
      if (target.sso.mode === 'none') {
        res = await fetch(target.url);
      } else {
        const issued = await fetch(`${server.url}/api/launcher/tools/${id}/ticket`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.accessToken}` },
        });
        expect(issued.status, definition.name.en).toBe(201);
        const { ticket } = IssuedTicket.parse(await issued.json());
        res =
          target.sso.mode === 'query'
            ? await fetch(`${target.url}${target.url.includes('?') ? '&' : '?'}${target.sso.param}=${ticket}`)
            : await fetch(target.url, { method: 'POST', body: new URLSearchParams({ [target.sso.field]: ticket }) });
      }
      const page = await res.text();
      expect(res.status, `${definition.name.en}: ${page.slice(0, 200)}`).toBe(200);
      expect(page).not.toContain('No ticket');
    }
  });
});
