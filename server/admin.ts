import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { BackupRefused } from './ops/backup/backup-archive.ts';
import { DATABASE_FILE } from './ops/backup/data-folder.ts';
import { restoreBackup } from './ops/backup/restore-backup.ts';
import { takeBackup } from './ops/backup/take-backup.ts';
import { inspectDatabase, knownSchemaVersion } from './store/backup-snapshot.ts';
import { NewAccount } from './features/directory/directory-admin.ts';
import { openOfflineDirectory } from './setup/offline-admin.ts';
import { rotateSigningKeys } from './setup/rotate-keys.ts';
import { openOfflineFeatures } from './setup/offline-features.ts';
import { collectPersonalData } from './ops/personal-data.ts';

/**
 * `npm run admin -- <command>`: what must work when the web console cannot. Each command prints
 * what it did in a sentence, or why it refused, and exits non-zero on refusal.
 */
const usage = `portico-admin <command> [options]
  backup  --data <folder> --out <file> --key-file <file>
          an encrypted, consistent copy of the database and the signing keys, taken while the server runs
  restore --data <folder> --from <file> --key-file <file> [--replace]
          into a stopped server's data folder; refuses a backup from a newer schema, a wrong key or a
          damaged file; --replace moves the folder's current data aside (it is never deleted)
  check   --data <folder>
          the database's schema version and SQLite's integrity check
  create-admin   --data <folder> --user <name> --password-file <file>
          a new administrator, also when others exist (all of them locked out, or gone)
  reset-password --data <folder> --user <name> --password-file <file>
          a new password for a person who cannot sign in; ends their sessions, clears a lockout, audited
  export-user    --data <folder> --user <name> --out <file>
          everything Portico holds about one person, as JSON, for their own copy (PIPL art. 45, GDPR art. 15)
  rotate-keys    --data <folder> [--revoke] [--access]
          the launch-ticket signing key: the published next key signs from now (a running server
          follows at its next ticket); --revoke unpublishes the old one at once (a leaked key);
          --access also replaces the access-token key (takes effect at the next server start;
          PCs then renew their tokens without signing in again)

The key file holds the backup passphrase (at least 16 characters); keep it apart from the backups.`;

function passphrase(file: string | undefined): string {
  if (!file) throw new BackupRefused('--key-file is required: the file holding the backup passphrase');
  const text = readFileSync(path.resolve(file), 'utf8').trim();
  if (text.length < 16) throw new BackupRefused(`the passphrase in ${file} is shorter than 16 characters`);
  return text;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      'key-file': { type: 'string' },
      replace: { type: 'boolean' },
      user: { type: 'string' },
      revoke: { type: 'boolean' },
      access: { type: 'boolean' },
      'password-file': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = path.resolve(values.data ?? process.env.PORTICO_DATA ?? '.portico-data/server');
  switch (command) {
    case 'backup': {
      if (!values.out) throw new BackupRefused('--out is required: the backup file to write');
      const { header, tookMs } = await takeBackup({
        dataDir,
        out: path.resolve(values.out),
        passphrase: passphrase(values['key-file']),
        serverVersion: packageJson.version,
        now: () => Date.now(),
      });
      const bytes = header.entries.reduce((sum, e) => sum + e.bytes, 0);
      console.log(
        `backup written to ${values.out}: schema ${header.schemaVersion}, ${header.entries.length} files, ` +
          `${(bytes / 2 ** 20).toFixed(1)} MiB, in ${(tookMs / 1000).toFixed(1)} s`,
      );
      return 0;
    }
    case 'restore': {
      if (!values.from) throw new BackupRefused('--from is required: the backup file to restore');
      const { header, movedAside } = await restoreBackup({
        file: path.resolve(values.from),
        dataDir,
        passphrase: passphrase(values['key-file']),
        replace: values.replace ?? false,
        now: () => Date.now(),
      });
      console.log(
        `restored the backup of ${new Date(header.createdAt).toISOString()} (schema ${header.schemaVersion}) into ${dataDir}` +
          (movedAside ? `; the data it replaced is in ${movedAside}` : '') +
          '. Every PC takes a fresh snapshot when it reconnects.',
      );
      return 0;
    }
    case 'check': {
      const report = inspectDatabase(path.join(dataDir, DATABASE_FILE));
      const ok = report.integrity.join() === 'ok';
      console.log(
        `${dataDir}: schema ${report.schemaVersion} (this server knows up to ${knownSchemaVersion()}); integrity ${ok ? 'ok' : report.integrity.slice(0, 5).join('; ')}`,
      );
      return ok ? 0 : 1;
    }
    case 'create-admin':
    case 'reset-password': {
      if (!values.user || !values['password-file'])
        throw new Error('--user and --password-file are required (the password is read from a file, never the command line)');
      const password = readFileSync(path.resolve(values['password-file']), 'utf8').replace(/\r?\n$/, '');
      const offline = openOfflineDirectory(dataDir);
      try {
        const existing = offline.directory.idOfUsername(values.user);
        if (command === 'create-admin') {
          if (existing) throw new Error(`${values.user} exists already: use reset-password, or another name`);
          const account = NewAccount.safeParse({
            username: values.user,
            displayName: values.user,
            password,
            roles: ['employee', 'admin'],
          });
          if (!account.success) throw new Error(account.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          await offline.admin.create(account.data);
          console.log(`administrator ${values.user} created; sign in with it`);
        } else {
          if (!existing) throw new Error(`no account is named ${values.user}`);
          const parsed = NewAccount.shape.password.safeParse(password);
          if (!parsed.success) throw new Error(`the new password: ${parsed.error.issues[0]?.message ?? 'refused'}`);
          await offline.admin.resetPassword(existing, parsed.data);
          console.log(`the password of ${values.user} is reset; their sessions have ended`);
        }
      } finally {
        offline.close();
      }
      return 0;
    }
    case 'export-user': {
      if (!values.user || !values.out) throw new Error('--user and --out are required');
      if (existsSync(path.resolve(values.out)))
        throw new Error(`${values.out} exists already: an export never overwrites a file`);
      const offline = await openOfflineFeatures(dataDir, packageJson.version);
      try {
        const userId = offline.directory.idOfUsername(values.user);
        if (!userId) throw new Error(`no account is named ${values.user}`);
        const data = await collectPersonalData(offline.features, userId, { now: Date.now(), serverVersion: packageJson.version });
        writeFileSync(path.resolve(values.out), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
        console.log(`the data Portico holds about ${values.user} is in ${values.out} (${Object.keys(data.parts).join(', ')})`);
      } finally {
        await offline.close();
      }
      return 0;
    }
    case 'rotate-keys': {
      const rotated = await rotateSigningKeys(dataDir, { revoke: values.revoke ?? false, access: values.access ?? false });
      console.log(
        `ticket signing key rotated: ${rotated.active} signs from now; ${rotated.retired} ` +
          (values.revoke
            ? 'is unpublished now: tickets it signed stop working'
            : 'stays published until its last ticket expires') +
          (rotated.accessKeyReplaced ? '. The access-token key is replaced: restart the server to use it.' : ''),
      );
      return 0;
    }
    default:
      console.log(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupRefused || error instanceof Error ? `refused: ${error.message}` : String(error));
    process.exit(1);
  },
);
