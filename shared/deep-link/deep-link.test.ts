import { describe, expect, it } from 'vitest';
import { APP_PAGES, deepLinkFromArgv, parseDeepLink } from './deep-link.ts';

describe('portico:// deep links', () => {
  it.each([
    ['portico://approvals', 'approvals'],
    ['portico://approvals/', 'approvals'],
    ['PORTICO://Home', 'home'],
    ['portico://approvals/r_0f6c1e2a-77b4-4c2e-9a0f-2f1c9b1e7c11', 'approvals/r_0f6c1e2a-77b4-4c2e-9a0f-2f1c9b1e7c11'],
    ['portico://notices/n_42', 'notices/n_42'],
    ['portico://approvals/new?template=leave', 'approvals/new?template=leave'],
    ['portico://approvals/new', 'approvals/new'],
    ['portico://attendance', 'attendance'],
  ])('opens %s at %s', (link, route) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, route });
  });

  it.each([
    ['https://approvals/r_1', /scheme/],
    ['javascript:alert(1)', /scheme/],
    ['file:///etc/passwd', /scheme/],
    ['portico://settings', /unknown page/],
    ['portico://evil.example.com/approvals', /unknown page/],
    ['portico://user:pass@approvals/r_1', /credentials/],
    ['portico://approvals:8080/r_1', /credentials|not a URL/],
    ['portico://approvals/../../etc/passwd', /dot segments/],
    ['portico://approvals/%2e%2e%2fsecrets', /encoded/],
    ['portico://approvals/r_1%2fx', /encoded/],
    ['portico://approvals/r_1%00', /encoded/],
    ['portico://approvals/r 1', /control|spaces/],
    ['portico://approvals/r_1\\..\\x', /backslashes/],
    ['portico://approvals/r_1\u0000', /control/],
    ['portico://approvals/<script>', /malformed id/],
    ['portico://approvals/r_1/extra', /no such place/],
    ['portico://attendance/today', /no such place/],
    ['portico://approvals/r_1?debug=1', /query/],
    ['portico://approvals?x=1', /query/],
    ['portico://approvals/new?template=Leave%20Now', /malformed template|control/],
    ['portico://approvals/new?template=leave&template=expense', /query/],
    ['portico://approvals/new?template=leave&then=https://evil', /query/],
    ['portico://approvals/r_1#frag', /fragments/],
    [`portico://approvals/${'a'.repeat(3000)}`, /too long/],
    ['not a url', /control|not a URL/],
    ['', /not a URL/],
  ])('refuses %s', (link, reason) => {
    const outcome = parseDeepLink(link);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
  });

  it('opens every page of the window (a toast routed to People once opened nothing)', () => {
    for (const page of APP_PAGES) expect(parseDeepLink(`portico://${page}`)).toEqual({ ok: true, route: page });
  });

  it('finds the link among the arguments Windows passes to a second instance', () => {
    expect(deepLinkFromArgv(['C:\\Program Files\\Portico\\Portico.exe', '--allow-file-access', 'portico://notices/n_1'])).toBe(
      'portico://notices/n_1',
    );
    expect(deepLinkFromArgv(['Portico.exe'])).toBeNull();
  });
});
