import { createHash } from 'node:crypto';
import path from 'node:path';
import type { UserProfile } from '../../../shared/domain/user.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import { ClientCache } from '../cache/client-cache.ts';
import { Outbox } from '../sync/outbox.ts';
import { SyncClient } from '../sync/sync-client.ts';
import type { CoreLog } from '../log/core-log.ts';
import type { NetworkAccess } from '../net/network-access.ts';
import { refresh } from './auth-client.ts';

export interface SessionTokens {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
}

/** Everything that exists only while signed in: tokens, this user's cache on this server, the socket. */
export class SignedInSession {
  readonly cache: ClientCache;
  readonly outbox: Outbox;
  readonly sync: SyncClient;
  user: UserProfile;
  private tokens: SessionTokens;
  private refreshing: Promise<string | null> | null = null;
  readonly httpUrl: string;
  /** The company's CAs and proxy: every request of this session goes through it. */
  readonly net: NetworkAccess;
  private readonly clock: Clock;
  private readonly onTokens: (tokens: SessionTokens) => void;

  constructor(options: {
    dataDir: string;
    httpUrl: string;
    wsUrl: string;
    user: UserProfile;
    tokens: SessionTokens;
    clock: Clock;
    net: NetworkAccess;
    log: CoreLog;
    onTokens: (tokens: SessionTokens) => void;
  }) {
    this.httpUrl = options.httpUrl;
    this.net = options.net;
    this.user = options.user;
    this.tokens = options.tokens;
    this.clock = options.clock;
    this.onTokens = options.onTokens;
    // One cache per user per server, so a shared PC or a second server never mixes data.
    const key = createHash('sha256').update(`${options.httpUrl}\n${options.user.id}`).digest('hex').slice(0, 20);
    this.cache = new ClientCache(path.join(options.dataDir, 'cache', `${key}.sqlite`), options.user.id);
    this.outbox = new Outbox(this.cache.db);
    this.sync = new SyncClient({
      wsUrl: options.wsUrl,
      cache: this.cache,
      outbox: this.outbox,
      clock: options.clock,
      accessToken: (force) => this.accessToken(force),
      route: (url) => this.net.socketRoute(url),
      log: (level, message, detail) => options.log[level]({ detail, server: options.httpUrl }, `sync: ${message}`),
    });
    this.sync.on('state', (state) => options.log.info({ state, server: options.httpUrl }, 'connection'));
  }

  /** A valid access token; refreshes (once, shared by concurrent callers) when forced or near expiry. */
  accessToken(force: boolean): Promise<string | null> {
    if (!force && this.tokens.accessExpiresAt - this.clock.now() > 30_000) return Promise.resolve(this.tokens.accessToken);
    this.refreshing ??= refresh((url, init) => this.net.fetch(url, init), this.httpUrl, this.tokens.refreshToken)
      .then((outcome) => {
        if (outcome.ok) {
          const { accessToken, accessExpiresAt, refreshToken, user } = outcome.response;
          this.tokens = { accessToken, accessExpiresAt, refreshToken };
          this.user = user;
          this.onTokens(this.tokens);
          return accessToken;
        }
        if (outcome.reason === 'rejected') return null;
        throw new Error(`server unreachable at ${this.httpUrl}`);
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  get refreshToken(): string {
    return this.tokens.refreshToken;
  }

  close(): void {
    this.sync.stop();
    this.cache.close();
  }
}
