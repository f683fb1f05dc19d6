// The memory soak at full length: `npm run soak -- --hours 24` keeps the app open through a simulated
// day of a very busy office in real time (or faster with --speed), then prints the heap and RSS
// slopes after warm-up and writes the samples as CSV. Chromium is Debian's, as in the e2e tests.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { runMemorySoak } from './memory-soak.ts';

const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '24' },
    speed: { type: 'string', default: '1' },
    multiple: { type: 'string', default: '10' },
    out: { type: 'string', default: 'soak-samples.csv' },
  },
});
const hours = Number(values.hours);
const speed = Number(values.speed);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  const result = await runMemorySoak({
    page,
    simulatedHours: hours,
    realMsPerMinute: 60_000 / speed,
    multiple: Number(values.multiple),
    sampleEveryMinutes: Math.max(1, Math.round(hours * 2)),
    log: (line) => console.log(line),
  });
  writeFileSync(
    values.out,
    [
      'minute,renderer_heap_bytes,core_heap_bytes,core_rss_bytes',
      ...result.samples.map((s) => `${s.minute},${s.rendererHeap},${s.coreHeap},${s.coreRss}`),
    ].join('\n') + '\n',
  );
  console.log(`sent ${JSON.stringify(result.sent)}`);
  console.log(
    `slopes after warm-up, MB per simulated hour: renderer heap ${result.slopes.rendererHeap.toFixed(2)}, core heap ${result.slopes.coreHeap.toFixed(2)}, core RSS ${result.slopes.coreRss.toFixed(2)}`,
  );
  process.exitCode = result.slopes.rendererHeap < 1 && result.slopes.coreHeap < 1 ? 0 : 1;
} finally {
  await browser.close();
}
