import type { AppInfo, ConnectionCheckView, ConnectionView, SessionView } from '../../../shared/bridge/views.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { FileLog } from '../log/core-log.ts';
import { checkConnection } from '../net/connection-check.ts';
import type { NetworkAccess } from '../net/network-access.ts';
import type { TrustedAuthorities } from '../net/trusted-authorities.ts';
import type { EffectivePolicy } from '../policy/resolve-policy.ts';
import { diagnosticsText } from './diagnostics.ts';

/** What the sign-in screen and the help desk ask core: the connection self-test and the diagnostics text. */
export function supportCalls(deps: {
  app: AppInfo;
  clock: Clock;
  net: NetworkAccess;
  trust: () => TrustedAuthorities;
  files: FileLog;
  policy: EffectivePolicy | undefined;
  views: { session(): SessionView; connection(): ConnectionView };
  serverUrl: () => string;
}): { testConnection(serverUrl: string): Promise<ConnectionCheckView>; diagnostics(): Promise<string> } {
  return {
    testConnection: (serverUrl) => checkConnection(serverUrl, deps.net),
    diagnostics: async () =>
      diagnosticsText({
        app: deps.app,
        at: deps.clock.now(),
        session: deps.views.session(),
        connection: deps.views.connection(),
        policy: deps.policy,
        route: await deps.net.route(deps.serverUrl()),
        trust: deps.trust(),
        logLines: deps.files.tail(200),
      }),
  };
}
