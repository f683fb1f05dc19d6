import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every stylesheet under renderer/, with its path relative to the repository. */
function stylesheets(dir = path.join(root, 'renderer')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(full);
    return entry.name.endsWith('.css') ? [path.relative(root, full)] : [];
  });
}

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(/gi;

describe('design tokens', () => {
  it('keeps every colour in tokens.css, so no stylesheet invents one that fails contrast or forced-colors', () => {
    const offenders = stylesheets()
      .filter((file) => !file.endsWith('renderer/ui/tokens.css'))
      .flatMap((file) =>
        readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (line.match(COLOUR_LITERAL) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('finds a colour literal when one is there (the guard can fail)', () => {
    expect('  color: #1d2733;'.match(COLOUR_LITERAL)).not.toBeNull();
    expect('  background: rgb(0 0 0 / 12%);'.match(COLOUR_LITERAL)).not.toBeNull();
    expect('  color: var(--ink);'.match(COLOUR_LITERAL)).toBeNull();
  });
});

/** The lint rule that sends features to the design-system components instead of bare elements. */
describe('portico/use-ui-components', () => {
  const eslint = new ESLint({ cwd: root });
  const problems = async (jsx: string, file = 'renderer/features/x/Panel.tsx') => {
    const code = `export const Panel = () => (${jsx});\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'portico/use-ui-components').map((m) => m.message);
  };

  it('refuses a bare styled button, dialog, search box or badge in a feature', async () => {
    expect(await problems('<button className="primary">Go</button>')).toEqual([
      expect.stringMatching(/use <Button variant="primary">/),
    ]);
    expect(await problems('<button className="person-row link">Go</button>')).toHaveLength(1);
    expect(await problems('<div role="dialog" aria-label="x" />')).toEqual([expect.stringMatching(/use <Dialog>/)]);
    expect(await problems('<div className="modal" aria-modal="true" />')).toHaveLength(1);
    expect(await problems('<input type="search" aria-label="x" />')).toEqual([expect.stringMatching(/use <SearchField>/)]);
    expect(await problems('<span className="badge important">3</span>')).toEqual([expect.stringMatching(/use <Badge tone/)]);
  });

  it('accepts the components, unstyled elements, and the design system building on the elements', async () => {
    expect(await problems('<button className="tab">Tab</button>')).toEqual([]);
    expect(await problems('<input type="text" aria-label="x" />')).toEqual([]);
    expect(await problems('<div role="dialog" aria-label="x" />', 'renderer/ui/Popover.tsx')).toEqual([]);
  });
});
