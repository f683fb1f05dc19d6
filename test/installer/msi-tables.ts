/** Reads an MSI's tables and files with Debian's msitools (msiinfo, msiextract). */
import { execFileSync } from 'node:child_process';

export type Row = Record<string, string>;

/** One table as rows keyed by column name (`msiinfo export` prints IDT: names, types, keys, rows). */
export function msiTable(msi: string, table: string): Row[] {
  const lines = execFileSync('msiinfo', ['export', msi, table], { encoding: 'utf8' }).split(/\r?\n/);
  const columns = lines[0]!.split('\t');
  return lines
    .slice(3)
    .filter((line) => line !== '')
    .map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i]!, value])));
}

export function msiTables(msi: string): string[] {
  return execFileSync('msiinfo', ['tables', msi], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

export function summaryInfo(msi: string): Record<string, string> {
  const text = execFileSync('msiinfo', ['suminfo', msi], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+): (.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** The installed paths of every file, relative to the install folder's parent ("Portico/…"). */
export function msiFileList(msi: string): string[] {
  return execFileSync('msiextract', ['--list', msi], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replaceAll('\\', '/').replace(/^.*?Program Files\//, ''));
}

export function extractMsi(msi: string, folder: string): void {
  execFileSync('msiextract', ['-C', folder, msi], { stdio: 'ignore' });
}
