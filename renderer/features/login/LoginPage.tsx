import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, SignInErrorView } from '../../../shared/bridge/views.ts';
import { portico } from '../../bridge/portico.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { describeSignInError } from './sign-in-error.ts';
import { LockIcon } from '../../ui/icons.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConnectionCheck } from './ConnectionCheck.tsx';

export function LoginPage({ session }: { session: Extract<SessionView, { status: 'signedOut' }> }) {
  const { t, i18n } = useTranslation();
  const [serverUrl, setServerUrl] = useState(session.serverUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInErrorView | null>(session.lastError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await portico.call('session.signIn', { serverUrl, username, password });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="logo" aria-hidden="true">
            P
          </span>
          <div>
            <h1 id="login-title">{t('login.title')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <label>
          {t('login.server')}
          <input
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            autoComplete="url"
            dir="ltr"
            required
            readOnly={session.serverLocked}
            aria-describedby={session.serverLocked ? 'server-locked' : undefined}
          />
          {session.serverLocked && (
            <span id="server-locked" className="muted small locked-note">
              <LockIcon /> {t('login.serverLocked')}
            </span>
          )}
        </label>
        <label>
          {t('login.username')}
          <input
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            dir="ltr"
            required
            autoFocus
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {describeSignInError(error, t, i18n.language)}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </Button>
        <p className="muted small">{t('login.hint')}</p>
        <ConnectionCheck serverUrl={serverUrl} />
        <LanguageSwitch />
      </form>
    </main>
  );
}
