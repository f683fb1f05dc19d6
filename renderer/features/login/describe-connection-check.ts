import type { TFunction } from 'i18next';
import type { ConnectionCheckView } from '../../../shared/bridge/views.ts';

type Step = ConnectionCheckView['steps'][number];

/** Why a step failed, in words IT reads: "HTTP 502", or the system's code (ECONNREFUSED, a TLS verify code). */
function reasonOf(step: Step): string {
  return step.reason === 'status' && step.status !== undefined ? `HTTP ${step.status}` : (step.reason ?? '');
}

/** First-strong isolation: an address or a code keeps its own direction inside a right-to-left sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The failed step as one sentence that says what broke and who can fix it; null when every step passed. */
export function describeConnectionFailure(check: ConnectionCheckView, t: TFunction): string | null {
  const failed = check.steps.find((s) => !s.ok);
  if (!failed) return null;
  return t(`connectionCheck.failed.${failed.step}`, {
    target: isolate(failed.target ?? check.serverUrl),
    reason: isolate(reasonOf(failed)),
    issuer: failed.issuer ? isolate(failed.issuer) : t('connectionCheck.unknownIssuer'),
  });
}

/** The check as plain text for the help desk, appended to the diagnostics. */
export function connectionCheckText(check: ConnectionCheckView): string {
  return [
    `Connection test of ${check.serverUrl}: ${check.failedStep ? `failed at ${check.failedStep}` : 'passed'}`,
    ...check.steps.map(
      (s) =>
        `  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step}${s.target ? ` ${s.target}` : ''} ${s.ms} ms` +
        `${s.reason ? ` ${reasonOf(s)}` : ''}${s.issuer ? ` issuer=${s.issuer}` : ''}`,
    ),
  ].join('\n');
}
