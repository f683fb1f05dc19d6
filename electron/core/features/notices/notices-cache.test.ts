import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { NoticeSummary } from '../../../../shared/domain/notices/index.ts';
import { ClientCache } from '../../cache/client-cache.ts';

const notice = (id: string, over: Partial<NoticeSummary> = {}): NoticeSummary => ({
  id,
  title: `Notice ${id}`,
  body: '',
  priority: 'normal',
  requiresAck: false,
  renotifyMinutes: null,
  pinned: false,
  publishedAt: 1_000,
  editedAt: null,
  expiresAt: null,
  publisherId: 'u_hr',
  publisherName: 'HR',
  attachments: [],
  readAt: null,
  ackedAt: null,
  onboarding: false,
  remindedAt: null,
  ...over,
});

describe('the notices cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-notices-cache-'));
  const cache = new ClientCache(path.join(dir, 'cache.sqlite'));
  afterEach(() => cache.notices.replaceAll([]));
  afterAll(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('orders unread onboarding first (oldest first), then pinned, then to-do, then newest; expired last', () => {
    cache.notices.replaceAll([
      notice('old-read', { publishedAt: 100, readAt: 150 }),
      notice('new-unread', { publishedAt: 900 }),
      notice('pinned-read', { publishedAt: 200, pinned: true, readAt: 250 }),
      notice('guide', { publishedAt: 20, onboarding: true }),
      notice('welcome', { publishedAt: 10, onboarding: true }),
      notice('expired', { publishedAt: 950, pinned: true, expiresAt: 990 }),
      notice('required-read', { publishedAt: 300, requiresAck: true, readAt: 310 }),
    ]);
    expect(cache.notices.list(1_000).map((n) => n.id)).toEqual([
      'welcome',
      'guide',
      'pinned-read',
      'new-unread',
      'required-read',
      'old-read',
      'expired',
    ]);
    expect(cache.notices.list(1_000, { filter: 'unread' }).map((n) => n.id)).toEqual([
      'welcome',
      'guide',
      'new-unread',
      'required-read',
      'expired',
    ]);
    expect(cache.notices.counts(1_000)).toEqual({ unread: 3, unacknowledgedRequired: 1 });
  });

  it('searches titles and bodies in any language, short Chinese words too, with FTS syntax taken as text', () => {
    cache.notices.replaceAll([
      notice('a', { title: '考勤制度调整', body: '下周一起使用 Portico 打卡' }),
      notice('b', { title: 'Parking', body: 'The car park closes at 22:00 (AND reopens at 06:00)' }),
      notice('c', { title: '100% bonus', body: 'under_score' }),
    ]);
    const ids = (query: string) => cache.notices.list(1_000, { query }).map((n) => n.id);
    expect(ids('考勤')).toEqual(['a']);
    expect(ids('打卡')).toEqual(['a']);
    expect(ids('car park')).toEqual(['b']);
    expect(ids('AND reopens')).toEqual(['b']);
    expect(ids('"closes')).toEqual([]);
    expect(ids('%')).toEqual(['c']);
    expect(ids('_')).toEqual(['c']);
    expect(ids('nothing like this')).toEqual([]);
  });

  it('keeps read and acknowledgement through an edit, and forgets a withdrawn notice', () => {
    cache.notices.replaceAll([notice('x', { requiresAck: true })]);
    cache.notices.acknowledge('x', 500, 510);
    cache.notices.upsertContent({ ...notice('x', { title: 'Edited', requiresAck: true, editedAt: 600 }) });
    expect(cache.notices.get('x')).toMatchObject({ title: 'Edited', readAt: 500, ackedAt: 510, editedAt: 600 });
    cache.notices.remove('x');
    expect(cache.notices.get('x')).toBeNull();
  });
});
