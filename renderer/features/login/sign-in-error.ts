import type { TFunction } from 'i18next';
import type { SignInErrorView } from '../../../shared/bridge/views.ts';
import { formatDateTime } from '../../app/format.ts';

/** Every sign-in failure as a sentence that says what happened and what to do, in the user's language. */
export function describeSignInError(error: SignInErrorView, t: TFunction, language: string): string {
  switch (error.code) {
    case 'wrong_credentials':
      return error.triesBeforeWait > 0
        ? t('signInError.wrong_credentials', {
            username: error.username,
            count: error.triesBeforeWait,
            wait: formatWait(error.nextWaitMs, language),
          })
        : t('signInError.wrong_credentials_wait', { username: error.username, wait: formatWait(error.nextWaitMs, language) });
    case 'login_throttled':
      return t('signInError.login_throttled', { username: error.username, seconds: Math.ceil(error.retryAfterMs / 1000) });
    case 'wrong_password':
      return t('signInError.wrong_password', { username: error.username, count: error.attemptsLeft });
    case 'account_locked':
      return t('signInError.account_locked', { username: error.username, until: formatDateTime(error.until, language) });
    case 'rate_limited':
      return t('signInError.rate_limited', { seconds: Math.ceil(error.retryAfterMs / 1000) });
    case 'session_expired':
      return t('signInError.session_expired');
    default:
      return t(`signInError.${error.code}`, { ...error });
  }
}

/** "30 seconds", "2 minutes", "30 秒", in the user's language (Intl's units, so no catalog grammar). */
function formatWait(ms: number, language: string): string {
  const seconds = Math.ceil(ms / 1000);
  const [value, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
