import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUSY_OFFICE_PER_HOUR } from '../soak/office-load.ts';
import { runMemorySoak } from '../soak/memory-soak.ts';

const HOURS = 2;
const MULTIPLE = 10;

/**
 * Two simulated hours of a very busy office (10× a busy one: notices, chat, presence) in two real
 * minutes, with the app open as a person keeps it all day. The renderer's and core's heaps after
 * garbage collection must be flat after warm-up: under 1 MB per simulated hour. The 24-hour form:
 * `npm run soak -- --hours 24` (test/soak/run-soak.ts).
 */
test('memory stays flat while the app is open through a busy office day (CI-sized soak)', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const lines: string[] = [];
  const result = await runMemorySoak({
    page,
    simulatedHours: HOURS,
    realMsPerMinute: 1000,
    multiple: MULTIPLE,
    sampleEveryMinutes: 5,
    log: (line) => lines.push(line),
  });
  const dir = path.resolve(import.meta.dirname, '../../test-results/soak');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'samples.csv'),
    [
      'minute,renderer_heap_bytes,core_heap_bytes,core_rss_bytes',
      ...result.samples.map((s) => `${s.minute},${s.rendererHeap},${s.coreHeap},${s.coreRss}`),
    ].join('\n') + '\n',
  );
  console.log(lines.join('\n'));
  console.log(
    `slopes after warm-up (MB per simulated hour): ${JSON.stringify(result.slopes)}; sent ${JSON.stringify(result.sent)}`,
  );
  // The office really happened, at the rate claimed.
  expect(result.sent).toEqual({
    chatMessages: HOURS * BUSY_OFFICE_PER_HOUR.chatMessages * MULTIPLE,
    presenceChanges: HOURS * BUSY_OFFICE_PER_HOUR.presenceChanges * MULTIPLE,
    notices: HOURS * BUSY_OFFICE_PER_HOUR.notices * MULTIPLE,
    refused: 0,
  });
  expect(result.slopes.rendererHeap).toBeLessThan(1);
  expect(result.slopes.coreHeap).toBeLessThan(1);
  // RSS follows the allocator as much as the app (60× compressed load): a guard against gross growth only.
  expect(result.slopes.coreRss).toBeLessThan(10);
});
