import type { Tool, ToolDefinition, ToolUsage } from '../../../shared/domain/launcher/index.ts';

/**
 * Where the launcher keeps its tools, keys and tickets, as the feature sees it: async, so an
 * implementation on a networked database (issue 23) fits the same services. SQLite's are
 * `tool-store.ts`, `sso-key-store.ts` and `sso-ticket-store.ts`; every implementation passes
 * `launcher-repositories.contract.ts`.
 */

export interface StoredTool {
  id: string;
  definition: ToolDefinition;
  createdAt: number;
  updatedAt: number;
}

export interface ToolAdoption {
  toolId: string;
  launches: number;
  users: number;
  lastLaunchAt: number | null;
}

/** What a user's catalog shows of a tool; the audience and ordering stay on the server. */
export function toTool(stored: StoredTool): Tool {
  const { name, description, category, icon, color, keywords, target } = stored.definition;
  return { id: stored.id, name, description, category, icon, color, keywords, target };
}

/** Tools, favourites and launches. Who sees a tool is decided by the same audience rule as notices. */
export interface ToolRepository {
  create(id: string, definition: ToolDefinition, now: number): Promise<void>;
  /** False when there is no such tool (or it was removed). */
  update(id: string, definition: ToolDefinition, now: number): Promise<boolean>;
  /** Removes a tool from every catalog; false when there is no such tool. */
  remove(id: string, now: number): Promise<boolean>;
  get(id: string): Promise<StoredTool | null>;
  /** Every tool not removed, enabled or not, in catalog order. */
  all(): Promise<StoredTool[]>;
  /** The enabled tools whose audience takes in this person, in catalog order. */
  visibleTo(userId: string): Promise<StoredTool[]>;
  visibleOne(userId: string, toolId: string): Promise<StoredTool | null>;
  favorites(userId: string): Promise<Set<string>>;
  setFavorite(userId: string, toolId: string, favorite: boolean, now: number): Promise<void>;
  recordLaunch(userId: string, toolId: string, at: number, source: string): Promise<void>;
  /** This person's launches per tool at or after `since`. */
  usage(userId: string, since: number): Promise<Map<string, ToolUsage>>;
  /** Launches and distinct people per tool at or after `since`, most launched first (tools never launched too). */
  adoption(since: number): Promise<ToolAdoption[]>;
}

export type SsoKeyState = 'next' | 'active' | 'retired';

export interface SsoKeyRow {
  kid: string;
  state: SsoKeyState;
  publicJwk: string;
  /** Gone once the key retires: it never signs again. */
  privatePem: string | null;
  activatedAt: number | null;
  unpublishAt: number | null;
}

export interface NewSsoKey {
  kid: string;
  state: SsoKeyState;
  publicJwk: string;
  privatePem: string;
  now: number;
  activatedAt: number | null;
}

/** The launch tickets' signing keys, shared by every node through the database. */
export interface SsoKeyRepository {
  /** The newest key in this state, if any. */
  withState(state: 'next' | 'active'): Promise<SsoKeyRow | undefined>;
  /** The keys a JWKS publishes at `now`: active first, then next, then retired ones still covering tickets. */
  published(now: number): Promise<SsoKeyRow[]>;
  insert(key: NewSsoKey): Promise<void>;
  /** Makes the next key `kid` the active one. */
  activate(kid: string, now: number): Promise<void>;
  /** Retires the active key `kid`, dropping its private half; false when it is not the active key any more. */
  retire(kid: string, now: number, unpublishAt: number): Promise<boolean>;
  /** Forgets retired keys no longer published at `now`. */
  prune(now: number): Promise<void>;
}

export interface IssuedTicketRow {
  jti: string;
  userId: string;
  toolId: string;
  kid: string;
  issuedAt: number;
  expiresAt: number;
}

/** Every launch ticket issued, so a tool that keeps no state can have one redeemed once. */
export interface SsoTicketRepository {
  insert(ticket: IssuedTicketRow): Promise<void>;
  known(jti: string): Promise<boolean>;
  /** Marks the ticket used; false when it was used already (two redeemers at once: one wins). */
  redeem(jti: string, at: number): Promise<boolean>;
  /** Drops tickets that expired before `before`; returns how many. */
  pruneExpiredBefore(before: number): Promise<number>;
}
