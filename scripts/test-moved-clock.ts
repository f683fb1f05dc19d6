/**
 * The functional tests again with the process clock moved, so a test that reads today's date (or a
 * demo history relative to it) fails here instead of on some Wednesday in CI. Each run shifts every
 * process's wall clock by one fixed offset with libfaketime (Debian's `faketime`), so the test
 * runner, the servers it spawns and the clients agree; monotonic clocks stay real, so timers work.
 *
 *   node scripts/test-moved-clock.ts            all instants
 *   node scripts/test-moved-clock.ts monday     one of them
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export const movedInstants = [
  // The start of a working week in the demo's zone: yesterday was a weekend, today has no clocks yet.
  { name: 'monday', timeZone: 'Asia/Shanghai', wall: '2026-11-30T09:05:00+08:00' },
  // Late on a rest day: "today" ends within the run, the last workday was two days ago.
  { name: 'sunday-night', timeZone: 'Asia/Shanghai', wall: '2026-11-29T23:30:00+08:00' },
  // Minutes before Europe's spring-forward (02:00 → 03:00 in Oslo): a day of 23 hours under the run.
  { name: 'oslo-dst', timeZone: 'Europe/Oslo', wall: '2027-03-28T01:58:00+01:00' },
] as const;

function hasFaketime(): boolean {
  return spawnSync('faketime', ['-f', '+0s', 'true']).status === 0;
}

const wanted = process.argv[2];
if (!hasFaketime()) {
  console.error('faketime is missing: apt-get install faketime (npm run setup does it where it may)');
  process.exit(2);
}
let failed = 0;
for (const instant of movedInstants.filter((i) => !wanted || i.name === wanted)) {
  const offsetSeconds = Math.round((Date.parse(instant.wall) - Date.now()) / 1000);
  const env = { ...process.env, TZ: instant.timeZone, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
  const shown = execFileSync('faketime', ['-f', `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}s`, 'date'], {
    env,
    encoding: 'utf8',
  }).trim();
  console.log(`\n--- functional tests at ${instant.wall} (${instant.timeZone}): the processes see "${shown}"`);
  const run = spawnSync(
    'faketime',
    [
      '-f',
      `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}s`,
      process.execPath,
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      'functional',
    ],
    { cwd: root, env, stdio: 'inherit' },
  );
  if (run.status !== 0) {
    failed += 1;
    console.error(`--- FAILED at ${instant.wall} (${instant.timeZone})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
