import { readFile } from 'node:fs/promises';
import type { DirectoryAdmin } from '../features/directory/directory-admin.ts';
import { NewAccount } from '../features/directory/directory-admin.ts';
import type { DirectoryStore } from '../features/directory/directory-store.ts';

export type FirstAdminOutcome =
  | { kind: 'created'; username: string }
  | { kind: 'exists'; admins: number }
  | { kind: 'needed' }
  | { kind: 'refused'; reason: string };

/**
 * A production server starts empty, without the demo's published passwords. The first
 * administrator is created here, once, from a name and a password file (a file, so the password
 * never shows in the shell history or the process list); after that, accounts are managed by admins.
 */
export async function ensureFirstAdmin(
  deps: { directory: DirectoryStore; admin: DirectoryAdmin },
  request: { username: string; passwordFile: string } | null,
): Promise<FirstAdminOutcome> {
  const admins = deps.directory.usersWithRole('admin').length;
  if (admins > 0) return { kind: 'exists', admins };
  if (request === null) return { kind: 'needed' };
  let password: string;
  try {
    password = (await readFile(request.passwordFile, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    return { kind: 'refused', reason: `cannot read ${request.passwordFile}: ${(error as Error).message}` };
  }
  const account = NewAccount.safeParse({
    username: request.username,
    displayName: request.username,
    password,
    roles: ['employee', 'admin'],
  });
  if (!account.success)
    return { kind: 'refused', reason: account.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  await deps.admin.create(account.data);
  return { kind: 'created', username: account.data.username };
}

/** What to tell the operator, in words they can act on. */
export function describeFirstAdmin(outcome: FirstAdminOutcome, dataDir: string): string | null {
  switch (outcome.kind) {
    case 'created':
      return `First administrator ${outcome.username} created. Sign in with it; the --init-admin flags are no longer needed.`;
    case 'exists':
      return null;
    case 'needed':
      return [
        'No administrator exists yet. Create the first one (the password is read from a file, at least 10 characters):',
        `  npm run server -- --data ${dataDir} --init-admin <username> --admin-password-file <file>`,
        'To try Portico with a demo office instead (public passwords, never in production): npm start',
      ].join('\n');
    case 'refused':
      return `The first administrator was not created: ${outcome.reason}`;
  }
}
