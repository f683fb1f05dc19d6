import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCheckView } from '../../../shared/bridge/views.ts';
import { portico } from '../../bridge/portico.ts';
import { Button } from '../../ui/Button.tsx';
import { connectionCheckText, describeConnectionFailure } from './describe-connection-check.ts';

/**
 * "Test connection" under the sign-in form: runs core's self-test against the address typed, lists
 * the steps it passed, says in one sentence which step failed and who can fix it, and copies the
 * whole report (with the app's diagnostics) for the help desk.
 */
export function ConnectionCheck({ serverUrl }: { serverUrl: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<ConnectionCheckView | null>(null);
  const [copied, setCopied] = useState(false);

  const run = async () => {
    setBusy(true);
    setCopied(false);
    setCheck(await portico.call('session.testConnection', { serverUrl }));
    setBusy(false);
  };
  const copy = async () => {
    const { text } = await portico.call('app.diagnostics', {});
    await navigator.clipboard.writeText(check ? `${connectionCheckText(check)}\n\n${text}` : text);
    setCopied(true);
  };
  const failure = check ? describeConnectionFailure(check, t) : null;

  return (
    <section className="connection-check" aria-live="polite">
      <Button variant="link" onClick={() => void run()} busy={busy} disabled={!serverUrl.trim()}>
        {busy ? t('connectionCheck.testing') : t('connectionCheck.test')}
      </Button>
      {check && (
        <>
          <ol className="connection-steps">
            {check.steps.map((step) => (
              <li key={step.step} data-ok={step.ok}>
                <span aria-hidden="true">{step.ok ? '✓' : '✗'}</span> {t(`connectionCheck.step.${step.step}`)}
              </li>
            ))}
          </ol>
          <p className={failure ? 'error' : 'muted small'} role={failure ? 'alert' : undefined}>
            {failure ?? t('connectionCheck.passed')}
          </p>
          <Button variant="secondary" onClick={() => void copy()}>
            {t('connectionCheck.copy')}
          </Button>
          {copied && <p className="muted small">{t('connectionCheck.copied')}</p>}
        </>
      )}
    </section>
  );
}
