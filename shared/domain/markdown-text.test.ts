import { describe, expect, it } from 'vitest';
import { messageExcerpt } from './chat/message.ts';
import { markdownPlainText } from './markdown-text.ts';

describe('excerpts are the rendered words, not Markdown with characters deleted', () => {
  it('keeps the characters people type as text', () => {
    expect(markdownPlainText('Amount > 5000, approve by 5pm')).toBe('Amount > 5000, approve by 5pm');
    expect(markdownPlainText('C# course; file_name_v2.xlsx; ~3 days; room #4')).toBe(
      'C# course; file_name_v2.xlsx; ~3 days; room #4',
    );
    expect(markdownPlainText('Use `a > b` in the filter')).toBe('Use a > b in the filter');
  });

  it('drops only the marks: emphasis, headings, quotes, links, lists and tables', () => {
    expect(markdownPlainText('**Due today**: the _Q4_ ~~draft~~ plan')).toBe('Due today: the Q4 draft plan');
    expect(markdownPlainText('# Office move\n\n> Bring your badge\n\n- desk\n- chair')).toBe(
      'Office move Bring your badge desk chair',
    );
    expect(markdownPlainText('See [the form](https://oa.example.com/f) ![logo](x.png)')).toBe('See the form');
    expect(markdownPlainText('| Item | Cost |\n| - | - |\n| Taxi | 86 |')).toBe('Item Cost Taxi 86');
    expect(markdownPlainText('Before\n```\nsecret code\n```\nafter')).toBe('Before … after');
  });

  it('cuts long excerpts at a character, never inside a surrogate pair', () => {
    expect(messageExcerpt('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(messageExcerpt('**Amount > 5000**')).toBe('Amount > 5000');
  });
});
