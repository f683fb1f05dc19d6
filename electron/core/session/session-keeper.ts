import type { BridgeHandlers } from '../../../shared/bridge/contract.ts';
import type { SessionView, SignInErrorView } from '../../../shared/bridge/views.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { LoginResponse } from '../../../shared/protocol/http-api.ts';
import { type EffectivePolicy, lockedKeys } from '../policy/resolve-policy.ts';
import type { CoreLog } from '../log/core-log.ts';
import type { NetworkAccess } from '../net/network-access.ts';
import type { TokenVault } from '../secrets/token-vault.ts';
import type { SettingsStore } from '../settings/settings.ts';
import { type HttpFetch, refresh, signIn, signOut } from './auth-client.ts';
import { normalizeServerUrl } from './server-address.ts';
import { SignedInSession } from './signed-in-session.ts';

type SignInParams = Parameters<BridgeHandlers['session.signIn']>[0];
type SignInResult = Awaited<ReturnType<BridgeHandlers['session.signIn']>>;

/**
 * Who is signed in, to which server: restores the last session from the vault, signs in and out,
 * and ends a session the server ended. The server comes from IT where IT locked it (enforced here,
 * not only greyed out in the UI), else the person's choice, else IT's default, else the default.
 */
interface SessionKeeperDeps {
  dataDir: string;
  settings: SettingsStore;
  vault: TokenVault;
  policy?: EffectivePolicy;
  defaultServerUrl: string;
  deviceName: string;
  clock: Clock;
  net: NetworkAccess;
  log: CoreLog;
  /** A new session, before it starts syncing: the place to listen to it. */
  opened: (session: SignedInSession) => void;
  /** Signed in, out, or a sign-in failed: the session view changed. */
  changed: () => void;
}

export class SessionKeeper {
  private current: SignedInSession | null = null;
  private lastError: SignInErrorView | null = null;
  private readonly deps: SessionKeeperDeps;

  constructor(deps: SessionKeeperDeps) {
    this.deps = deps;
  }

  private readonly fetch: HttpFetch = (url, init) => this.deps.net.fetch(url, init);

  get session(): SignedInSession | null {
    return this.current;
  }

  /** Restores the last session from the vault, if its refresh token is still good. */
  async restore(): Promise<void> {
    const saved = this.deps.vault.read();
    const address = saved ? normalizeServerUrl(saved.serverUrl) : null;
    if (!saved || !address) return;
    if (this.serverLocked() && address.httpUrl !== normalizeServerUrl(this.serverUrl())?.httpUrl) {
      // IT moved everyone to another server: the old session does not come along.
      this.deps.vault.clear();
      return;
    }
    const outcome = await refresh(this.fetch, address.httpUrl, saved.refreshToken);
    this.deps.log.info({ server: address.httpUrl, restored: outcome.ok ? true : outcome.reason }, 'session restore');
    if (!outcome.ok) {
      if (outcome.reason === 'rejected') {
        this.deps.vault.clear();
        this.lastError = { code: 'session_expired' };
      } else {
        this.lastError = { code: 'server_unreachable', url: address.httpUrl };
      }
      return this.deps.changed();
    }
    this.open(address, outcome.response);
  }

  async signIn({ serverUrl, username, password }: SignInParams): Promise<SignInResult> {
    if (this.serverLocked() && normalizeServerUrl(serverUrl)?.httpUrl !== normalizeServerUrl(this.serverUrl())?.httpUrl) {
      return { ok: false, error: { code: 'server_locked', url: this.serverUrl() } };
    }
    const address = normalizeServerUrl(serverUrl);
    if (!address) return { ok: false, error: { code: 'invalid_server_url', url: serverUrl } };
    const outcome = await signIn(this.fetch, address.httpUrl, username, password, this.deps.deviceName);
    if (!outcome.ok) {
      this.lastError = outcome.error;
      this.deps.log.warn({ server: address.httpUrl, username, refused: outcome.error }, 'sign-in refused');
      return { ok: false, error: outcome.error };
    }
    this.deps.log.info({ server: address.httpUrl, userId: outcome.response.user.id }, 'signed in');
    this.deps.settings.update({ serverUrl: address.httpUrl, lastUsername: username });
    this.open(address, outcome.response);
    return { ok: true };
  }

  async signOut(): Promise<void> {
    const s = this.current;
    this.deps.log.info({ server: s?.httpUrl }, 'signed out');
    this.current = null;
    this.deps.vault.clear();
    if (s) {
      s.close();
      await signOut(this.fetch, s.httpUrl, s.refreshToken);
    }
    this.lastError = null;
    this.deps.changed();
  }

  /** The server ended the session (revoked, or the refresh token was refused): back to sign-in, saying why. */
  ended(): void {
    this.deps.log.warn({ server: this.current?.httpUrl }, 'the server ended the session');
    this.deps.vault.clear();
    this.close();
    this.lastError = { code: 'session_expired' };
    this.deps.changed();
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  serverUrl(): string {
    const policy = this.deps.policy?.values;
    if (this.serverLocked() && policy?.serverUrl) return policy.serverUrl;
    return this.deps.settings.get().serverUrl ?? policy?.serverUrl ?? this.deps.defaultServerUrl;
  }

  serverLocked(): boolean {
    return this.deps.policy ? lockedKeys(this.deps.policy).includes('serverUrl') : false;
  }

  view(): SessionView {
    const serverUrl = this.serverUrl();
    return this.current
      ? { status: 'signedIn', serverUrl, user: this.current.user }
      : { status: 'signedOut', serverUrl, serverLocked: this.serverLocked(), lastError: this.lastError };
  }

  private open(address: { httpUrl: string; wsUrl: string }, login: LoginResponse): void {
    this.current?.close();
    const session = new SignedInSession({
      dataDir: this.deps.dataDir,
      httpUrl: address.httpUrl,
      wsUrl: address.wsUrl,
      user: login.user,
      tokens: { accessToken: login.accessToken, accessExpiresAt: login.accessExpiresAt, refreshToken: login.refreshToken },
      clock: this.deps.clock,
      net: this.deps.net,
      log: this.deps.log,
      onTokens: (tokens) => this.deps.vault.write({ serverUrl: address.httpUrl, refreshToken: tokens.refreshToken }),
    });
    this.deps.vault.write({ serverUrl: address.httpUrl, refreshToken: login.refreshToken });
    this.current = session;
    this.lastError = null;
    this.deps.opened(session);
    session.sync.start();
    this.deps.changed();
  }
}
