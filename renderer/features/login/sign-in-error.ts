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
            minutes: Math.max(1, Math.round(error.nextWaitMs / 60_000)),
          })
        : t('signInError.wrong_credentials_wait', { username: error.username, seconds: Math.ceil(error.nextWaitMs / 1000) });
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
