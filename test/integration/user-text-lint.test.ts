import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The lint rule that keeps text people wrote isolated for direction wherever the renderer shows it. */
describe('portico/isolate-user-text', () => {
  const eslint = new ESLint({ cwd: root });
  const problems = async (jsx: string) => {
    const code = `import { UserText } from '../../ui/UserText.tsx';\nexport const Row = ({ task }: { task: { title: string; name: string } }) => (${jsx});\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/features/x/Row.tsx') });
    return result!.messages.filter((m) => m.ruleId === 'portico/isolate-user-text').map((m) => m.message);
  };

  it('refuses a title or a name dropped bare into an element', async () => {
    expect(await problems('<strong className="ellipsis">{task.title}</strong>')).toEqual([
      expect.stringMatching(/render title \(text people wrote\) inside <UserText>/),
    ]);
    expect(await problems('<li>{task.name}</li>')).toHaveLength(1);
  });

  it('accepts it inside <UserText>, <bdi> or an element with dir', async () => {
    expect(await problems('<strong><UserText>{task.title}</UserText></strong>')).toEqual([]);
    expect(await problems('<bdi>{task.name}</bdi>')).toEqual([]);
    expect(await problems('<h2 dir="auto">{task.title}</h2>')).toEqual([]);
  });
});
