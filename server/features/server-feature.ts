import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/domain/user.ts';
import { type MethodName, type Snapshot, methods } from '../../shared/protocol/methods.ts';
import type { HttpRoutes } from '../gateway/http-kit.ts';
import type { MethodHandlers } from '../gateway/method-router.ts';
import type { SocketGateway } from '../gateway/socket-gateway.ts';
import type { Every } from '../store/guarded-timer.ts';

/** Resolves a request to the signed-in user's id, or throws the 401/403 the route answers with. */
export type Authenticate = (req: IncomingMessage) => Promise<string>;

/** Who may call a route: any signed-in person, or only people with one of some roles. */
export interface Access {
  signedIn: Authenticate;
  roles(roles: readonly Role[], refusal: string): Authenticate;
}

/** What a feature's jobs get, before the port opens (so no socket arrives before a listener is attached). */
export interface Running {
  every: Every;
  gateway: SocketGateway;
}

/**
 * What a feature adds to the server, declared in one place (its `*-feature.ts`): the protocol
 * methods it answers, its HTTP routes with their role rules, the jobs it runs and how it stops.
 * The composition root loops over the registry (`registry.ts`) and names no feature itself.
 */
/** The parts of the first sync's snapshot that features hold (the log's head and the profile are the sync's own). */
export type SnapshotPartKey = Exclude<keyof Snapshot, 'headSeq' | 'me'>;

export interface ServerFeature<M extends MethodName = never, S extends SnapshotPartKey = never> {
  readonly name: string;
  readonly methods: Pick<MethodHandlers, M>;
  /**
   * This feature's part of one person's snapshot. The sync feature reads every part and the log's
   * head in one unit of work, so they describe the same moment.
   */
  snapshot?(userId: string): Pick<Snapshot, S> | Promise<Pick<Snapshot, S>>;
  addRoutes?(routes: HttpRoutes, access: Access): void;
  start?(running: Running): void | Promise<void>;
  /** Once the port is open, with the server's address as clients reach it. */
  listening?(url: string): void | Promise<void>;
  stop?(): void | Promise<void>;
  /**
   * What this feature holds about one person, for their own copy of it (PIPL art. 45, GDPR art. 15
   * and 20): plain JSON, their own records only, never other people's or secrets. May answer later
   * (a feature whose repository is async).
   */
  personalData?(userId: string): unknown;
}

/** A feature with its method names kept in its type, so the registry can prove every method has an owner. */
export const defineFeature = <const M extends MethodName, const S extends SnapshotPartKey = never>(
  feature: ServerFeature<M, S>,
): ServerFeature<M, S> => feature;

/** The method names a feature answers. */
export type MethodsOf<F> = F extends { readonly methods: Pick<MethodHandlers, infer M> } ? M : never;

/** The snapshot parts a feature holds. */
export type SnapshotPartsOf<F> = F extends { snapshot?(userId: string): infer R } ? keyof Awaited<R> & SnapshotPartKey : never;

/**
 * One table of every method's handler. A method two features claim, or one nobody answers, stops
 * the server at start with the names (the registry's type says the same at compile time).
 */
export function methodTable(features: readonly ServerFeature[]): MethodHandlers {
  const owners = new Map<string, string>();
  const table: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [method, handler] of Object.entries(feature.methods)) {
      const owner = owners.get(method);
      if (owner) throw new Error(`method ${method} is claimed by both ${owner} and ${feature.name}`);
      owners.set(method, feature.name);
      table[method] = handler;
    }
  }
  const unowned = Object.keys(methods).filter((method) => !owners.has(method));
  if (unowned.length > 0) throw new Error(`no feature answers ${unowned.join(', ')}`);
  return table as MethodHandlers;
}
