import { z } from 'zod';

const Problem = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface ServerProblem {
  code: string;
  message: string;
}

/** The server's `{error: {code, message}}` answer, or a generic one when the body is something else. */
export function problemOf(status: number, body: unknown): ServerProblem {
  const problem = Problem.safeParse(body);
  return problem.success ? problem.data.error : { code: 'server_error', message: `HTTP ${status}` };
}

/** A request that never got an answer (offline, timed out, refused). */
export function unreachable(error: unknown): ServerProblem {
  return { code: 'unreachable', message: error instanceof Error ? error.message : String(error) };
}
