import type { TFunction } from 'i18next';

/** `timeZone`: a site's wall clock (the office's shift end), wherever this PC is. */
export function formatTime(at: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/**
 * Names as the language lists them: "王芳、李娜和赵磊", "Wang, Li и Zhao", "Wang, Li or Zhao" when
 * any one of them will do (`or`).
 */
export function formatList(items: readonly string[], language: string, joiner: 'and' | 'or' = 'and'): string {
  return new Intl.ListFormat(language, { type: joiner === 'or' ? 'disjunction' : 'conjunction' }).format(items);
}

export function formatDateTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** "3 hours ago" from server time; the client clock is only used for display. */
export function formatAge(at: number, now: number, t: TFunction): string {
  const hours = Math.floor((now - at) / 3600_000);
  if (hours < 1) return t('common.justNow');
  if (hours < 48) return t('common.hoursAgo', { count: hours });
  return t('common.daysAgo', { count: Math.floor(hours / 24) });
}
