import { z } from 'zod';

/** What the orchestrator asks a load worker to do; every message is checked on arrival, both ways. */
const Account = z.object({ userId: z.string(), refreshToken: z.string() });
const Target = z.object({ httpUrl: z.string(), wsUrl: z.string() });

export const WorkerCommand = z.discriminatedUnion('op', [
  /** Refresh, connect and resume every account, starting `ratePerSec` of them a second. */
  z.object({ op: z.literal('connect'), id: z.number(), target: Target, accounts: z.array(Account), ratePerSec: z.number() }),
  /** Every client clocks in once at a random moment of the window starting at `startAt` (wall clock). */
  z.object({ op: z.literal('clockIn'), id: z.number(), startAt: z.number(), windowMs: z.number() }),
  /** Start counting arrivals of the notice titled `title`; `collect` waits for every client to have it. */
  z.object({ op: z.literal('watchNotice'), id: z.number(), title: z.string() }),
  z.object({ op: z.literal('collectNotice'), id: z.number(), title: z.string(), timeoutMs: z.number() }),
  /** Groups of `groupSize` of this worker's clients talk for `durationMs`, each group every `intervalMs`. */
  z.object({
    op: z.literal('chat'),
    id: z.number(),
    groupSize: z.number(),
    durationMs: z.number(),
    intervalMs: z.number(),
    settleMs: z.number(),
  }),
  z.object({ op: z.literal('autoReconnect'), id: z.number(), on: z.boolean() }),
  /** Resolves once every client has resumed after `after` (wall clock). */
  z.object({ op: z.literal('awaitResumed'), id: z.number(), after: z.number(), timeoutMs: z.number() }),
  /** Resolves once every client has applied up to its log's head; reports gaps and duplicates. */
  z.object({ op: z.literal('awaitHeads'), id: z.number(), heads: z.record(z.string(), z.number()), timeoutMs: z.number() }),
  /** How many clients lack any of these notice titles. */
  z.object({ op: z.literal('noticeCheck'), id: z.number(), titles: z.array(z.string()) }),
  /** A baseline server (bare ws, or Socket.IO): connect `count` clients. */
  z.object({
    op: z.literal('baselineConnect'),
    id: z.number(),
    kind: z.enum(['ws', 'socketio']),
    url: z.string(),
    count: z.number(),
    ratePerSec: z.number(),
  }),
  z.object({ op: z.literal('baselineWatch'), id: z.number(), marker: z.string() }),
  z.object({ op: z.literal('baselineCollect'), id: z.number(), marker: z.string(), timeoutMs: z.number() }),
  z.object({ op: z.literal('baselineClose'), id: z.number() }),
  z.object({ op: z.literal('closeAll'), id: z.number() }),
]);
export type WorkerCommand = z.infer<typeof WorkerCommand>;
export type WorkerOp = WorkerCommand['op'];

/** Latencies in milliseconds and absolute arrival times (wall clock) travel as plain number arrays. */
export const WorkerReport = z.object({
  samples: z.array(z.number()).default([]),
  arrivals: z.array(z.number()).default([]),
  /** Request → answer latencies, where the scenario has both (chat: send → server's answer). */
  acks: z.array(z.number()).default([]),
  errors: z.number().default(0),
  errorKinds: z.record(z.string(), z.number()).default({}),
  lost: z.number().default(0),
  duplicated: z.number().default(0),
  count: z.number().default(0),
  frameBytes: z.number().default(0),
  /** This generator's own event-loop delay (p99, ms) while it worked: high means the generator, not the server, was slow. */
  loopP99Ms: z.number().default(0),
  /** Wall clock of the last thing this worker waited for (the last resume, say). */
  lastAt: z.number().default(0),
});
export type WorkerReport = z.infer<typeof WorkerReport>;

export const WorkerReply = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), report: WorkerReport }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReply>;
