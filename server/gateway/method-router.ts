import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../shared/domain/clock.ts';
import { bidiRefusal, disguisedPath } from '../../shared/domain/safe-text.ts';
import type { WireError } from '../../shared/protocol/errors.ts';
import { type MethodName, type MethodParams, type MethodResult, isMethodName, methods } from '../../shared/protocol/methods.ts';
import type { ActionJournal } from '../delivery/action-journal.ts';
import { DomainError } from '../features/domain-error.ts';
import type { ServerMetrics } from '../ops/metrics.ts';
import type { WriteGate } from '../delivery/write-gate.ts';

export interface RequestContext {
  userId: string;
  sessionId: string;
  /** The socket the request came on (presence and watches belong to a socket). */
  connectionId: string;
  /** The client's id for a mutating action (a chat message carries it back to its sender). */
  actionId?: string;
  /** The client's address as the server sees it (after a trusted proxy). */
  ip: string;
  /** Server time minus the client's clock when it sent the request; null when it did not say. */
  clientSkewMs: number | null;
  /** When this socket opened (server time). */
  connectedSince: number | null;
}

/**
 * Each method's handler. It may answer at once or with a promise (a repository on a networked
 * database answers later); a mutating one runs inside the request's unit of work either way.
 */
export type MethodHandlers = {
  [M in MethodName]: (ctx: RequestContext, params: MethodParams<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

export type MethodOutcome = { ok: true; result: unknown } | { ok: false; error: WireError };

/**
 * Runs a socket request: validates params, and for mutating methods stores the first answer with the
 * effect in one transaction, so the same actionId (also after a reconnect) returns that answer again.
 */
export class MethodRouter {
  private readonly handlers: MethodHandlers;
  private readonly gate: WriteGate;
  private readonly journal: ActionJournal;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly metrics: Pick<ServerMetrics, 'methodSeconds' | 'refusals'>;

  constructor(
    handlers: MethodHandlers,
    gate: WriteGate,
    journal: ActionJournal,
    clock: Clock,
    observe: { logger: Logger; metrics: Pick<ServerMetrics, 'methodSeconds' | 'refusals'> },
  ) {
    this.handlers = handlers;
    this.gate = gate;
    this.journal = journal;
    this.clock = clock;
    this.logger = observe.logger;
    this.metrics = observe.metrics;
  }

  /** Runs one request, timed by method and outcome; a refusal is counted by its code. */
  async run(ctx: RequestContext, method: string, actionId: string | undefined, rawParams: unknown): Promise<MethodOutcome> {
    const started = performance.now();
    const outcome = await this.execute(ctx, method, actionId, rawParams);
    // An unknown method is one label value for all of them: a client cannot grow the series.
    const label = isMethodName(method) ? method : 'unknown';
    const result = outcome.ok ? 'ok' : outcome.error.code;
    const seconds = (performance.now() - started) / 1000;
    this.metrics.methodSeconds.observe({ method: label, outcome: result }, seconds);
    if (!outcome.ok) this.metrics.refusals.inc({ via: 'socket', code: outcome.error.code });
    // The socket's access log: off at the default level, there when an operator turns on debug.
    this.logger.debug({ userId: ctx.userId, outcome: result, ms: Math.round(seconds * 10_000) / 10 }, 'socket request');
    return outcome;
  }

  private async execute(
    ctx: RequestContext,
    method: string,
    actionId: string | undefined,
    rawParams: unknown,
  ): Promise<MethodOutcome> {
    if (!isMethodName(method)) return fail('unknown_method', `unknown method ${method}`);
    const spec = methods[method];
    const parsed = spec.params.safeParse(rawParams ?? {});
    if (!parsed.success) return fail('invalid_params', `${method}: ${z.prettifyError(parsed.error)}`);
    const disguised = disguisedPath(parsed.data);
    if (disguised !== null) return fail('invalid_params', `${method}: ${disguised}: ${bidiRefusal}`);
    const handler = this.handlers[method] as (c: RequestContext, p: unknown) => unknown;
    if (actionId) ctx = { ...ctx, actionId };
    try {
      if (!spec.mutating) return { ok: true, result: fitsWire(method, await handler(ctx, parsed.data)) };
      if (!actionId) return fail('action_id_required', `${method} changes data and needs an actionId`);
      // One unit of work: the journal's answer is stored if and only if the effect is.
      return await this.gate.transaction(async (): Promise<MethodOutcome> => {
        const earlier = await this.journal.find(ctx.userId, actionId);
        if (earlier) {
          if (earlier.method !== method) return fail('conflict', `actionId ${actionId} was used for ${earlier.method}`);
          return { ok: true, result: JSON.parse(earlier.response) as unknown };
        }
        const result = fitsWire(method, await handler(ctx, parsed.data));
        await this.journal.record(ctx.userId, actionId, method, JSON.stringify(result), this.clock.now());
        return { ok: true, result };
      });
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
            ...(error.issues ? { issues: error.issues } : {}),
          },
        };
      }
      this.logger.error({ err: error, method }, 'request failed');
      return fail('internal', 'the server failed to handle this request; it has been logged');
    }
  }
}

/**
 * An answer the client's own schema would refuse never leaves: it fails here, loudly and (for a
 * change) with its transaction rolled back, instead of vanishing on the client's side.
 */
function fitsWire(method: MethodName, result: unknown): unknown {
  const checked = methods[method].result.safeParse(result);
  if (!checked.success) throw new Error(`${method} answered outside its wire schema: ${z.prettifyError(checked.error)}`);
  return result;
}

function fail(code: WireError['code'], message: string): MethodOutcome {
  return { ok: false, error: { code, message } };
}
