import { describe, expect, it } from 'vitest';
import { openServerDatabase } from '../../store/database.ts';
import { AttachmentStore, cleanFileName } from './attachment-store.ts';

describe('attachment names', () => {
  it('refuses a name that a direction override disguises, and keeps ordinary names in any script', () => {
    expect(cleanFileName('invoice\u202Efdp.txt')).toBeNull();
    expect(cleanFileName('report\u2067.pdf')).toBeNull();
    expect(cleanFileName('C:\\Users\\li\\报销单 11月.xlsx')).toBe('报销单 11月.xlsx');
    expect(cleanFileName('חשבונית.pdf')).toBe('חשבונית.pdf');
  });
});

describe('upload quotas and clean-up', () => {
  const pdf = (kb: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(kb * 1024 - 9, 0x20)]);
  const setup = (quota = { unlinkedBytes: 300 * 1024, dailyBytes: 500 * 1024 }) => {
    const db = openServerDatabase(':memory:');
    db.prepare(
      "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u1', 'li', 'Li', 'x', 0)",
    ).run();
    return new AttachmentStore(db, quota);
  };

  it('stops one person filling the disk: a cap on files attached to nothing, and on a day’s uploads', () => {
    const now = Date.UTC(2026, 10, 23, 9);
    const pending = setup({ unlinkedBytes: 300 * 1024, dailyBytes: 10 * 2 ** 20 });
    pending.store('u1', 'a.pdf', pdf(200), now);
    expect(() => pending.store('u1', 'b.pdf', pdf(200), now)).toThrow(/not attached to anything/);
    expect(pending.removeUnlinked(now + 1)).toBe(1);
    pending.store('u1', 'c.pdf', pdf(200), now + 2);

    const daily = setup({ unlinkedBytes: 10 * 2 ** 20, dailyBytes: 500 * 1024 });
    daily.store('u1', 'a.pdf', pdf(200), now);
    daily.store('u1', 'b.pdf', pdf(200), now);
    expect(() => daily.store('u1', 'c.pdf', pdf(200), now)).toThrow(/a day per person/);
    // A day later the daily budget is back.
    daily.store('u1', 'd.pdf', pdf(200), now + 24 * 3600_000 + 1);
  });

  it('deletes only uploads attached to nothing, and only past the age given', () => {
    const store = setup();
    const now = Date.UTC(2026, 10, 23, 9);
    store.store('u1', 'old.pdf', pdf(10), now - 7 * 3600_000);
    store.store('u1', 'new.pdf', pdf(10), now);
    expect(store.removeUnlinked(now - 6 * 3600_000)).toBe(1);
    expect(store.removeUnlinked(now - 6 * 3600_000)).toBe(0);
  });
});
