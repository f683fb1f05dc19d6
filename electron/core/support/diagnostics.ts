import type { AppInfo, ConnectionView, SessionView } from '../../../shared/bridge/views.ts';
import type { ProxyRoute } from '../net/proxy-rules.ts';
import type { TrustedAuthorities } from '../net/trusted-authorities.ts';
import type { EffectivePolicy } from '../policy/resolve-policy.ts';

export interface DiagnosticsInput {
  app: AppInfo;
  at: number;
  session: SessionView;
  connection: ConnectionView;
  policy: EffectivePolicy | undefined;
  route: ProxyRoute;
  trust: TrustedAuthorities;
  logLines: readonly string[];
}

/**
 * What the help desk asks for first, as one text to paste into a ticket: the version, where each
 * setting came from, how this PC reaches the server, and the last log lines (already scrubbed of
 * secrets by the log). Names a person only by their user id.
 */
export function diagnosticsText(input: DiagnosticsInput): string {
  const { app, session, connection, policy, route, trust } = input;
  const lines = [
    `Portico ${app.version} (${app.shell}, ${app.platform})`,
    `At: ${new Date(input.at).toISOString()}`,
    `Server: ${session.serverUrl}`,
    session.status === 'signedIn'
      ? `Signed in as user ${session.user.id}`
      : `Signed out${session.lastError ? ` (last error: ${session.lastError.code})` : ''}`,
    `Connection: ${connection.state}; queued actions: ${connection.queuedActions}` +
      (connection.nextRetryAt ? `; next retry ${new Date(connection.nextRetryAt).toISOString()}` : ''),
    `Route to the server: ${route.kind === 'direct' ? 'direct' : `proxy ${route.host}:${route.port}`}`,
    `Trusted authorities: ${trust.ca.length}${trust.problems.length ? `; problems: ${trust.problems.join('; ')}` : ''}`,
    '',
    'Policy (setting: source):',
  ];
  const sources = Object.entries(policy?.sourceOf ?? {}).sort(([a], [b]) => a.localeCompare(b));
  lines.push(...(sources.length ? sources.map(([key, source]) => `  ${key}: ${source}`) : ['  none']));
  for (const rejected of policy?.rejected ?? [])
    lines.push(`  rejected ${rejected.key} from ${rejected.source}: ${rejected.reason}`);
  lines.push('', `Last ${input.logLines.length} log lines:`, ...input.logLines);
  return lines.join('\n');
}
