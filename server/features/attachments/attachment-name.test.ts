import { describe, expect, it } from 'vitest';
import { cleanFileName } from './attachment-store.ts';

describe('attachment names', () => {
  it('refuses a name that a direction override disguises, and keeps ordinary names in any script', () => {
    expect(cleanFileName('invoice\u202Efdp.txt')).toBeNull();
    expect(cleanFileName('report\u2067.pdf')).toBeNull();
    expect(cleanFileName('C:\\Users\\li\\报销单 11月.xlsx')).toBe('报销单 11月.xlsx');
    expect(cleanFileName('חשבונית.pdf')).toBe('חשבונית.pdf');
  });
});
