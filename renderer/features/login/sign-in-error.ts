import type { TFunction } from 'i18next';
import type { SignInErrorView } from '../../../shared/bridge/views.ts';
import { formatDateTime } from '../../app/format.ts';

/** Every sign-in failure as a sentence that says what happened and what to do, in the user's language. */
export function describeSignInError(error: SignInErrorView, t: TFunction, language: string): string {
  switch (error.code) {
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
