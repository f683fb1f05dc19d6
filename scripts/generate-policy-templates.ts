import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyTemplateFiles } from '../electron/core/policy/admx.ts';

/** Writes the ADMX and its ADML translations to resources/policy/ (PolicyDefinitions layout). */
const root = path.resolve(import.meta.dirname, '../resources/policy');
for (const [relative, content] of Object.entries(policyTemplateFiles())) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
