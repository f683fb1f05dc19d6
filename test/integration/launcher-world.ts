import { ManualClock } from '../../shared/domain/clock.ts';
import type { ToolDefinition } from '../../shared/domain/launcher/index.ts';
import { login, startTestServer } from './harness.ts';

type DefinitionInput = Partial<Omit<ToolDefinition, 'target' | 'audience'>> & {
  target: object;
  audience?: Partial<ToolDefinition['audience']>;
};

/** A demo server on a manual clock with helpers to define tools as an admin and ask for tickets as a user. */
export async function launcherWorld() {
  const clock = new ManualClock(Date.parse('2026-11-23T01:00:00Z'));
  const server = await startTestServer({}, { clock });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await login(server.url, username)).accessToken);
    return tokens.get(username)!;
  };
  const http = async (method: string, path: string, username: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const defineTool = async (input: DefinitionInput): Promise<string> => {
    const definition = {
      name: { en: 'Expenses', 'zh-CN': '报销' },
      category: { en: 'Finance', 'zh-CN': '财务' },
      icon: '¥',
      ...input,
    };
    const created = await http('POST', '/api/admin/tools', 'huang.min', definition);
    if (created.status !== 201) throw new Error(`define tool: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body['id'] as string;
  };
  const ticketFor = async (username: string, toolId: string) => http('POST', `/api/launcher/tools/${toolId}/ticket`, username);
  return {
    clock,
    server,
    http,
    token,
    defineTool,
    ticketFor,
    /** After the clock jumps past the access tokens' lifetime. */
    forgetTokens: () => tokens.clear(),
    jwksUrl: new URL(`${server.url}/.well-known/jwks.json`),
    close: () => server.close(),
  };
}
export type LauncherWorld = Awaited<ReturnType<typeof launcherWorld>>;
